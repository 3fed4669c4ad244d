import type { CheckFailure } from "../core/check-failures";
import { ProviderRuntime } from "../core/runtime";
import { parseProviderSettings } from "../core/settings";
import type { PropertyMap } from "./handler";

/** One per plugin process: the engine starts a process for each provider (default or explicit). */
export const nativeRuntime = new ProviderRuntime();

/**
 * What is wrong with an explicit provider's (or the stack's) settings, said at `pulumi preview`,
 * each failure naming its property. Missing credentials are not: they may come from the
 * environment, and each resource's check says so with the keys to set.
 */
export function checkProviderConfig(news: PropertyMap): CheckFailure[] {
  const parsed = parseProviderSettings(news, {});
  return parsed.ok ? [] : parsed.problems.map(({ key, message }) => ({ property: key, reason: message }));
}

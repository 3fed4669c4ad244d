import { ChatHubConfigError } from "../api";
import type { CheckFailure } from "../core/check-failures";
import { CONFIG_KEYS } from "../core/provider-config";
import { ProviderRuntime } from "../core/runtime";
import { readProviderSettings, type StackConfig } from "../core/settings";
import type { PropertyMap } from "./handler";

/** The provider's configuration keys, as `chathub:<key>` in stack config and as an explicit provider's inputs. */
export { CONFIG_KEYS };

/** One per plugin process: the engine starts a process for each provider (default or explicit). */
export const nativeRuntime = new ProviderRuntime();

/** The provider's properties (bare names) as the settings reader asks for them (`chathub:token`). */
export function stackConfigOf(config: Record<string, string | number | undefined>): StackConfig {
  return {
    get(key) {
      const value = config[key.replace(/^chathub:/, "")];
      return value === undefined ? undefined : String(value);
    },
  };
}

/**
 * What is wrong with an explicit provider's (or the stack's) settings, said at `pulumi preview`.
 * Missing credentials are not: they may come from the environment, and each resource's check
 * says so with the keys to set.
 */
export function checkProviderConfig(news: PropertyMap): CheckFailure[] {
  const config: Record<string, string | undefined> = {};
  for (const key of CONFIG_KEYS) {
    const value = news[key];
    if (typeof value === "string" || typeof value === "number") config[key] = String(value);
  }
  try {
    readProviderSettings(stackConfigOf(config), {});
    return [];
  } catch (error) {
    if (!(error instanceof ChatHubConfigError)) throw error;
    return [{ property: error.configKey.replace(/^chathub:/, ""), reason: error.message }];
  }
}

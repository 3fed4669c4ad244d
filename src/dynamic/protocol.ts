import type * as pulumi from "@pulumi/pulumi";
import { CONFIG_KEYS, stackConfigKey } from "../core/provider-config";
import type { GivenSettings } from "../core/settings";
import { ENGINE_UNKNOWN_MARKER, UNKNOWN } from "../core/unknown";

/**
 * What only the dynamic provider protocol has: the serialized provider every resource carries,
 * the marker for a value not known yet, and the outputs a dynamic resource passes as inputs.
 */

/** The marker Pulumi puts in place of a value that is not known yet (during preview). */
export const UNKNOWN_VALUE = ENGINE_UNKNOWN_MARKER;

/** Key under which Pulumi stores the serialized dynamic provider in every resource's inputs. */
export const PROVIDER_KEY = "__provider";

/**
 * The inputs as the core reads them: without the serialized provider and the outputs a dynamic
 * resource declares as placeholders, with unknown values as UNKNOWN.
 */
export function coreInputs(
  raw: Record<string, unknown>,
  outputs: readonly string[],
): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === PROVIDER_KEY || outputs.includes(key)) continue;
    inputs[key] = value === UNKNOWN_VALUE ? UNKNOWN : value;
  }
  return inputs;
}

/** The checked inputs as the engine stores them: the serialized provider carried over. */
export function engineInputs(
  inputs: Record<string, unknown>,
  news: Record<string, unknown>,
): Record<string, unknown> {
  return { ...inputs, [PROVIDER_KEY]: news[PROVIDER_KEY] };
}

/** The provider's settings as a dynamic provider is configured with them: the stack's `chathub:*` text. */
export function stackSettings(config: Pick<pulumi.dynamic.Config, "get">): GivenSettings {
  return Object.fromEntries(CONFIG_KEYS.map((key) => [key, config.get(stackConfigKey(key))]));
}

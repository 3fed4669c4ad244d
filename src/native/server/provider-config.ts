/**
 * The provider's configuration as Configure receives it. The engine sends it twice: `args`, a
 * Struct of the provider's properties by bare name (values typed, secrets wrapped), and the older
 * `variables`, strings keyed `chathub:config:token` (or `chathub:token` from older engines).
 * `args` wins when present.
 */
import type { ConfigureRequest } from "@pulumi/pulumi/proto/provider_pb";
import { isUnknown } from "../../core/unknown";
import type { PropertyMap, PropertyValue } from "../handler";
import { propertiesFromStruct } from "./properties";

export type ProviderConfig = Record<string, string | number | undefined>;

/** The engine's own bookkeeping among the provider's inputs, not configuration. */
const NOT_CONFIG = new Set(["version", "pluginDownloadURL"]);

/** The provider's inputs without the engine's own keys, as CheckConfig hands them to the definition. */
export function withoutEngineKeys(inputs: PropertyMap): PropertyMap {
  return Object.fromEntries(Object.entries(inputs).filter(([key]) => !NOT_CONFIG.has(key)));
}

function configValue(value: PropertyValue): string | number | undefined {
  if (value === null || isUnknown(value)) return undefined;
  if (typeof value === "string" || typeof value === "number") return value;
  if (typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

export function configFromArgs(args: PropertyMap): ProviderConfig {
  const config: ProviderConfig = {};
  for (const [key, value] of Object.entries(args)) {
    if (NOT_CONFIG.has(key)) continue;
    const converted = configValue(value);
    if (converted !== undefined) config[key] = converted;
  }
  return config;
}

export function configFromVariables(variables: ReadonlyMap<string, string>, pkg: string): ProviderConfig {
  const config: ProviderConfig = {};
  for (const [key, value] of variables) {
    const name = key.startsWith(`${pkg}:config:`)
      ? key.slice(pkg.length + ":config:".length)
      : key.startsWith(`${pkg}:`)
        ? key.slice(pkg.length + 1)
        : undefined;
    if (name === undefined || NOT_CONFIG.has(name)) continue;
    config[name] = value;
  }
  return config;
}

export function configFromRequest(request: ConfigureRequest, pkg: string): ProviderConfig {
  const args = request.getArgs();
  if (args) return configFromArgs(propertiesFromStruct(args));
  return configFromVariables(new Map(request.getVariablesMap().toArray()), pkg);
}

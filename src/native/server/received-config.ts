/**
 * The provider's configuration as CheckConfig and Configure receive it, for the definition to
 * parse. Configure gets it twice: `args`, a Struct of the provider's properties by bare name
 * (values typed, secrets wrapped), and the older `variables`, strings keyed `chathub:config:token`
 * (or `chathub:token` from older engines). `args` wins when present.
 */
import type { ConfigureRequest } from "@pulumi/pulumi/proto/provider_pb";
import { isUnknown } from "../../core/unknown";
import type { PropertyMap } from "../handler";
import { propertiesFromStruct } from "./properties";

/** The engine's own bookkeeping among the provider's inputs, not configuration. */
const NOT_CONFIG = new Set(["version", "pluginDownloadURL"]);

/** The provider's inputs without the engine's own keys, as CheckConfig hands them to the definition. */
export function withoutEngineKeys(inputs: PropertyMap): PropertyMap {
  return Object.fromEntries(Object.entries(inputs).filter(([key]) => !NOT_CONFIG.has(key)));
}

/** `args` as the definition reads them: values as typed, with null and values not known yet left out. */
function configFromArgs(args: PropertyMap): PropertyMap {
  return Object.fromEntries(
    Object.entries(withoutEngineKeys(args)).filter(([, value]) => value !== null && !isUnknown(value)),
  );
}

function configFromVariables(variables: ReadonlyMap<string, string>, pkg: string): PropertyMap {
  const config: PropertyMap = {};
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

export function configFromRequest(request: ConfigureRequest, pkg: string): PropertyMap {
  const args = request.getArgs();
  if (args) return configFromArgs(propertiesFromStruct(args));
  return configFromVariables(new Map(request.getVariablesMap().toArray()), pkg);
}

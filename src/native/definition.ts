import { chathubPackage } from "../declarations/package";
import { packageSchema } from "../declarations/package-schema";
import { checkProviderConfig, nativeRuntime } from "./config";
import { servedResources } from "./declared-resource";
import { servedFunctions } from "./functions";
import type { NativeProviderDefinition } from "./handler";

/**
 * The package's version is the plugin's: one release, one version, in package.json. Required, not
 * read from disk, so that the standalone plugin's bundle carries it (scripts/release/bundle.ts).
 */
const { version } = require("../../package.json") as { version: string };

/** The native `chathub` provider: what `pulumi-resource-chathub` serves, over the shared core. */
export const chathubProvider: NativeProviderDefinition = {
  name: chathubPackage.name,
  version,
  schema: packageSchema(chathubPackage, version),
  async checkConfig(news) {
    return checkProviderConfig(news);
  },
  async configure(config) {
    nativeRuntime.configure(config);
  },
  resources: servedResources(chathubPackage.resources, nativeRuntime),
  functions: servedFunctions(chathubPackage.functions, nativeRuntime),
};

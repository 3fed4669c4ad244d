import path from "node:path";
import type * as pulumi from "@pulumi/pulumi";

/**
 * A provider object to hand to Pulumi, which serializes it into the state of every resource and
 * re-creates it in the provider process.
 *
 * Installed from npm (under node_modules), the provider module's own exports are handed over:
 * Pulumi's closure serializer recognizes an installed module and stores only
 * `require("<modulePath>")` (a few hundred bytes per resource, no token, no path, no code, so
 * state works on any machine and across upgrades of this package).
 *
 * Anywhere else (e.g. `npm link`, where the package's real path is outside node_modules), the
 * serializer would copy the implementation by value, so a small stand-in is handed over
 * instead: each call loads the implementation by package name in the provider process.
 */
export function providerReference(
  provider: pulumi.dynamic.ResourceProvider,
  modulePath: string,
): pulumi.dynamic.ResourceProvider {
  if (__filename.split(path.sep).includes("node_modules")) return provider;
  const load = (): pulumi.dynamic.ResourceProvider => require(modulePath);
  return {
    configure: (request) => load().configure?.(request) ?? Promise.resolve(),
    check: (olds, news) => load().check?.(olds, news) ?? Promise.resolve({ inputs: news }),
    diff: (id, olds, news) => load().diff?.(id, olds, news) ?? Promise.resolve({}),
    create: (inputs) => load().create(inputs),
    read: (id, props) => load().read?.(id, props) ?? Promise.resolve({ id, props }),
    update: (id, olds, news) => load().update?.(id, olds, news) ?? Promise.resolve({}),
    delete: (id, props) => load().delete?.(id, props) ?? Promise.resolve(),
  };
}

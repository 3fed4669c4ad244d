import path from "node:path";
import type * as pulumi from "@pulumi/pulumi";

import operatorProvider = require("../provider");

/**
 * The provider object handed to Pulumi, which serializes it into the state of every operator
 * and re-creates it in the provider process.
 *
 * Installed from npm (under node_modules), the provider module's own exports are handed over:
 * Pulumi's closure serializer recognizes an installed module and stores only
 * `require("pulumi-chathub/provider")` (a few hundred bytes per operator, no token, no path, no
 * code, so state works on any machine and across upgrades of this package).
 *
 * Anywhere else (e.g. `npm link`, where the package's real path is outside node_modules), the
 * serializer would copy the implementation by value, so a small stand-in is handed over
 * instead: each call loads the implementation by package name in the provider process.
 */
export const operatorProviderReference: pulumi.dynamic.ResourceProvider = __filename
  .split(path.sep)
  .includes("node_modules")
  ? operatorProvider
  : {
      configure: (request) => load().configure?.(request) ?? Promise.resolve(),
      check: (olds, news) => load().check?.(olds, news) ?? Promise.resolve({ inputs: news }),
      diff: (id, olds, news) => load().diff?.(id, olds, news) ?? Promise.resolve({}),
      create: (inputs) => load().create(inputs),
      read: (id, props) => load().read?.(id, props) ?? Promise.resolve({ id, props }),
      update: (id, olds, news) => load().update?.(id, olds, news) ?? Promise.resolve({}),
      delete: (id, props) => load().delete?.(id, props) ?? Promise.resolve(),
    };

function load(): pulumi.dynamic.ResourceProvider {
  return require("pulumi-chathub/provider");
}

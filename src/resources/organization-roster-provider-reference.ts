import path from "node:path";
import type * as pulumi from "@pulumi/pulumi";

import organizationRosterProvider = require("../provider/organization-roster-module");

/**
 * The ChatHubOrganizationRoster provider handed to Pulumi: stored in the state as
 * `require("pulumi-chathub/organization-roster-provider")` when installed from npm, or a small
 * stand-in that loads it by package name otherwise. Same reasons as operator-provider-reference.ts.
 */
export const organizationRosterProviderReference: pulumi.dynamic.ResourceProvider = __filename
  .split(path.sep)
  .includes("node_modules")
  ? organizationRosterProvider
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
  return require("pulumi-chathub/organization-roster-provider");
}

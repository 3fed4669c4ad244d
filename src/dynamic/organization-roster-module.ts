/**
 * The ChatHubOrganizationRoster provider, loaded by Pulumi's dynamic provider process. As with
 * ./operator-module.ts, the module object *is* the provider, so the state stores it as
 * `require("pulumi-chathub/organization-roster-provider")` (see package.json "exports").
 */
import { organizationRosterDeclaration } from "../declarations/organization-roster";
import { dynamicProvider } from "./declared-provider";
import { providerRuntime } from "./shared-runtime";

export = dynamicProvider(organizationRosterDeclaration, providerRuntime);

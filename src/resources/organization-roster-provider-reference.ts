import organizationRosterProvider = require("../dynamic/organization-roster-module");

import { providerReference } from "./provider-reference";

/** The ChatHubOrganizationRoster provider handed to Pulumi: `require("pulumi-chathub/organization-roster-provider")` in the state. */
export const organizationRosterProviderReference = providerReference(
  organizationRosterProvider,
  "pulumi-chathub/organization-roster-provider",
);

import type { PackageDeclaration } from "./declaration";
import { getOperatorsDeclaration, getOrganizationDeclaration, getOrganizationsDeclaration } from "./lookups";
import { operatorDeclaration } from "./operator";
import { organizationRosterDeclaration } from "./organization-roster";
import { providerDeclaration } from "./provider";

/** The `chathub` package: a resource or function is served, in the schema and documented once listed here. */
export const chathubPackage: PackageDeclaration = {
  name: "chathub",
  displayName: "ChatHub",
  description: "Manage ChatHub (SMSBAT) operator rosters as code: who can answer your customers' chats.",
  // The GitHub releases of this repository, which hold pulumi-resource-chathub-v<version>-<os>-<arch>.tar.gz.
  pluginDownloadURL: "github://api.github.com/pulumi-chathub/pulumi-chathub",
  provider: providerDeclaration,
  resources: [operatorDeclaration, organizationRosterDeclaration],
  functions: [getOperatorsDeclaration, getOrganizationsDeclaration, getOrganizationDeclaration],
};

export const OPERATOR_TOKEN = operatorDeclaration.token;
export const ORGANIZATION_ROSTER_TOKEN = organizationRosterDeclaration.token;
export const GET_OPERATORS_TOKEN = getOperatorsDeclaration.token;
export const GET_ORGANIZATION_TOKEN = getOrganizationDeclaration.token;

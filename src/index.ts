/** pulumi-chathub: manage ChatHub operator rosters as code with Pulumi. */

export type { RosterEntry } from "./resources/declared-args";
export {
  type GetOperatorsArgs,
  type GetOperatorsResult,
  getOperators,
  getOperatorsOutput,
  type LiveOperator,
} from "./resources/get-operators";
export {
  type GetOrganizationArgs,
  type GetOrganizationsResult,
  getOrganization,
  getOrganizationOutput,
  getOrganizations,
  getOrganizationsOutput,
  type OrganizationInfo,
} from "./resources/get-organizations";
export { ChatHubOperator, type ChatHubOperatorArgs, type OperatorStatus } from "./resources/operator";
export {
  ChatHubOrganizationRoster,
  type ChatHubOrganizationRosterArgs,
  type UnmanagedMode,
  type UnmanagedOperator,
} from "./resources/organization-roster";
export { ChatHubOperatorRoster, type ChatHubOperatorRosterArgs, type RosterCounts } from "./resources/roster";

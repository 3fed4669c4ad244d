// pulumi-chathub/policy: CrossGuard policies for ChatHub rosters. It needs @pulumi/policy, an
// optional peer dependency, only for its types: a program that never imports this needs neither.
export { chathubRosterPolicies } from "./chathub-roster-policies";
export { MIN_ACTIVE_POLICY } from "./min-active-policy";
export { NAME_PATTERN_POLICY } from "./name-pattern-policy";
export { ONE_ORGANIZATION_POLICY } from "./one-organization-policy";
export type { ChatHubRosterPolicyOptions } from "./options";
export { ROSTER_TYPES } from "./roster-resources";
export { UNMANAGED_DELETE_POLICY } from "./unmanaged-delete-policy";

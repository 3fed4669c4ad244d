import type { Policies } from "@pulumi/policy";
import { minActivePolicy } from "./min-active-policy";
import { namePatternPolicy } from "./name-pattern-policy";
import { oneOrganizationPolicy } from "./one-organization-policy";
import { type ChatHubRosterPolicyOptions, parsePolicyOptions } from "./options";
import { unmanagedDeletePolicy } from "./unmanaged-delete-policy";

/**
 * The CrossGuard policies for the rules chosen, for a team's `new PolicyPack(name, { policies })`.
 * Each reads the roster from the resources' inputs (dynamic and native ChatHub resources alike),
 * makes no request to ChatHub, and is mandatory unless `enforcementLevel` or the pack's config says
 * otherwise.
 */
export function chathubRosterPolicies(options: ChatHubRosterPolicyOptions): Policies {
  const chosen = parsePolicyOptions(options);
  const level = chosen.enforcementLevel ?? "mandatory";
  const policies: Policies = [];
  if (chosen.minActivePerOrganization !== undefined) {
    policies.push(minActivePolicy(chosen.minActivePerOrganization, level));
  }
  if (chosen.namePattern !== undefined) policies.push(namePatternPolicy(chosen.namePattern, level));
  if (chosen.unmanagedDelete === "forbidden") policies.push(unmanagedDeletePolicy(level));
  if (chosen.onePersonOneOrganization === true) policies.push(oneOrganizationPolicy(level));
  return policies;
}

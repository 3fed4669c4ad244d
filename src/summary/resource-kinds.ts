import { OPERATOR_TOKEN, ORGANIZATION_ROSTER_TOKEN } from "../declarations/package";

/**
 * The resource types whose steps change people, by what they are. A ChatHubOperatorRoster's
 * children are ChatHubOperators (its component, chathub:index:OperatorRoster, changes nobody).
 */
export type ResourceKind = "operator" | "organization-roster";

/** The dynamic resources' types: `pulumi-nodejs:dynamic/<module>:<type>`. */
const DYNAMIC_OPERATOR_TYPE = "pulumi-nodejs:dynamic/chathub:Operator";
const DYNAMIC_ORGANIZATION_ROSTER_TYPE = "pulumi-nodejs:dynamic/chathub:OrganizationRoster";

const KINDS: Record<string, ResourceKind> = {
  [DYNAMIC_OPERATOR_TYPE]: "operator",
  [OPERATOR_TOKEN]: "operator",
  [DYNAMIC_ORGANIZATION_ROSTER_TYPE]: "organization-roster",
  [ORGANIZATION_ROSTER_TOKEN]: "organization-roster",
};

export function resourceKindOf(type: string): ResourceKind | undefined {
  return KINDS[type];
}

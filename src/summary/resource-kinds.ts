import { operatorDeclaration } from "../declarations/operator";
import { organizationRosterDeclaration } from "../declarations/organization-roster";
import { dynamicTypeOf } from "../dynamic/dynamic-type";

/**
 * The resource types whose steps change people, by what they are. A ChatHubOperatorRoster's
 * children are ChatHubOperators (its component, chathub:index:OperatorRoster, changes nobody).
 */
export type ResourceKind = "operator" | "organization-roster";

/** Each kind's resources, native (the token) and dynamic (the TypeScript class's type). */
const KINDS: Record<string, ResourceKind> = {
  [operatorDeclaration.token]: "operator",
  [dynamicTypeOf(operatorDeclaration)]: "operator",
  [organizationRosterDeclaration.token]: "organization-roster",
  [dynamicTypeOf(organizationRosterDeclaration)]: "organization-roster",
};

export function resourceKindOf(type: string): ResourceKind | undefined {
  return KINDS[type];
}

import type { ResourceDeclaration } from "../declarations/declaration";
import { operatorDeclaration } from "../declarations/operator";
import { organizationRosterDeclaration } from "../declarations/organization-roster";
import { chathubPackage } from "../declarations/package";
import { inDeclaredForm } from "../dynamic/class-forms";
import { dynamicTypeOf } from "../dynamic/dynamic-type";
import type { PreviewStep, ResourceState } from "./preview-json";

/**
 * The resource types whose steps change people, by what they are. A ChatHubOperatorRoster's
 * children are ChatHubOperators (its component, chathub:index:OperatorRoster, changes nobody).
 */
export type ResourceKind = "operator" | "organization-roster";

/** Which declared resources the summary reads people of. */
const KIND_OF = new Map<ResourceDeclaration, ResourceKind>([
  [operatorDeclaration, "operator"],
  [organizationRosterDeclaration, "organization-roster"],
]);

/**
 * Each kind's resources, by the type the engine records: native (the token) and dynamic (the
 * TypeScript class's type), with the declaration whose form their records are read in.
 */
const KINDS = new Map<string, { kind: ResourceKind; dynamic?: ResourceDeclaration }>(
  chathubPackage.resources.flatMap((declaration) => {
    const kind = KIND_OF.get(declaration);
    if (kind === undefined) return [];
    return [
      [declaration.token, { kind }],
      [dynamicTypeOf(declaration), { kind, dynamic: declaration }],
    ];
  }),
);

export function resourceKindOf(type: string): ResourceKind | undefined {
  return KINDS.get(type)?.kind;
}

/** A step with its resource's inputs and outputs in the declared form, whichever adapter recorded them. */
export function inDeclaredFormStep(step: PreviewStep): PreviewStep {
  return { ...step, oldState: declaredState(step.oldState), newState: declaredState(step.newState) };
}

function declaredState(state: ResourceState | undefined): ResourceState | undefined {
  const declaration = state === undefined ? undefined : KINDS.get(state.type)?.dynamic;
  if (state === undefined || declaration === undefined) return state;
  const { inputs, outputs } = state;
  return {
    ...state,
    ...(inputs === undefined ? {} : { inputs: inDeclaredForm(declaration, inputs) }),
    ...(outputs === undefined ? {} : { outputs: inDeclaredForm(declaration, outputs) }),
  };
}

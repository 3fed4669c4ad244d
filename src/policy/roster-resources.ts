import { normalizeOperatorName } from "../api/roster-queries";
import type { AnyResourceBehaviour } from "../core/resource-behaviour";
import { parseUrn } from "../core/urn";
import { operatorDeclaration } from "../declarations/operator";
import { organizationRosterDeclaration } from "../declarations/organization-roster";
import { chathubPackage } from "../declarations/package";
import { inDeclaredForm } from "../dynamic/class-forms";
import { dynamicTypeOf } from "../dynamic/dynamic-type";

/** The resource types whose inputs declare people, dynamic (TypeScript programs) and native. */
export const ROSTER_TYPES = {
  dynamicOperator: dynamicTypeOf(operatorDeclaration),
  dynamicOrganizationRoster: dynamicTypeOf(organizationRosterDeclaration),
  operatorRoster: "chathub:index:OperatorRoster",
  nativeOperator: operatorDeclaration.token,
  nativeOrganizationRoster: organizationRosterDeclaration.token,
};

/**
 * Each declared resource's reader, by the type the engine records: the native token (the
 * declared form) and the TypeScript class's type (its records read in the declared form).
 */
const READERS = new Map<string, { behaviour: AnyResourceBehaviour; declared: DeclaredForm }>(
  chathubPackage.resources.flatMap((declaration) => [
    [declaration.token, { behaviour: declaration.behaviour, declared: (props) => props }],
    [
      dynamicTypeOf(declaration),
      { behaviour: declaration.behaviour, declared: (props) => inDeclaredForm(declaration, props) },
    ],
  ]),
);
type DeclaredForm = (props: Record<string, unknown>) => Record<string, unknown>;

/** One person a resource declares. */
export interface DeclaredPerson {
  /** The name as written. */
  name: string;
  /** How ChatHub compares names: the identity of a person. */
  person: string;
  active: boolean;
}

/** What a roster resource declares, read from its properties alone. */
export interface DeclaredRoster {
  urn: string;
  /** How a violation names the resource, e.g. `operator roster "support" (operator "support-alex")`. */
  label: string;
  /** Undefined while unknown (an output of another resource, during a preview). */
  organizationId: number | undefined;
  people: DeclaredPerson[];
  /** An organization roster's `unmanaged` choice. */
  unmanaged?: string;
}

/** The part of a policy argument (resource or stack) this module reads. */
export interface RosterResourceLike {
  type: string;
  urn: string;
  name: string;
  props: Record<string, unknown>;
  /** The parent's URN, if any. */
  parentUrn?: string | undefined;
}

/**
 * The roster a ChatHub resource declares, or undefined for any other resource (and for an
 * OperatorRoster component, whose people are its child Operators). Reads only the resource's
 * properties: a policy makes no request to ChatHub.
 */
export function declaredRoster(resource: RosterResourceLike): DeclaredRoster | undefined {
  const { type, props } = resource;
  const reader = READERS.get(type);
  if (reader === undefined) return undefined;
  return {
    urn: resource.urn,
    label: labelOf(resource, reader.behaviour.recordName),
    organizationId: typeof props.organizationId === "number" ? props.organizationId : undefined,
    people: reader.behaviour
      .declaredPeople(reader.declared(props))
      .flatMap((person) => declaredPerson(person) ?? []),
    ...(typeof props.unmanaged === "string" ? { unmanaged: props.unmanaged } : {}),
  };
}

/**
 * The rosters the stack's resources declare, by organization then label: the engine hands
 * resources over in the order they registered, which varies between runs, and a message should not.
 */
export function declaredRosters(
  resources: readonly (RosterResourceLike & { parent?: { urn: string } | undefined })[],
): DeclaredRoster[] {
  return resources
    .flatMap((resource) => declaredRoster({ ...resource, parentUrn: resource.parent?.urn }) ?? [])
    .sort(
      (a, b) =>
        (a.organizationId ?? Number.POSITIVE_INFINITY) - (b.organizationId ?? Number.POSITIVE_INFINITY) ||
        a.label.localeCompare(b.label),
    );
}

function declaredPerson(props: Record<string, unknown>): DeclaredPerson | undefined {
  if (typeof props.name !== "string") return undefined; // unknown during a preview
  // A missing status is the default, active (a roster's state stores only "inactive").
  return { name: props.name, person: normalizeOperatorName(props.name), active: props.status !== "inactive" };
}

/** e.g. `operator "alex"`; an operator of an OperatorRoster is shown as a person of that roster. */
function labelOf(resource: RosterResourceLike, recordName: string): string {
  const own = `${recordName} "${resource.name}"`;
  const parent = resource.parentUrn === undefined ? undefined : parseUrn(resource.parentUrn);
  return parent?.type === ROSTER_TYPES.operatorRoster ? `operator roster "${parent.name}" (${own})` : own;
}

import { normalizeOperatorName } from "../api/roster-queries";
import { isUnmanagedKey } from "../core/organization-roster/inputs";

/** The resource types whose inputs declare people, dynamic (TypeScript programs) and native. */
export const ROSTER_TYPES = {
  dynamicOperator: "pulumi-nodejs:dynamic/chathub:Operator",
  dynamicOrganizationRoster: "pulumi-nodejs:dynamic/chathub:OrganizationRoster",
  operatorRoster: "chathub:index:OperatorRoster",
  nativeOperator: "chathub:index:Operator",
  nativeOrganizationRoster: "chathub:index:OrganizationRoster",
} as const;

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
  const organizationId = typeof props.organizationId === "number" ? props.organizationId : undefined;
  switch (type) {
    case ROSTER_TYPES.dynamicOperator:
    case ROSTER_TYPES.nativeOperator: {
      const person = declaredPerson(props);
      return {
        urn: resource.urn,
        label: operatorLabel(resource),
        organizationId,
        people: person === undefined ? [] : [person],
      };
    }
    case ROSTER_TYPES.dynamicOrganizationRoster:
    case ROSTER_TYPES.nativeOrganizationRoster:
      return {
        urn: resource.urn,
        label: `organization roster "${resource.name}"`,
        organizationId,
        people: rosterMembers(props.operators).flatMap((member) => declaredPerson(member) ?? []),
        ...(typeof props.unmanaged === "string" ? { unmanaged: props.unmanaged } : {}),
      };
    default:
      return undefined;
  }
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

/** The people of an organization roster: a map by key (dynamic) or a list (native). */
function rosterMembers(operators: unknown): Record<string, unknown>[] {
  if (Array.isArray(operators)) return operators.filter(isRecord);
  if (!isRecord(operators)) return [];
  // A refresh lists live people the roster does not name under "unmanaged #<id>": not declared.
  return Object.entries(operators)
    .filter(([key]) => !isUnmanagedKey(key))
    .map(([, member]) => member)
    .filter(isRecord);
}

function declaredPerson(props: Record<string, unknown>): DeclaredPerson | undefined {
  if (typeof props.name !== "string") return undefined; // unknown during a preview
  // A missing status is the default, active (a roster's state stores only "inactive").
  return { name: props.name, person: normalizeOperatorName(props.name), active: props.status !== "inactive" };
}

/** An operator of an OperatorRoster is shown as a person of that roster. */
function operatorLabel(resource: RosterResourceLike): string {
  const parent = resource.parentUrn === undefined ? undefined : parseUrn(resource.parentUrn);
  if (parent?.type === ROSTER_TYPES.operatorRoster) {
    return `operator roster "${parent.name}" (operator "${resource.name}")`;
  }
  return `operator "${resource.name}"`;
}

/** A URN ends `::<type chain, parents first, joined by $>::<name>`. */
function parseUrn(urn: string): { type: string; name: string } {
  const [, , typeChain = "", ...name] = urn.split("::");
  return { type: typeChain.split("$").at(-1) ?? "", name: name.join("::") };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

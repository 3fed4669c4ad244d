import type { DeclaredRoster } from "./roster-resources";

/** How many names a violation lists before it says how many more there are. */
const NAMES_SHOWN = 10;

/** `"Alex Brown", "Emma Davis" and 3 more`: quoted, so blanks and case show. */
export function listNames(names: readonly string[]): string {
  const shown = names.slice(0, NAMES_SHOWN).map((name) => JSON.stringify(name));
  const more = names.length - shown.length;
  return more > 0 ? `${shown.join(", ")} and ${more} more` : shown.join(", ");
}

export function describeOrganization(organizationId: number | undefined): string {
  return organizationId === undefined ? "an organization not known yet" : `organization ${organizationId}`;
}

/** `operator "alex" (organization 24)`. */
export function describeRoster(roster: DeclaredRoster): string {
  return `${roster.label} (${describeOrganization(roster.organizationId)})`;
}

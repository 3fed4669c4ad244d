import type { EnforcementLevel, StackValidationPolicy } from "@pulumi/policy";
import { listNames } from "./describe";
import { type DeclaredRoster, declaredRosters } from "./roster-resources";

export const MIN_ACTIVE_POLICY = "chathub-min-active-per-organization";

/**
 * Every organization the stack declares people for keeps `minimum` active people. A stack
 * policy: an organization's people may be spread over several resources.
 */
export function minActivePolicy(minimum: number, enforcementLevel: EnforcementLevel): StackValidationPolicy {
  return {
    name: MIN_ACTIVE_POLICY,
    description: `Every ChatHub organization in the stack keeps at least ${minimum} active operators.`,
    enforcementLevel,
    validateStack: (args, reportViolation) => {
      for (const [organizationId, declaring] of byOrganization(declaredRosters(args.resources))) {
        const activePeople = distinctPeople(declaring, true);
        if (activePeople.size >= minimum) continue;
        const active = [...activePeople.values()];
        const inactive = [...distinctPeople(declaring, false)]
          .filter(([person]) => !activePeople.has(person))
          .map(([, name]) => name);
        reportViolation(
          `organization ${organizationId} would have ${active.length} active operator${active.length === 1 ? "" : "s"}` +
            `${active.length > 0 ? ` (${listNames(active)})` : ""}, fewer than the ${minimum} this policy pack requires` +
            `${inactive.length > 0 ? `; inactive: ${listNames(inactive)}` : ""}. Declared by ` +
            `${declaring.map((roster) => roster.label).join(", ")}: activate or add operators there.`,
          declaring[0]?.urn,
        );
      }
    },
  };
}

/** Rosters by organization; an organization not known yet is left out. */
function byOrganization(rosters: readonly DeclaredRoster[]): Map<number, DeclaredRoster[]> {
  const groups = new Map<number, DeclaredRoster[]>();
  for (const roster of rosters) {
    if (roster.organizationId === undefined) continue;
    groups.set(roster.organizationId, [...(groups.get(roster.organizationId) ?? []), roster]);
  }
  return groups;
}

/** The people of that status, by person (names compared as ChatHub does), each with a name as written. */
function distinctPeople(rosters: readonly DeclaredRoster[], active: boolean): Map<string, string> {
  const byPerson = new Map<string, string>();
  for (const person of rosters.flatMap((roster) => roster.people)) {
    if (person.active === active && !byPerson.has(person.person)) byPerson.set(person.person, person.name);
  }
  return byPerson;
}

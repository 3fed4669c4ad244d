import { isLive, liveStatusName, normalizeOperatorName, type Operator } from "../../api";
import { rosterKeyOf } from "../../roster/roster-keys";
import { type OrganizationRosterState, storedMember } from "./inputs";

/**
 * What `pulumi import` of a roster starts from: every live person managed, under the key their
 * name gives (`operator-<id>` where it gives none or one already taken), and `unmanaged: "ignore"`.
 * A second person of the same name stays unmanaged: a roster names each person once.
 */
export function importedRoster(
  organizationId: number,
  live: readonly Operator[],
): Partial<OrganizationRosterState> {
  const operators: OrganizationRosterState["operators"] = {};
  const operatorIds: Record<string, number> = {};
  const names = new Set<string>();
  const everyone = live.filter(isLive).sort((a, b) => a.id - b.id);
  for (const operator of everyone) {
    const name = normalizeOperatorName(operator.name);
    if (names.has(name)) continue;
    names.add(name);
    const derived = rosterKeyOf(operator.name);
    const key = derived === "" || derived in operators ? `operator-${operator.id}` : derived;
    operators[key] = storedMember({ name: operator.name.trim(), status: liveStatusName(operator.status) });
    operatorIds[key] = operator.id;
  }
  return { organizationId, unmanaged: "ignore", operators, operatorIds };
}

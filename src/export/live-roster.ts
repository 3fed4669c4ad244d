import { isLive, liveStatusName, normalizeOperatorName, type Operator } from "../api";
import { checkRosterEntry, type RosterEntry } from "../roster/roster-entry";
import { keyIdentity, rosterKeyOf } from "../roster/roster-keys";

/** An exported entry: every field written, so the roster adopts the operator exactly as it is. */
export interface ExportedEntry extends Required<Omit<RosterEntry, "activeFrom" | "activeUntil">> {
  id: number;
}

export interface LiveRoster {
  entries: ExportedEntry[];
  /** Live operators a roster cannot hold, and why. */
  skipped: { operator: Operator; reason: string }[];
}

/**
 * Turns an organization's live operators into roster entries: deleted ones left out, sorted by
 * name, each with `import: "<organizationId>/<id>"`, its status, and a key derived from its name
 * (`-<id>` is appended to the later of two names that derive the same key, and `operator-<id>`
 * stands in for a name with no letter or digit). Operators a roster could not hold (a repeated
 * name, a name ChatHub's rules refuse) are skipped with the reason.
 */
export function liveRoster(organizationId: number, operators: readonly Operator[]): LiveRoster {
  const live = operators.filter(isLive).sort((a, b) => a.id - b.id);
  const skipped: LiveRoster["skipped"] = [];
  const firstByName = new Map<string, Operator>();
  const keys = new Set<string>();
  const entries: ExportedEntry[] = [];
  for (const operator of live) {
    const nameKey = normalizeOperatorName(operator.name);
    const first = firstByName.get(nameKey);
    if (first) {
      skipped.push({
        operator,
        reason: `same name as operator ${first.id} ("${first.name}"); a roster holds each name once: delete one of them in ChatHub, or rename it`,
      });
      continue;
    }
    firstByName.set(nameKey, operator);
    const key = uniqueKey(rosterKeyOf(operator.name) || `operator-${operator.id}`, operator.id, keys);
    const entry: ExportedEntry = {
      id: operator.id,
      name: operator.name,
      status: liveStatusName(operator.status),
      key,
      import: `${organizationId}/${operator.id}`,
    };
    const checked = checkRosterEntry({ value: withoutId(entry) }, entries.length + 1);
    if (!checked.ok) {
      skipped.push({
        operator,
        reason: checked.problems.map((problem) => problem.replace(/^[^:]*: /, "")).join("; "),
      });
      continue;
    }
    keys.add(keyIdentity(key));
    entries.push(entry);
  }
  entries.sort((a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }) || a.id - b.id);
  return { entries, skipped };
}

export function withoutId(entry: ExportedEntry): Required<Omit<RosterEntry, "activeFrom" | "activeUntil">> {
  const { id: _id, ...written } = entry;
  return written;
}

function uniqueKey(base: string, id: number, taken: ReadonlySet<string>): string {
  for (let candidate = base, round = 0; ; round += 1) {
    if (!taken.has(keyIdentity(candidate))) return candidate;
    candidate = round === 0 ? `${base}-${id}` : `${base}-${id}-${round}`;
  }
}

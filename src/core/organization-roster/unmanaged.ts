import { normalizeOperatorName } from "../../api/roster-queries";
import type { OrganizationRosterInputs, UnmanagedOperator } from "./inputs";

/** The choices of a roster's `unmanaged` (the declaration describes them: src/declarations/organization-roster.ts). */
export const UNMANAGED_MODES = ["ignore", "deactivate", "delete"] as const;
export type UnmanagedMode = (typeof UNMANAGED_MODES)[number];

/** What each mode does, for the message that asks for a choice. */
export const UNMANAGED_CHOICES =
  'set unmanaged to one of "ignore" (leave operators the roster does not name as they are, and only report them), ' +
  '"deactivate" (make them inactive) or "delete" (give them status 2)';

/** What `unmanaged` does to one person. */
export type UnmanagedChange = "deactivate" | "delete";

/**
 * The rule, written once: what `unmanaged` does to a live person the roster does not name.
 * "delete" deletes everyone; "deactivate" deactivates the active (the inactive are left); "ignore"
 * leaves everyone.
 */
export function unmanagedChange(mode: UnmanagedMode, active: boolean): UnmanagedChange | undefined {
  if (mode === "delete") return "delete";
  if (mode === "deactivate" && active) return "deactivate";
  return undefined;
}

/** The people a roster names, as ChatHub compares names (case-insensitive, trimmed). */
export function namedPeople(people: Iterable<{ name: string }>): Set<string> {
  return new Set([...people].map((member) => normalizeOperatorName(member.name)));
}

/** One unmanaged person the state last saw, as `up` will leave them. */
export interface ProjectedUnmanaged {
  operator: UnmanagedOperator;
  /** The roster names them now: adopted by it, so `unmanaged` does not act on them. */
  adopted: boolean;
  change: UnmanagedChange | undefined;
  /** As they will be after `up`; undefined when deleted. */
  after: UnmanagedOperator | undefined;
}

/** The unmanaged people recorded, in their order, each with what `unmanaged` does to them. */
export function projectUnmanaged(
  recorded: readonly UnmanagedOperator[],
  desired: OrganizationRosterInputs,
): ProjectedUnmanaged[] {
  const named = namedPeople(Object.values(desired.operators));
  return recorded.map((operator) => {
    if (named.has(normalizeOperatorName(operator.name)))
      return { operator, adopted: true, change: undefined, after: operator };
    const change = unmanagedChange(desired.unmanaged, operator.status === "active");
    const after =
      change === "delete"
        ? undefined
        : change === "deactivate"
          ? { ...operator, status: "inactive" as const }
          : operator;
    return { operator, adopted: false, change, after };
  });
}

import { normalizeOperatorName } from "../../api/roster-queries";
import { type UnmanagedChange, unmanagedChange } from "../unmanaged-rule";
import type { OrganizationRosterInputs, UnmanagedOperator } from "./inputs";

export {
  UNMANAGED_MODES,
  type UnmanagedChange,
  type UnmanagedMode,
  unmanagedChange,
} from "../unmanaged-rule";

/** What each mode does, for the message that asks for a choice. */
export const UNMANAGED_CHOICES =
  'set unmanaged to one of "ignore" (leave operators the roster does not name as they are, and only report them), ' +
  '"deactivate" (make them inactive) or "delete" (give them status 2)';

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

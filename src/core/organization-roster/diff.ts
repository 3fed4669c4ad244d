import { normalizeOperatorName } from "../../api";
import {
  expandedMember,
  type OrganizationRosterInputs,
  type OrganizationRosterState,
  type UnmanagedOperator,
} from "./inputs";
import { projectUnmanaged, type UnmanagedChange } from "./unmanaged";

/** What happens to one roster key. */
export type MemberChange = "add" | "remove" | "rename" | "status" | "import";

/** What `up` would change, as the recorded state (after a refresh: what is live) tells it. */
export interface RosterDiff {
  /** Another organization: a new roster, the old one deleted. */
  replaces: string[];
  unmanagedModeChanged: boolean;
  members: { key: string; change: MemberChange }[];
  /** Unmanaged people `unmanaged` will act on. */
  unmanaged: { operator: UnmanagedOperator; change: UnmanagedChange }[];
}

/**
 * Compares the recorded roster with the desired one, key by key: added, removed, renamed (a
 * difference of letter case only is no rename: ChatHub compares names case-insensitively),
 * status changed, or imported from another operator than the one managed.
 */
export function diffOrganizationRoster(
  before: Partial<OrganizationRosterState>,
  desired: OrganizationRosterInputs,
): RosterDiff {
  const olds = before.operators ?? {};
  const members: RosterDiff["members"] = [];
  for (const [key, member] of Object.entries(desired.operators)) {
    const stored = olds[key];
    if (!stored) {
      members.push({ key, change: "add" });
      continue;
    }
    const old = expandedMember(stored);
    const managedAs = `${desired.organizationId}/${before.operatorIds?.[key]}`;
    if (normalizeOperatorName(old.name) !== normalizeOperatorName(member.name))
      members.push({ key, change: "rename" });
    else if (old.status !== member.status) members.push({ key, change: "status" });
    else if (member.import !== undefined && member.import !== old.import && member.import !== managedAs)
      members.push({ key, change: "import" });
  }
  for (const key of Object.keys(olds))
    if (!(key in desired.operators)) members.push({ key, change: "remove" });

  const unmanaged = projectUnmanaged(before.unmanagedOperators ?? [], desired).flatMap(
    ({ operator, change }) => (change === undefined ? [] : [{ operator, change }]),
  );
  return {
    replaces: before.organizationId === desired.organizationId ? [] : ["organizationId"],
    unmanagedModeChanged: before.unmanaged !== desired.unmanaged,
    members,
    unmanaged,
  };
}

export function hasChanges(diff: RosterDiff): boolean {
  return (
    diff.replaces.length > 0 ||
    diff.unmanagedModeChanged ||
    diff.members.length > 0 ||
    diff.unmanaged.length > 0
  );
}

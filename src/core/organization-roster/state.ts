import {
  isLive,
  type LiveStatusCode,
  liveStatusName,
  normalizeOperatorName,
  OPERATOR_STATUS,
  type Operator,
} from "../../api";
import type { Outcome } from "./execute";
import {
  type OrganizationRosterInputs,
  type OrganizationRosterState,
  type RosterMember,
  storedMember,
  type UnmanagedOperator,
} from "./inputs";
import type { ConvergencePlan } from "./plan";
import type { UnmanagedMode } from "./unmanaged";

/** Keys of people the roster dropped but could not retire yet: no roster key has a space or "#". */
const RETIRED_KEY_PREFIX = "retired #";

/**
 * The state after a run, from the plan and what each call did: the people the roster names that
 * exist, the ones it could not retire yet (under `retired #<id>`, so the next `up` retires them),
 * and everyone else. `failures` says what did not happen.
 */
export function convergedState(
  desired: OrganizationRosterInputs,
  previous: Partial<OrganizationRosterState>,
  plan: ConvergencePlan,
  outcomes: readonly Outcome[],
): { state: OrganizationRosterState; failures: string[] } {
  const members = new Map<string, { id: number; status: LiveStatusCode }>(
    [...plan.claimed].map(([key, member]) => [key, { id: member.id, status: member.status }]),
  );
  const unmanaged = new Map(plan.unmanaged.map((operator) => [operator.id, operator]));
  const retiredFailed: { key: string; operator: Operator }[] = [];
  const failures: string[] = [];
  for (const outcome of outcomes) {
    switch (outcome.kind) {
      case "created":
        members.set(outcome.key, { id: outcome.id, status: outcome.status });
        break;
      case "status-set": {
        const member = members.get(outcome.key);
        if (member) member.status = outcome.status;
        break;
      }
      case "retired":
        break;
      case "retire-failed":
        retiredFailed.push(outcome);
        failures.push(`deleting "${outcome.key}" (operator ${outcome.operator.id}): ${outcome.reason}`);
        break;
      case "unmanaged-deactivated": {
        const operator = unmanaged.get(outcome.id);
        if (operator) unmanaged.set(outcome.id, { ...operator, status: OPERATOR_STATUS.inactive });
        break;
      }
      case "unmanaged-deleted":
        unmanaged.delete(outcome.id);
        break;
      case "failed":
        failures.push(`${outcome.what}: ${outcome.reason}`);
        break;
    }
  }

  const operators: Record<string, RosterMember> = {};
  const operatorIds: Record<string, number> = {};
  for (const [key, member] of Object.entries(desired.operators)) {
    const done = members.get(key);
    if (!done) continue;
    operators[key] = { ...member, status: liveStatusName(done.status) };
    operatorIds[key] = done.id;
  }
  for (const { key, operator } of retiredFailed) {
    // Under a key of its own (its old key may name someone new now): the next `up` retires it.
    const retiredKey = `${RETIRED_KEY_PREFIX}${operator.id}`;
    operators[retiredKey] = {
      name: previous.operators?.[key]?.name ?? key,
      status: liveStatusName(operator.status),
    };
    operatorIds[retiredKey] = operator.id;
  }
  const state = rosterState(desired.organizationId, desired.unmanaged, operators, operatorIds, [
    ...unmanaged.values(),
  ]);
  return { state, failures };
}

/** What refresh sees: the managed people as they are live (gone ones dropped) and everyone else. */
export function liveState(
  organizationId: number,
  previous: Partial<OrganizationRosterState>,
  live: readonly Operator[],
): OrganizationRosterState {
  const byId = new Map(live.filter(isLive).map((operator) => [operator.id, operator]));
  const operators: Record<string, RosterMember> = {};
  const operatorIds: Record<string, number> = {};
  // In the roster's own order (the ids may come back sorted by key).
  const keys = new Set([
    ...Object.keys(previous.operators ?? {}),
    ...Object.keys(previous.operatorIds ?? {}),
  ]);
  for (const key of keys) {
    const operatorId = previous.operatorIds?.[key];
    const operator = operatorId === undefined ? undefined : byId.get(operatorId);
    if (!operator) continue; // deleted by hand: dropped, so the next `up` creates it again
    const known = previous.operators?.[key];
    // A difference of letter case only is no rename: ChatHub compares names case-insensitively.
    const name =
      known && normalizeOperatorName(known.name) === normalizeOperatorName(operator.name)
        ? known.name
        : operator.name.trim();
    operators[key] = { ...known, name, status: liveStatusName(operator.status) };
    operatorIds[key] = operator.id;
    byId.delete(operator.id);
  }
  return rosterState(organizationId, previous.unmanaged ?? "ignore", operators, operatorIds, [
    ...byId.values(),
  ]);
}

function rosterState(
  organizationId: number,
  unmanaged: UnmanagedMode,
  operators: Record<string, RosterMember>,
  operatorIds: Record<string, number>,
  others: readonly Operator[],
): OrganizationRosterState {
  const members = Object.values(operators);
  const active = members.filter((member) => member.status === "active").length;
  const unmanagedOperators: UnmanagedOperator[] = others
    .filter(isLive)
    .sort((a, b) => a.id - b.id)
    .map((operator) => ({ id: operator.id, name: operator.name, status: liveStatusName(operator.status) }));
  return {
    organizationId,
    unmanaged,
    operators: Object.fromEntries(
      Object.entries(operators).map(([key, member]) => [key, storedMember(member)]),
    ),
    operatorIds,
    counts: { total: members.length, active, inactive: members.length - active },
    unmanagedOperators,
  };
}

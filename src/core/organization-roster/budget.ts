import { isLive, OPERATOR_STATUS, type Operator } from "../../api";
import { type ActiveWindow, isDatedInactive } from "../../roster/active-window";
import { now } from "../clock";
import { type KnownPerson, predictRemovals, removalBudgetError, removalsOf } from "../removal-budget";
import type { ProviderRuntime } from "../runtime";
import { isDatedMember, type OrganizationRosterInputs, type UnmanagedOperator } from "./inputs";
import { type ConvergencePlan, planConvergence } from "./plan";

/**
 * The removal budget (src/core/removal-budget.ts) as a roster's operations apply it: at preview
 * from the people the state last saw, and at `up` from the live list, before any write. A person
 * whose `activeFrom`/`activeUntil` makes them inactive now is not counted: the date is the decision.
 */

/**
 * The people the state last saw, as the budget reads them: the roster's (status "active" where
 * the record leaves it out) and the unmanaged ones, from whatever form each adapter records them in.
 */
export function knownPeopleOf(
  managed: readonly { name: string; status?: "active" | "inactive" | undefined }[],
  unmanaged: readonly UnmanagedOperator[],
): KnownPerson[] {
  return [
    ...managed.map((member) => ({ name: member.name, active: member.status !== "inactive", managed: true })),
    ...unmanaged.map((operator) => ({
      id: operator.id,
      name: operator.name,
      active: operator.status === "active",
      managed: false,
    })),
  ];
}

/**
 * At preview: against the people the state last saw (after a refresh, what is live; each
 * adapter reads them from its own old inputs), or, before the roster exists, against the live
 * list (a first adoption under "deactivate" or "delete" is the moment the budget is for).
 */
export async function removalBudgetAtPreview(
  runtime: ProviderRuntime,
  known: readonly KnownPerson[] | undefined,
  desired: OrganizationRosterInputs,
): Promise<string | undefined> {
  if (known !== undefined) {
    return removalBudgetError({
      organizationId: desired.organizationId,
      removals: predictRemovals(known, rosterPeople(desired), desired.unmanaged),
      liveOperators: known.length,
      setting: desired.maxRemovals,
    });
  }
  if (desired.unmanaged === "ignore") return undefined; // a first create removes nobody else
  let live: Operator[];
  try {
    live = await runtime.client().listOperators(desired.organizationId);
  } catch {
    return undefined; // the create itself reports what is wrong with the organization or the token
  }
  return removalBudgetOfPlan(desired, planConvergence(desired, {}, live), live);
}

/**
 * The roster's people as the budget sees them: a dated deactivation is written down, not counted.
 * Each person's `status` is as check() leaves it (already inactive outside their window).
 */
export function rosterPeople(
  roster: {
    timeZone?: string | undefined;
    operators: Record<string, { name: string; status: "active" | "inactive" } & ActiveWindow>;
  },
  moment: Date = now(),
): { name: string; status: "active" | "inactive"; dated: boolean }[] {
  return Object.values(roster.operators).map((member) => ({
    name: member.name,
    status: member.status,
    dated: isDatedInactive(member, roster.timeZone, moment),
  }));
}

/** At `up`: whom this plan, made from the live list, deletes or deactivates. */
export function removalBudgetOfPlan(
  desired: OrganizationRosterInputs,
  plan: ConvergencePlan,
  live: readonly Operator[],
): string | undefined {
  const person = (operator: Operator) => ({
    id: operator.id,
    name: operator.name,
    active: operator.status === OPERATOR_STATUS.active,
  });
  const byId = new Map(live.map((operator) => [operator.id, operator]));
  const moment = now();
  const keptInactive = [...plan.claimed]
    .filter(([key]) => desired.operators[key]?.status === "inactive" && !isDatedMember(desired, key, moment))
    .flatMap(([, claimed]) => {
      const operator = byId.get(claimed.id);
      return operator ? [person(operator)] : [];
    });
  return removalBudgetError({
    organizationId: desired.organizationId,
    removals: removalsOf({
      dropped: plan.retire.map(person),
      keptInactive,
      unmanaged: plan.unmanaged.map(person),
      mode: desired.unmanaged,
    }),
    liveOperators: live.filter(isLive).length,
    setting: desired.maxRemovals,
  });
}

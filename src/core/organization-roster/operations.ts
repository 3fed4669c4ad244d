import { isChatHubApiError, OPERATOR_STATUS, type Operator } from "../../api";
import type { Checked } from "../check-failures";
import { listed, messageOf } from "../messages";
import { PartialFailure } from "../partial-failure";
import type { ProviderRuntime } from "../runtime";
import { removalBudgetOfPlan } from "./budget";
import { executePlan } from "./execute";
import { importedRoster } from "./import";
import {
  checkOrganizationRosterInputs,
  type OrganizationRosterInputs,
  type OrganizationRosterState,
} from "./inputs";
import { planConvergence } from "./plan";
import { convergedState, liveState } from "./state";
import { unmanagedChange } from "./unmanaged";

/**
 * One organization's roster, whichever way Pulumi reaches it: `up` lists the organization once,
 * creates the missing in synchronize calls of up to 100, and makes one status call per change;
 * `refresh` lists once; `destroy` deletes the people the roster manages and leaves the rest.
 */

/** The roster checked as `pulumi preview` checks it: settings, values, then the organization. */
export async function checkOrganizationRoster(
  runtime: ProviderRuntime,
  raw: Record<string, unknown>,
  resource?: string,
): Promise<Checked<OrganizationRosterInputs>> {
  runtime.validateSettings();
  const result = checkOrganizationRosterInputs(raw, resource);
  if (result.ok !== true) return result;
  const problem = await runtime.organizationProblem(result.inputs.organizationId);
  return problem === undefined
    ? result
    : { ok: false, failures: [{ property: "organizationId", reason: problem }] };
}

/**
 * Makes the organization look like the roster, deciding on what is live now: list, plan, carry
 * out, and the state from what each call did. If any call failed, the state (everything that
 * succeeded) comes with a PartialFailure, and the next `up` finishes the job.
 */
export async function convergeOrganizationRoster(
  runtime: ProviderRuntime,
  id: string,
  desired: OrganizationRosterInputs,
  previous: Partial<OrganizationRosterState>,
): Promise<OrganizationRosterState> {
  const client = runtime.client();
  const organizationId = desired.organizationId;
  client.invalidate(organizationId); // decide on what is live now, not on a list a refresh made
  const live = await client.listOperators(organizationId);
  const previousIds = previous.organizationId === organizationId ? (previous.operatorIds ?? {}) : {};
  const plan = planConvergence(desired, previousIds, live);
  if (plan.problems.length > 0)
    throw new Error(`Roster of organization ${organizationId}: ${listed(plan.problems)}`);
  // The removal budget, counted again from the live list, before any write.
  const overBudget = removalBudgetOfPlan(desired, plan, live);
  if (overBudget !== undefined) throw new Error(overBudget);
  const previousKeyOf = new Map(Object.entries(previousIds).map(([key, operatorId]) => [operatorId, key]));
  const outcomes = await executePlan(
    client,
    runtime.createBatcher(organizationId),
    desired,
    plan,
    live,
    previousKeyOf,
  );
  const { state, failures } = convergedState(desired, previous, plan, outcomes);
  if (failures.length > 0) {
    throw new PartialFailure(
      `Roster of organization ${organizationId}: ${failures.length} change(s) failed (${listed(failures)}). ` +
        "What succeeded is recorded in the stack; run `pulumi up` again to finish (it never creates a duplicate).",
      id,
      { ...state },
    );
  }
  return state;
}

/** The roster as it is live (one list): managed people as they are, gone ones dropped, the rest unmanaged. */
export async function readOrganizationRoster(
  runtime: ProviderRuntime,
  organizationId: number,
  previous: Partial<OrganizationRosterState>,
): Promise<OrganizationRosterState> {
  const live = await runtime.client().listOperators(organizationId);
  return liveState(organizationId, previous, live);
}

/** An organization brought under a roster by `pulumi import`: everyone live an entry (importedRoster). */
export async function readImportedRoster(
  runtime: ProviderRuntime,
  organizationId: number,
): Promise<OrganizationRosterState> {
  const live = await runtime.client().listOperators(organizationId);
  return liveState(organizationId, importedRoster(organizationId, live), live);
}

/** Deletes the people the roster manages (status 2), and no one else. */
export async function deleteOrganizationRoster(
  runtime: ProviderRuntime,
  state: Partial<OrganizationRosterState>,
): Promise<void> {
  const client = runtime.client();
  const results = await Promise.all(
    Object.entries(state.operatorIds ?? {}).map(async ([key, operatorId]): Promise<string[]> => {
      try {
        await client.setStatus(operatorId, OPERATOR_STATUS.deleted, state.organizationId);
        return [];
      } catch (error) {
        if (isChatHubApiError(error) && error.kind === "not-found") return []; // gone is what delete wants
        return [`"${key}" (operator ${operatorId}): ${messageOf(error)}`];
      }
    }),
  );
  const failures = results.flat();
  if (failures.length > 0) {
    throw new Error(
      `Deleting the roster of organization ${state.organizationId} failed for ${failures.length} operator(s): ${listed(failures)}. ` +
        "Nothing is lost: the roster stays in the stack; run `pulumi destroy` again to finish.",
    );
  }
}

/**
 * Before a roster is created, the people `unmanaged` will change (a create is drawn without
 * reading anything): the warning each adapter shows, or undefined when there is nobody.
 */
export async function unmanagedWarning(
  runtime: ProviderRuntime,
  desired: OrganizationRosterInputs,
  resource: string,
): Promise<string | undefined> {
  if (desired.unmanaged === "ignore") return undefined;
  let live: Operator[];
  try {
    live = await runtime.client().listOperators(desired.organizationId);
  } catch {
    return undefined; // the create itself reports what is wrong with the organization or the token
  }
  const { unmanaged } = planConvergence(desired, {}, live);
  const affected = unmanaged.filter(
    (operator) =>
      unmanagedChange(desired.unmanaged, operator.status === OPERATOR_STATUS.active) !== undefined,
  );
  if (affected.length === 0) return undefined;
  const verb = desired.unmanaged === "delete" ? "delete (status 2)" : "deactivate";
  const names = affected.map((operator) => `"${operator.name}" (${operator.id})`);
  return (
    `${resource} for organization ${desired.organizationId}: unmanaged: "${desired.unmanaged}" will ${verb} ` +
    `${affected.length} operator(s) the roster does not name: ${listed(names, 50)}. ` +
    'Add them to the roster to keep them, or set unmanaged: "ignore".'
  );
}

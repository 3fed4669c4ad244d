import {
  type ChatHubClient,
  isChatHubApiError,
  type LiveStatusCode,
  OPERATOR_STATUS,
  type Operator,
  statusCode,
} from "../../api";
import type { OrganizationCreateBatcher } from "../create-batcher";
import { messageOf } from "../messages";
import type { OrganizationRosterInputs } from "./inputs";
import type { ConvergencePlan } from "./plan";

/** What one call of a run did: the state is computed from these alone (state.ts). */
export type Outcome =
  | { kind: "created"; key: string; id: number; status: LiveStatusCode }
  | { kind: "status-set"; key: string; status: LiveStatusCode }
  | { kind: "retired"; key: string; id: number }
  /** Still live: it stays managed, under a key of its own, and the next `up` retires it again. */
  | { kind: "retire-failed"; key: string; operator: Operator; reason: string }
  | { kind: "unmanaged-deactivated"; id: number }
  | { kind: "unmanaged-deleted"; id: number }
  | { kind: "failed"; what: string; reason: string };

/**
 * Carries out a plan: creates the missing in synchronize calls of up to 100 (checked against the
 * list the plan was made from, no look before each batch), sets each status that differs, retires
 * what the roster dropped, and applies `unmanaged`. Every call runs, whatever the others do; each
 * reports what it did or why it failed.
 */
export async function executePlan(
  client: ChatHubClient,
  batcher: OrganizationCreateBatcher,
  desired: OrganizationRosterInputs,
  plan: ConvergencePlan,
  live: readonly Operator[],
  previousKeyOf: ReadonlyMap<number, string>,
): Promise<Outcome[]> {
  const organizationId = desired.organizationId;
  const outcomes: Outcome[] = [];
  const wanted = (key: string): LiveStatusCode => statusCode(desired.operators[key]?.status ?? "active");

  const setStatus = async (key: string, id: number, status: LiveStatusCode) => {
    if (status === wanted(key)) return;
    try {
      await client.setStatus(id, wanted(key), organizationId);
      outcomes.push({ kind: "status-set", key, status: wanted(key) });
    } catch (error) {
      outcomes.push({
        kind: "failed",
        what: `setting "${key}" ${desired.operators[key]?.status}`,
        reason: messageOf(error),
      });
    }
  };

  const createMissing = async () => {
    const names = plan.create.map((key) => desired.operators[key]?.name as string);
    const results = await batcher.createChecked(names, live);
    await Promise.all(
      results.map(async (result, index) => {
        const key = plan.create[index] as string;
        if (result.status === "rejected") {
          outcomes.push({ kind: "failed", what: `creating "${key}"`, reason: messageOf(result.reason) });
          return;
        }
        const { id, status } = result.value;
        if (status === OPERATOR_STATUS.deleted) {
          outcomes.push({
            kind: "failed",
            what: `creating "${key}"`,
            reason: `ChatHub answered with deleted operator ${id}`,
          });
          return;
        }
        outcomes.push({ kind: "created", key, id, status });
        await setStatus(key, id, status);
      }),
    );
  };

  const retire = async (operator: Operator) => {
    const key = previousKeyOf.get(operator.id) as string;
    try {
      await client.setStatus(operator.id, OPERATOR_STATUS.deleted, organizationId);
      outcomes.push({ kind: "retired", key, id: operator.id });
    } catch (error) {
      if (isChatHubApiError(error) && error.kind === "not-found") {
        outcomes.push({ kind: "retired", key, id: operator.id });
      } else {
        outcomes.push({ kind: "retire-failed", key, operator, reason: messageOf(error) });
      }
    }
  };

  const applyUnmanaged = async (operator: Operator) => {
    const change =
      desired.unmanaged === "delete"
        ? { status: OPERATOR_STATUS.deleted, verb: "deleting", done: "unmanaged-deleted" as const }
        : desired.unmanaged === "deactivate" && operator.status === OPERATOR_STATUS.active
          ? { status: OPERATOR_STATUS.inactive, verb: "deactivating", done: "unmanaged-deactivated" as const }
          : undefined;
    if (!change) return;
    try {
      await client.setStatus(operator.id, change.status, organizationId);
      outcomes.push({ kind: change.done, id: operator.id });
    } catch (error) {
      outcomes.push({
        kind: "failed",
        what: `${change.verb} unmanaged "${operator.name}" (operator ${operator.id})`,
        reason: messageOf(error),
      });
    }
  };

  await Promise.all([
    createMissing(),
    ...[...plan.claimed].map(([key, member]) => setStatus(key, member.id, member.status)),
    ...plan.retire.map(retire),
    ...plan.unmanaged.map(applyUnmanaged),
  ]);
  return outcomes;
}

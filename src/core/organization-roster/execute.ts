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
import { type UnmanagedChange, unmanagedChange } from "./unmanaged";

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

  /** Sets a person's status where it differs from the roster's; nothing when it is as wanted. */
  const setStatus = async (key: string, id: number, status: LiveStatusCode): Promise<Outcome[]> => {
    const member = desired.operators[key];
    const wanted = statusCode(member?.status ?? "active");
    if (status === wanted) return [];
    try {
      await client.setStatus(id, wanted, organizationId);
      return [{ kind: "status-set", key, status: wanted }];
    } catch (error) {
      return [{ kind: "failed", what: `setting "${key}" ${member?.status}`, reason: messageOf(error) }];
    }
  };

  const createMissing = async (): Promise<Outcome[]> => {
    const missing = plan.create.flatMap((key) => {
      const member = desired.operators[key];
      return member ? [{ key, name: member.name }] : [];
    });
    const results = await batcher.createChecked(
      missing.map(({ name }) => name),
      live,
    );
    const created = await Promise.all(
      missing.map(async ({ key }, index): Promise<Outcome[]> => {
        const result = results[index];
        if (result === undefined || result.status === "rejected") {
          return [{ kind: "failed", what: `creating "${key}"`, reason: messageOf(result?.reason) }];
        }
        const { id, status } = result.value;
        if (status === OPERATOR_STATUS.deleted) {
          return [
            {
              kind: "failed",
              what: `creating "${key}"`,
              reason: `ChatHub answered with deleted operator ${id}`,
            },
          ];
        }
        return [{ kind: "created", key, id, status }, ...(await setStatus(key, id, status))];
      }),
    );
    return created.flat();
  };

  const retire = async (operator: Operator): Promise<Outcome> => {
    const key = previousKeyOf.get(operator.id) ?? `operator ${operator.id}`;
    try {
      await client.setStatus(operator.id, OPERATOR_STATUS.deleted, organizationId);
      return { kind: "retired", key, id: operator.id };
    } catch (error) {
      if (isChatHubApiError(error) && error.kind === "not-found")
        return { kind: "retired", key, id: operator.id };
      return { kind: "retire-failed", key, operator, reason: messageOf(error) };
    }
  };

  const applyUnmanaged = async (operator: Operator): Promise<Outcome[]> => {
    const change = unmanagedChange(desired.unmanaged, operator.status === OPERATOR_STATUS.active);
    if (change === undefined) return [];
    const { status, verb, done } = UNMANAGED_CALLS[change];
    try {
      await client.setStatus(operator.id, status, organizationId);
      return [{ kind: done, id: operator.id }];
    } catch (error) {
      return [
        {
          kind: "failed",
          what: `${verb} unmanaged "${operator.name}" (operator ${operator.id})`,
          reason: messageOf(error),
        },
      ];
    }
  };

  const outcomes = await Promise.all([
    createMissing(),
    ...[...plan.claimed].map(([key, member]) => setStatus(key, member.id, member.status)),
    Promise.all(plan.retire.map(retire)),
    ...plan.unmanaged.map(applyUnmanaged),
  ]);
  return outcomes.flat();
}

/** The call each change of `unmanaged` makes, how a failure names it, and the outcome it records. */
const UNMANAGED_CALLS = {
  delete: { status: OPERATOR_STATUS.deleted, verb: "deleting", done: "unmanaged-deleted" },
  deactivate: { status: OPERATOR_STATUS.inactive, verb: "deactivating", done: "unmanaged-deactivated" },
} as const satisfies Record<UnmanagedChange, { status: number; verb: string; done: Outcome["kind"] }>;

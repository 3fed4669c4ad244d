import type * as pulumi from "@pulumi/pulumi";
import {
  isChatHubApiError,
  isLive,
  liveStatusName,
  normalizeOperatorName,
  type Operator,
  statusCode,
} from "../api";
import { type KnownPerson, predictRemovals, removalBudgetError, removalsOf } from "../core/removal-budget";
import { PROVIDER_KEY } from "./operator-inputs";
import {
  checkOrganizationRosterInputs,
  expandedMember,
  isUnmanagedKey,
  type OrganizationRosterInputs,
  type OrganizationRosterState,
  parseCheckedRosterInputs,
  type RosterMember,
  storedMember,
  UNMANAGED_KEY_PREFIX,
  type UnmanagedMode,
  type UnmanagedOperator,
  unmanagedKey,
} from "./organization-roster-inputs";
import { type ConvergencePlan, planConvergence } from "./organization-roster-plan";
import { partialResultError, storable } from "./partial-result";
import { providerRuntime as runtime } from "./shared-runtime";

/** Most failures listed in one message. */
const MAX_LISTED_FAILURES = 10;

/**
 * The ChatHubOrganizationRoster provider: one resource owns one organization's roster. `up`
 * lists the organization once, creates the missing in synchronize calls of up to 100, and makes
 * one status call per change; `refresh` lists once.
 */
export const organizationRosterProvider: pulumi.dynamic.ResourceProvider = {
  async configure(request) {
    runtime.configure(request.config);
  },

  async check(olds, news) {
    runtime.validateSettings();
    const result = checkOrganizationRosterInputs(news);
    if (result.ok === false) return { inputs: news, failures: result.failures };
    if (result.ok === "unknown") return { inputs: news };
    // Then, as for every resource, whether the credentials can see the organization (one list per deployment).
    const organizationProblem = await runtime.organizationProblem(result.inputs.organizationId);
    if (organizationProblem !== undefined) {
      return { inputs: news, failures: [{ property: "organizationId", reason: organizationProblem }] };
    }
    // Removal budget (issue 18): over budget fails the preview, before anything is sent. No
    // property: the engine would print the value of the one named, and the message says it all.
    const overBudget = await removalBudgetAtPreview(olds as Partial<OrganizationRosterInputs>, result.inputs);
    if (overBudget !== undefined) return { inputs: news, failures: [{ property: "", reason: overBudget }] };
    // A create is drawn without reading anything: say now whom `unmanaged` will change.
    if (olds.organizationId === undefined) await warnAboutUnmanaged(result.inputs);
    const inputs = withUnmanagedOutcomes(result.inputs, olds as Partial<OrganizationRosterInputs>);
    return { inputs: { ...inputs, [PROVIDER_KEY]: news[PROVIDER_KEY] } };
  },

  async diff(_id, olds, news) {
    const before = olds as Partial<OrganizationRosterState>;
    const desired = rosterOnly(parseCheckedRosterInputs(news));
    const replaces = before.organizationId === desired.organizationId ? [] : ["organizationId"];
    return {
      changes:
        replaces.length > 0 ||
        before.unmanaged !== desired.unmanaged ||
        membersDiffer(before, desired) ||
        unmanagedPending(desired.unmanaged, before.unmanagedOperators ?? []),
      replaces,
      deleteBeforeReplace: false,
    };
  },

  async create(inputs) {
    const desired = rosterOnly(parseCheckedRosterInputs(inputs));
    const id = String(desired.organizationId);
    return { id, outs: await converge(id, desired, {}, inputs) };
  },

  async read(id, props) {
    const previous = props as Partial<OrganizationRosterState>;
    const organizationId = Number(id);
    const live = await runtime.client().listOperators(organizationId);
    const state = liveState(organizationId, previous, live);
    return { id, props: state, inputs: inputsMirroring(state) };
  },

  async update(id, olds, news) {
    const desired = rosterOnly(parseCheckedRosterInputs(news));
    return { outs: await converge(id, desired, olds as Partial<OrganizationRosterState>, news) };
  },

  async delete(_id, props) {
    const state = props as Partial<OrganizationRosterState>;
    const client = runtime.client();
    const failures: string[] = [];
    await Promise.all(
      Object.entries(state.operatorIds ?? {}).map(async ([key, operatorId]) => {
        try {
          await client.setStatus(operatorId, 2, state.organizationId);
        } catch (error) {
          if (isChatHubApiError(error) && error.kind === "not-found") return; // gone is what delete wants
          failures.push(`"${key}" (operator ${operatorId}): ${messageOf(error)}`);
        }
      }),
    );
    if (failures.length > 0) {
      throw new Error(
        `Deleting the roster of organization ${state.organizationId} failed for ${failures.length} operator(s): ${listed(failures)}. ` +
          "Nothing is lost: the roster stays in the stack; run `pulumi destroy` again to finish.",
      );
    }
  },
};

/**
 * Makes the organization look like the roster: ties keys to live operators, creates the
 * missing, sets statuses, retires what the roster dropped and applies `unmanaged`. Every call
 * that succeeded is in the state it returns; if any failed, that state is recorded as a partial
 * result, and the next `up` finishes the job.
 */
async function converge(
  id: string,
  desired: OrganizationRosterInputs,
  previous: Partial<OrganizationRosterState>,
  inputs: Record<string, unknown>,
): Promise<OrganizationRosterState> {
  const client = runtime.client();
  const organizationId = desired.organizationId;
  client.invalidate(organizationId); // decide on what is live now, not on a list a refresh made
  const live = await client.listOperators(organizationId);
  const previousIds = previous.organizationId === organizationId ? (previous.operatorIds ?? {}) : {};
  const plan = planConvergence(desired, previousIds, live);
  if (plan.problems.length > 0)
    throw new Error(`Roster of organization ${organizationId}: ${listed(plan.problems)}`);
  // Removal budget (issue 18): counted again from the live list, before any write.
  const overBudget = removalBudgetOfPlan(desired, plan, live);
  if (overBudget !== undefined) throw new Error(overBudget);

  const members = new Map<string, { id: number; status: 0 | 1 | 2 }>(plan.claimed);
  const unmanaged = new Map(plan.unmanaged.map((operator) => [operator.id, operator]));
  const stillManaged = new Map<string, { id: number; status: 0 | 1 | 2 }>();
  const failures: string[] = [];
  const attempt = async (what: string, call: () => Promise<void>) => {
    try {
      await call();
    } catch (error) {
      failures.push(`${what}: ${messageOf(error)}`);
    }
  };
  const wanted = (key: string) => statusCode(desired.operators[key]?.status ?? "active");
  const setStatus = (key: string) => {
    const member = members.get(key);
    if (!member || member.status === wanted(key)) return Promise.resolve();
    return attempt(`setting "${key}" ${desired.operators[key]?.status}`, async () => {
      await client.setStatus(member.id, wanted(key), organizationId);
      member.status = wanted(key);
    });
  };
  const batcher = runtime.createBatcher(organizationId);
  const previousKeyOf = new Map(Object.entries(previousIds).map(([key, operatorId]) => [operatorId, key]));

  const createMissing = async () => {
    // Checked against the list above: no look before each batch (a lost answer still lists to reconcile).
    const names = plan.create.map((key) => desired.operators[key]?.name as string);
    const results = await batcher.createChecked(names, live);
    await Promise.all(
      results.map(async (result, index) => {
        const key = plan.create[index] as string;
        if (result.status === "rejected") {
          failures.push(`creating "${key}": ${messageOf(result.reason)}`);
          return;
        }
        members.set(key, { id: result.value.id, status: result.value.status });
        await setStatus(key);
      }),
    );
  };

  await Promise.all([
    createMissing(),
    ...[...plan.claimed.keys()].map(setStatus),
    ...plan.retire.map(async (operator) => {
      const key = previousKeyOf.get(operator.id) as string;
      try {
        await client.setStatus(operator.id, 2, organizationId);
      } catch (error) {
        if (isChatHubApiError(error) && error.kind === "not-found") return;
        // Still managed: the next `up` retires it again.
        stillManaged.set(key, { id: operator.id, status: operator.status });
        failures.push(`deleting "${key}" (operator ${operator.id}): ${messageOf(error)}`);
      }
    }),
    ...plan.unmanaged.map((operator) => applyUnmanaged(desired.unmanaged, operator, unmanaged, attempt)),
  ]);

  const operators: Record<string, RosterMember> = {};
  const operatorIds: Record<string, number> = {};
  for (const [key, member] of Object.entries(desired.operators)) {
    const done = members.get(key);
    if (!done) continue;
    operators[key] = { ...member, status: liveStatusName(done.status) };
    operatorIds[key] = done.id;
  }
  for (const [key, member] of stillManaged) {
    // Under a key of its own (its old key may name someone new now): the next `up` retires it.
    const name = previous.operators?.[key]?.name ?? key;
    operators[`retired #${member.id}`] = { name, status: liveStatusName(member.status) };
    operatorIds[`retired #${member.id}`] = member.id;
  }
  const state = stateOf(organizationId, desired.unmanaged, operators, operatorIds, [...unmanaged.values()]);
  if (failures.length > 0) {
    throw partialResultError(
      `Roster of organization ${organizationId}: ${failures.length} change(s) failed (${listed(failures)}). ` +
        "What succeeded is recorded in the stack; run `pulumi up` again to finish (it never creates a duplicate).",
      id,
      { ...state },
      inputs,
    );
  }
  return state;
}

async function applyUnmanaged(
  mode: UnmanagedMode,
  operator: Operator,
  unmanaged: Map<number, Operator>,
  attempt: (what: string, call: () => Promise<void>) => Promise<void>,
): Promise<void> {
  const client = runtime.client();
  if (mode === "deactivate" && operator.status === 0) {
    await attempt(`deactivating unmanaged "${operator.name}" (operator ${operator.id})`, async () => {
      await client.setStatus(operator.id, 1, operator.organization.id);
      unmanaged.set(operator.id, { ...operator, status: 1 });
    });
  } else if (mode === "delete") {
    await attempt(`deleting unmanaged "${operator.name}" (operator ${operator.id})`, async () => {
      await client.setStatus(operator.id, 2, operator.organization.id);
      unmanaged.delete(operator.id);
    });
  }
}

/** What refresh sees: the managed people as they are live (gone ones dropped) and everyone else. */
function liveState(
  organizationId: number,
  previous: Partial<OrganizationRosterState>,
  live: readonly Operator[],
): OrganizationRosterState {
  const byId = new Map(live.filter(isLive).map((operator) => [operator.id, operator]));
  const operators: Record<string, RosterMember> = {};
  const operatorIds: Record<string, number> = {};
  for (const [key, operatorId] of Object.entries(previous.operatorIds ?? {})) {
    const operator = byId.get(operatorId);
    if (!operator) continue; // deleted by hand: dropped, so the next `up` creates it again
    const known = previous.operators?.[key];
    // A difference of letter case only is no rename: ChatHub compares names case-insensitively.
    const name =
      known && normalizeOperatorName(known.name) === normalizeOperatorName(operator.name)
        ? known.name
        : operator.name.trim();
    operators[key] = { ...known, name, status: liveStatusName(operator.status) };
    operatorIds[key] = operatorId;
    byId.delete(operatorId);
  }
  return stateOf(organizationId, previous.unmanaged ?? "ignore", operators, operatorIds, [...byId.values()]);
}

function stateOf(
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
    .map((operator) => ({
      id: operator.id,
      name: operator.name,
      status: liveStatusName(operator.status),
    }));
  return storable({
    organizationId,
    unmanaged,
    operators: Object.fromEntries(
      Object.entries(operators).map(([key, member]) => [key, storedMember(member)]),
    ),
    operatorIds,
    counts: { total: members.length, active, inactive: members.length - active },
    unmanagedOperators,
  });
}

/**
 * Inputs as a program would write them to describe the organization as it is: the managed
 * people as they are live, plus every unmanaged person under a key of their own
 * (`unmanaged #107`), which check() then carries into the new inputs with what `unmanaged` will
 * do to them.
 */
function inputsMirroring(state: OrganizationRosterState): OrganizationRosterInputs {
  const operators: Record<string, RosterMember> = {};
  for (const [key, member] of Object.entries(state.operators)) operators[key] = expandedMember(member);
  for (const operator of state.unmanagedOperators) {
    operators[unmanagedKey(operator.id)] = { name: operator.name, status: operator.status };
  }
  return { organizationId: state.organizationId, unmanaged: state.unmanaged, operators };
}

/**
 * The program's inputs plus the unmanaged people the last refresh found, each as `unmanaged`
 * will leave them, so that the engine's own `preview --diff` names each person and the change:
 * `~ status: "active" => "inactive"` (deactivate), `- unmanaged #107` (delete), nothing (ignore).
 * Someone the roster now names is adopted instead, and is not carried.
 */
function withUnmanagedOutcomes(
  desired: OrganizationRosterInputs,
  olds: Partial<OrganizationRosterInputs>,
): OrganizationRosterInputs {
  if (desired.unmanaged === "delete" || olds.organizationId !== desired.organizationId) return desired;
  const named = new Set(Object.values(desired.operators).map((member) => normalizeOperatorName(member.name)));
  const operators = { ...desired.operators };
  for (const [key, member] of Object.entries(olds.operators ?? {})) {
    if (!isUnmanagedKey(key) || named.has(normalizeOperatorName(member.name))) continue;
    operators[key] = desired.unmanaged === "deactivate" ? { ...member, status: "inactive" } : member;
  }
  return { ...desired, operators };
}

/** The inputs as the program gave them: without the unmanaged people check() carries. */
function rosterOnly(inputs: OrganizationRosterInputs): OrganizationRosterInputs {
  const operators = Object.entries(inputs.operators).filter(([key]) => !isUnmanagedKey(key));
  return { ...inputs, operators: Object.fromEntries(operators) };
}

/** Whether `unmanaged` has something to do to these people. */
function unmanagedPending(mode: UnmanagedMode, operators: readonly UnmanagedOperator[]): boolean {
  if (mode === "delete") return operators.length > 0;
  if (mode === "deactivate") return operators.some((operator) => operator.status === "active");
  return false;
}

/** Whether a key was added, removed, renamed, imported elsewhere, or changed status. */
function membersDiffer(before: Partial<OrganizationRosterState>, desired: OrganizationRosterInputs): boolean {
  const olds = before.operators ?? {};
  const news = Object.entries(desired.operators);
  if (Object.keys(olds).length !== news.length) return true;
  return news.some(([key, member]) => {
    const old = olds[key] && expandedMember(olds[key]);
    if (!old || old.status !== member.status) return true;
    if (normalizeOperatorName(old.name) !== normalizeOperatorName(member.name)) return true;
    const managedAs = `${desired.organizationId}/${before.operatorIds?.[key]}`;
    return member.import !== undefined && member.import !== old.import && member.import !== managedAs;
  });
}

/**
 * The removal budget as a preview can see it: against the old inputs (after a refresh they mirror
 * what is live, `unmanaged #<id>` entries included), or, at a first adoption, against the live
 * list, which the create's warning reads anyway; under "ignore" that waits for `up`.
 */
async function removalBudgetAtPreview(
  olds: Partial<OrganizationRosterInputs>,
  desired: OrganizationRosterInputs,
): Promise<string | undefined> {
  if (olds.organizationId === desired.organizationId) {
    const known: KnownPerson[] = Object.entries(olds.operators ?? {}).map(([key, member]) => ({
      ...(isUnmanagedKey(key) ? { id: Number(key.slice(UNMANAGED_KEY_PREFIX.length)) } : {}),
      name: member.name,
      active: (member.status ?? "active") === "active",
      managed: !isUnmanagedKey(key),
    }));
    return removalBudgetError({
      organizationId: desired.organizationId,
      removals: predictRemovals(known, Object.values(desired.operators), desired.unmanaged),
      liveOperators: known.length,
      setting: desired.maxRemovals,
    });
  }
  if (desired.unmanaged === "ignore") return undefined;
  let live: Operator[];
  try {
    live = await runtime.client().listOperators(desired.organizationId);
  } catch {
    return undefined; // the create itself reports what is wrong with the organization or the token
  }
  return removalBudgetOfPlan(desired, planConvergence(desired, {}, live), live);
}

/** The removal budget against the live list: whom this plan deletes or deactivates. */
function removalBudgetOfPlan(
  desired: OrganizationRosterInputs,
  plan: ConvergencePlan,
  live: readonly Operator[],
): string | undefined {
  const person = (operator: Operator) => ({
    id: operator.id,
    name: operator.name,
    active: operator.status === 0,
  });
  const byId = new Map(live.map((operator) => [operator.id, operator]));
  const keptInactive = [...plan.claimed]
    .filter(([key]) => desired.operators[key]?.status === "inactive")
    .map(([, claimed]) => person(byId.get(claimed.id) as Operator));
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

/** The people `unmanaged` would change, as `check` warns about them before a create. */
async function warnAboutUnmanaged(desired: OrganizationRosterInputs): Promise<void> {
  if (desired.unmanaged === "ignore") return;
  let live: Operator[];
  try {
    live = await runtime.client().listOperators(desired.organizationId);
  } catch {
    return; // the create itself reports what is wrong with the organization or the token
  }
  const { unmanaged } = planConvergence(desired, {}, live);
  const affected = unmanaged.filter((operator) => desired.unmanaged === "delete" || operator.status === 0);
  if (affected.length === 0) return;
  const verb = desired.unmanaged === "delete" ? "delete (status 2)" : "deactivate";
  const names = affected.map((operator) => `"${operator.name}" (${operator.id})`);
  // The provider's stderr is shown by the CLI: a dynamic provider has no other way to warn.
  console.error(
    `warning: ChatHubOrganizationRoster for organization ${desired.organizationId}: unmanaged: "${desired.unmanaged}" will ${verb} ` +
      `${affected.length} operator(s) the roster does not name: ${listed(names, 50)}. ` +
      'Add them to the roster to keep them, or set unmanaged: "ignore".',
  );
}

function listed(items: readonly string[], most = MAX_LISTED_FAILURES): string {
  const shown = items.slice(0, most).join("; ");
  return items.length > most ? `${shown}; … and ${items.length - most} more` : shown;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

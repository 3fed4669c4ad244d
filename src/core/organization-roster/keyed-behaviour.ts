import { z } from "zod";
import { DESIRED_STATUSES } from "../../api";
import { isRecord } from "../is-record";
import { rosterStateSchema } from "../recorded-state";
import type { KnownPerson } from "../removal-budget";
import type { ResourceBehaviour } from "../resource-behaviour";
import { knownPeopleOf, removalBudgetAtPreview } from "./budget";
import { diffOrganizationRoster, hasChanges } from "./diff";
import {
  datedRosterNotes,
  expandedMember,
  isUnmanagedKey,
  type OrganizationRosterInputs,
  type OrganizationRosterState,
  parseCheckedRosterInputs,
  type RosterMember,
  UNMANAGED_KEY_PREFIX,
  type UnmanagedOperator,
} from "./inputs";
import * as core from "./operations";
import { projectUnmanaged } from "./unmanaged";

/**
 * An organization roster in the form the TypeScript ChatHubOrganizationRoster records (since
 * 0.1.0): the people keyed, and the live operators the roster does not name drawn into `read`'s
 * inputs under keys no roster entry can have (UNMANAGED_KEY_PREFIX), so that the engine's own
 * `preview --diff` lists them as people: `- unmanaged #107`. A dynamic provider cannot return a
 * detailed diff: this is how the input shape tells the engine's comparison what `up` will do.
 */

/** The recorded inputs, as check() reads them: the people, unmanaged ones under their keys. */
const recordedInputsSchema = z.object({
  organizationId: z.number().optional(),
  operators: z
    .record(z.string(), z.object({ name: z.string(), status: z.enum(DESIRED_STATUSES).optional() }))
    .optional(),
});
type RecordedInputs = z.infer<typeof recordedInputsSchema>;

export const keyedOrganizationRosterBehaviour: ResourceBehaviour<
  OrganizationRosterInputs,
  Partial<OrganizationRosterState>,
  RecordedInputs
> = {
  recordName: "organization roster",
  state: rosterStateSchema,
  recordedInputs: recordedInputsSchema,

  // As the program gave them: without the unmanaged people check() carries.
  checkedInputs: (raw) => parseCheckedRosterInputs(withoutUnmanagedEntries(raw)),

  async check(news, olds, { runtime, resource, warn }) {
    const result = await core.checkOrganizationRoster(runtime, withoutUnmanagedEntries(news), resource);
    if (result.ok !== true) return result;
    const desired = result.inputs;
    // Over the removal budget fails the preview, before anything is sent. No property: the engine
    // would print the value of the one named, and the message says it all.
    const overBudget = await removalBudgetAtPreview(
      runtime,
      knownPeople(olds, desired.organizationId),
      desired,
    );
    if (overBudget !== undefined) return { ok: false, failures: [{ property: "", reason: overBudget }] };
    if (olds.organizationId === undefined) {
      const warning = await core.unmanagedWarning(runtime, desired, resource);
      if (warning !== undefined) await warn(warning);
    }
    for (const note of datedRosterNotes(desired, recordedStatus(olds, desired.organizationId)))
      await warn(`${resource} for organization ${desired.organizationId}: ${note}`);
    return { ok: true, inputs: withUnmanagedOutcomes(desired, olds) };
  },

  diff(_id, olds, news) {
    const diff = diffOrganizationRoster(olds, news);
    return { changes: hasChanges(diff), replaces: diff.replaces, deleteBeforeReplace: false };
  },

  async create(inputs, { runtime }) {
    const id = String(inputs.organizationId);
    return { id, state: await core.convergeOrganizationRoster(runtime, id, inputs, {}) };
  },

  async read(id, recorded, _recordedInputs, { runtime }) {
    const state = await core.readOrganizationRoster(runtime, Number(id), recorded ?? {});
    return { state, inputs: inputsMirroring(state) };
  },

  update(id, olds, news, { runtime }) {
    return core.convergeOrganizationRoster(runtime, id, news, olds);
  },

  async delete(_id, recorded, { runtime }) {
    await core.deleteOrganizationRoster(runtime, recorded);
  },

  // The people by key; a refresh lists live people the roster does not name under "unmanaged #<id>": not declared.
  declaredPeople({ operators }) {
    if (!isRecord(operators)) return [];
    return Object.entries(operators).flatMap(([key, member]) =>
      !isUnmanagedKey(key) && isRecord(member) ? [member] : [],
    );
  },
};

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
    operators[`${UNMANAGED_KEY_PREFIX}${operator.id}`] = { name: operator.name, status: operator.status };
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
  olds: RecordedInputs,
): OrganizationRosterInputs {
  if (olds.organizationId !== desired.organizationId) return desired;
  const operators = { ...desired.operators };
  for (const { adopted, after } of projectUnmanaged(unmanagedEntries(olds), desired)) {
    if (!adopted && after)
      operators[`${UNMANAGED_KEY_PREFIX}${after.id}`] = { name: after.name, status: after.status };
  }
  return { ...desired, operators };
}

/**
 * The people the state last saw, from the old inputs (after a refresh they mirror what is live,
 * `unmanaged #<id>` entries included); undefined before the roster exists in this organization.
 */
function knownPeople(olds: RecordedInputs, organizationId: number): KnownPerson[] | undefined {
  if (olds.organizationId !== organizationId) return undefined;
  const entries = Object.entries(olds.operators ?? {});
  return knownPeopleOf(
    entries.filter(([key]) => !isUnmanagedKey(key)).map(([, member]) => member),
    unmanagedEntries(olds),
  );
}

/** The unmanaged people read() drew into the inputs, as `unmanaged #<id>` entries. */
function unmanagedEntries(olds: RecordedInputs): UnmanagedOperator[] {
  return Object.entries(olds.operators ?? {}).flatMap(([key, member]) =>
    isUnmanagedKey(key)
      ? [
          {
            id: Number(key.slice(UNMANAGED_KEY_PREFIX.length)),
            name: member.name,
            status: member.status ?? "active",
          },
        ]
      : [],
  );
}

/** Each person's status as the old inputs recorded it, for the notes on what a date changes. */
function recordedStatus(olds: RecordedInputs, organizationId: number) {
  const operators = olds.organizationId === organizationId ? (olds.operators ?? {}) : {};
  return (key: string) => {
    const member = operators[key];
    return member === undefined ? undefined : (member.status ?? "active");
  };
}

/** The inputs without the unmanaged people check() carries. */
function withoutUnmanagedEntries(inputs: Record<string, unknown>): Record<string, unknown> {
  const operators = inputs.operators;
  if (typeof operators !== "object" || operators === null) return inputs;
  const kept = Object.entries(operators).filter(([key]) => !isUnmanagedKey(key));
  return { ...inputs, operators: Object.fromEntries(kept) };
}

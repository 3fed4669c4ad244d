import { z } from "zod";
import { recordedEntry } from "../../roster/roster-entry";
import { RosterError } from "../../roster/roster-error";
import { rosterKeyOf } from "../../roster/roster-keys";
import { planRoster, rosterDefinition } from "../../roster/roster-plan";
import type { CheckFailure } from "../check-failures";
import { isRecord } from "../is-record";
import { PartialFailure, recastPartialFailure } from "../partial-failure";
import { recordedMemberSchema, rosterStateSchema } from "../recorded-state";
import type { ResourceBehaviour, ResourceDiff } from "../resource-behaviour";
import { isUnknown } from "../unknown";
import { knownPeopleOf, removalBudgetAtPreview } from "./budget";
import { diffOrganizationRoster, hasChanges, type RosterDiff } from "./diff";
import {
  datedRosterNotes,
  expandedMember,
  type OrganizationRosterInputs,
  type OrganizationRosterState,
  parseCheckedRosterInputs,
  type StoredMember,
  storedMember,
  unmanagedOperatorSchema,
} from "./inputs";
import * as core from "./operations";
import { projectUnmanaged, UNMANAGED_MODES } from "./unmanaged";

/**
 * An organization roster in its declared form (`chathub:index:OrganizationRoster`): the people
 * a list (or a file, which check loads into that list, so policies and diffs see the people), and
 * a detailed diff that names each person. The core (operations.ts) works with them by key.
 */

/** One person as the checked inputs and the state list them: as recorded, with their key. */
const entrySchema = recordedMemberSchema.extend({ key: z.string() });
type Entry = z.infer<typeof entrySchema>;

/** As entrySchema, for lists that may be an import's inputs: no key where the name gives it. */
const recordedEntrySchema = entrySchema
  .extend({ key: z.string().optional() })
  .transform((entry): Entry => ({ ...entry, key: entry.key ?? rosterKeyOf(entry.name) }));

/** Inputs the provider keeps as given: not part of what the core converges. */
const passedThroughSchema = z.object({
  file: z.string().optional(),
  maxRemovals: z.union([z.number(), z.string()]).optional(),
  timeZone: z.string().optional(),
});
type PassedThrough = z.infer<typeof passedThroughSchema>;

/** Those inputs, of the properties given (a null is none). */
function passedThrough(properties: Record<string, unknown>): PassedThrough {
  const given = Object.keys(passedThroughSchema.shape).filter(
    (key) => properties[key] !== undefined && properties[key] !== null,
  );
  return passedThroughSchema.parse(Object.fromEntries(given.map((key) => [key, properties[key]])));
}

/** What check() writes: the people listed in full (a file's too), each status as it is now. */
const checkedSchema = passedThroughSchema.extend({
  organizationId: z.number(),
  unmanaged: z.enum(UNMANAGED_MODES),
  operators: z.array(recordedEntrySchema),
  // The unmanaged people the last refresh found, as `up` will leave them (see check).
  unmanagedOperators: z.array(unmanagedOperatorSchema).optional(),
});
export type CheckedRoster = z.infer<typeof checkedSchema>;

/** The recorded inputs: an import's, a refresh's (mirroring what is live) or check()'s. */
const recordedInputsSchema = checkedSchema.partial();
export type RecordedInputs = z.infer<typeof recordedInputsSchema>;

/** The outputs: the passed-through inputs, the people as they are live, and what ChatHub reports. */
const stateSchema = rosterStateSchema.extend({
  ...passedThroughSchema.shape,
  operators: z.array(recordedEntrySchema).optional(),
});
export type ListedState = z.infer<typeof stateSchema>;

export const organizationRosterBehaviour: ResourceBehaviour<CheckedRoster, ListedState, RecordedInputs> = {
  recordName: "organization roster",
  state: stateSchema,
  recordedInputs: recordedInputsSchema,

  checkedInputs(raw, resource) {
    const result = checkedSchema.safeParse(raw);
    if (!result.success) throw new Error(`invalid ${resource} inputs: ${z.prettifyError(result.error)}`);
    return result.data;
  },

  async check(news, olds, { runtime, resource, warn }) {
    if (Object.values(news).some(containsUnknown)) return { ok: "unknown" }; // checked once known
    const entries = rosterEntries(news);
    if (!entries.ok) return entries;
    const roster = {
      organizationId: news.organizationId,
      unmanaged: news.unmanaged,
      operators: byKey(entries.entries),
      maxRemovals: news.maxRemovals,
      timeZone: news.timeZone,
    };
    const result = await core.checkOrganizationRoster(runtime, roster, resource);
    if (result.ok !== true) return result;
    const desired = result.inputs;
    const sameOrganization = olds.organizationId === desired.organizationId;
    const known = sameOrganization
      ? knownPeopleOf(olds.operators ?? [], olds.unmanagedOperators ?? [])
      : undefined;
    // Over the removal budget fails the preview, before anything is sent. No property: the
    // engine would print the value of the one named, and the message says it all.
    const overBudget = await removalBudgetAtPreview(runtime, known, desired);
    if (overBudget !== undefined) return { ok: false, failures: [{ property: "", reason: overBudget }] };
    if (olds.organizationId === undefined) {
      const warning = await core.unmanagedWarning(runtime, desired, resource);
      if (warning !== undefined) await warn(warning);
    }
    const recorded = new Map(
      sameOrganization ? (olds.operators ?? []).map((entry) => [entry.key, entry.status ?? "active"]) : [],
    );
    for (const note of datedRosterNotes(desired, (key) => recorded.get(key)))
      await warn(`${resource} for organization ${desired.organizationId}: ${note}`);
    const checked: CheckedRoster = {
      ...passedThrough(news),
      organizationId: desired.organizationId,
      unmanaged: desired.unmanaged,
      operators: entries.entries.map((entry) => ({
        ...entry,
        status: desired.operators[entry.key]?.status ?? entry.status,
      })),
    };
    if (sameOrganization && olds.unmanagedOperators !== undefined) {
      // The unmanaged people the last refresh found, as `up` will leave them, against the same
      // list in the recorded inputs: `preview --diff` shows each one's change. Someone the
      // roster now names is adopted instead, and left as is here.
      checked.unmanagedOperators = projectUnmanaged(olds.unmanagedOperators, desired).flatMap(
        ({ operator, adopted, after }) => (adopted ? [operator] : after ? [after] : []),
      );
    }
    return { ok: true, inputs: checked };
  },

  diff(_id, olds, news, oldInputs) {
    const diff = diffOrganizationRoster(coreState(olds), desiredOf(news));
    return {
      changes: hasChanges(diff),
      replaces: diff.replaces,
      detailedDiff: detailedDiff(diff, oldInputs, news, olds),
    };
  },

  async create(inputs, { runtime }) {
    const desired = desiredOf(inputs);
    const id = String(desired.organizationId);
    const state = await listedPartial(inputs, () =>
      core.convergeOrganizationRoster(runtime, id, desired, {}),
    );
    return { id, state: listedState(inputs, state) };
  },

  async read(id, recorded, recordedInputs, { runtime }) {
    const organizationId = Number(id);
    if (!Number.isSafeInteger(organizationId) || organizationId <= 0) {
      throw new Error(`"${id}" is not an organization roster id: it is the organization's id, e.g. 24`);
    }
    // An import reads with nothing recorded: every live person becomes an entry, and `unmanaged` is "ignore".
    if (recorded?.organizationId === undefined) {
      const state = await core.readImportedRoster(runtime, organizationId);
      return { state: listedState({}, state), inputs: importedInputs(state) };
    }
    const state = await core.readOrganizationRoster(runtime, organizationId, coreState(recorded));
    const given = recordedInputs.organizationId !== undefined ? recordedInputs : recorded;
    const live = mirroredInputs(given, state);
    return { state: listedState(live, state), inputs: live };
  },

  async update(id, olds, news, { runtime }) {
    const state = await listedPartial(news, () =>
      core.convergeOrganizationRoster(runtime, id, desiredOf(news), coreState(olds)),
    );
    return listedState(news, state);
  },

  async delete(_id, recorded, { runtime }) {
    await core.deleteOrganizationRoster(runtime, coreState(recorded));
  },

  declaredPeople: ({ operators }) => (Array.isArray(operators) ? operators.filter(isRecord) : []),
};

/** The people from `operators` or `file`, checked as every roster is (src/roster), or the failures. */
function rosterEntries(
  news: Record<string, unknown>,
): { ok: true; entries: Entry[] } | { ok: false; failures: CheckFailure[] } {
  const given = (value: unknown) => value !== undefined && value !== null;
  // A file's people are in the checked inputs too: the file is what they come from.
  const fromFile = typeof news.file === "string";
  try {
    // Without the time zone: check() judges each window in it, naming the person's key.
    const plan = planRoster(
      rosterDefinition({
        organizationId: news.organizationId,
        operators: given(news.operators) && !fromFile ? news.operators : undefined,
        file: given(news.file) ? news.file : undefined,
      }),
    );
    return { ok: true, entries: plan.entries.map(recordedEntry) };
  } catch (error) {
    if (!(error instanceof RosterError)) throw error;
    const property = fromFile ? "file" : "operators";
    return {
      ok: false,
      failures: error.problems.map((reason) => ({ property, reason: `${property}: ${reason}` })),
    };
  }
}

function byKey(entries: readonly Entry[]): Record<string, StoredMember> {
  return Object.fromEntries(entries.map(({ key, ...member }) => [key, member]));
}

/** The roster the core converges, from checked inputs (each dated status judged again, now). */
function desiredOf(inputs: CheckedRoster): OrganizationRosterInputs {
  return parseCheckedRosterInputs({
    organizationId: inputs.organizationId,
    unmanaged: inputs.unmanaged,
    operators: byKey(inputs.operators),
    maxRemovals: inputs.maxRemovals,
    timeZone: inputs.timeZone,
  });
}

/** The core's state from the recorded outputs (the people listed, as the core keys them). */
export function coreState(recorded: ListedState): Partial<OrganizationRosterState> {
  const { file: _file, maxRemovals: _maxRemovals, timeZone: _timeZone, operators, ...rest } = recorded;
  const members = (operators ?? []).map(({ key, ...member }) => [key, storedMember(expandedMember(member))]);
  return { ...rest, operators: Object.fromEntries(members) };
}

/** The outputs: the inputs passed through, the people as they are live, and what ChatHub reports. */
export function listedState(inputs: PassedThrough, state: Partial<OrganizationRosterState>): ListedState {
  // As the core stores them (no status when active): under 200 bytes a person in the state.
  const operators = Object.entries(state.operators ?? {}).map(([key, member]) => ({ key, ...member }));
  return { ...passedThrough(inputs), ...state, operators };
}

/**
 * Inputs that describe the organization as it is, for the next diff to compare with the program:
 * the people in the order last recorded, each as live (gone ones dropped).
 */
function mirroredInputs(given: PassedThrough, state: OrganizationRosterState): CheckedRoster {
  return {
    ...passedThrough(given),
    organizationId: state.organizationId,
    unmanaged: state.unmanaged,
    operators: Object.entries(state.operators).map(([key, stored]) => ({ key, ...expandedMember(stored) })),
    unmanagedOperators: state.unmanagedOperators,
  };
}

/** An import's inputs, each person as a program would write them: no key where the name gives it, no status where active. */
function importedInputs(state: OrganizationRosterState): z.input<typeof recordedInputsSchema> {
  const operators = Object.entries(state.operators).map(([key, stored]) => ({
    ...(rosterKeyOf(stored.name) === key ? {} : { key }),
    ...storedMember(expandedMember(stored)),
  }));
  return { organizationId: state.organizationId, unmanaged: "ignore", operators };
}

/**
 * What `preview --diff` prints, person by person (an element, so the name is drawn beside the
 * change): `operators[i]` for someone changed in place, someone changed and moved (drawn at the
 * new place, as they will be), someone added (index in the program) or removed (index in the recorded
 * roster), and each unmanaged person `unmanaged` acts on. The engine draws a path from the old
 * inputs or the new ones by its kind; where an addition and a removal fall on the same index, the
 * element is drawn as an update, which still names both people.
 */
function detailedDiff(
  diff: RosterDiff,
  oldInputs: RecordedInputs,
  news: CheckedRoster,
  olds: ListedState,
): ResourceDiff["detailedDiff"] {
  const details: NonNullable<ResourceDiff["detailedDiff"]> = {};
  const oldKeys = (oldInputs.operators ?? olds.operators ?? []).map((entry) => entry.key);
  const newKeys = news.operators.map((entry) => entry.key);
  const mark = (index: number, kind: "add" | "delete") => {
    const path = `operators[${index}]`;
    const other = details[path];
    details[path] = other && other !== kind ? "update" : kind;
  };
  for (const property of diff.replaces) details[property] = "update-replace";
  if (diff.unmanagedModeChanged) details.unmanaged = "update";
  for (const { key, change } of diff.members) {
    const [before, after] = [oldKeys.indexOf(key), newKeys.indexOf(key)];
    if (change === "add") mark(after, "add");
    else if (change === "remove") mark(before, "delete");
    else if (before === after) {
      details[`operators[${after}]`] = "update"; // the element: its name is drawn too
    } else {
      mark(after, "add"); // moved in the list as well: drawn where it now stands, as it will be
    }
  }
  const unmanagedIds = (oldInputs.unmanagedOperators ?? olds.unmanagedOperators ?? []).map(
    (operator) => operator.id,
  );
  for (const { operator, change } of diff.unmanaged) {
    const at = `unmanagedOperators[${unmanagedIds.indexOf(operator.id)}]`;
    details[at] = change === "delete" ? "delete" : "update";
  }
  return details;
}

/** A PartialFailure's state in this form's shape. */
function listedPartial(
  inputs: PassedThrough,
  operation: () => Promise<OrganizationRosterState>,
): Promise<OrganizationRosterState> {
  return recastPartialFailure(
    operation,
    (failure) =>
      new PartialFailure(
        failure.message,
        failure.id,
        listedState(inputs, rosterStateSchema.parse(failure.state)),
      ),
  );
}

function containsUnknown(value: unknown): boolean {
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (typeof value === "object" && value !== null) return Object.values(value).some(containsUnknown);
  return false;
}

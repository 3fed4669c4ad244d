import { z } from "zod";
import { DESIRED_STATUSES } from "../api";
import type { CheckFailure } from "../core/check-failures";
import { knownPeopleOf, removalBudgetAtPreview } from "../core/organization-roster/budget";
import { diffOrganizationRoster, hasChanges, type RosterDiff } from "../core/organization-roster/diff";
import {
  datedRosterNotes,
  expandedMember,
  type OrganizationRosterInputs,
  type OrganizationRosterState,
  parseCheckedRosterInputs,
  type StoredMember,
  storedMember,
} from "../core/organization-roster/inputs";
import * as core from "../core/organization-roster/operations";
import { projectUnmanaged } from "../core/organization-roster/unmanaged";
import { PartialFailure, recastPartialFailure } from "../core/partial-failure";
import { parsed, recordedRoster } from "../core/recorded-state";
import type { KnownPerson } from "../core/removal-budget";
import { isUnknown } from "../core/unknown";
import { ORGANIZATION_ROSTER_TOKEN } from "../declarations/package";
import type { CheckedRosterEntry } from "../roster/roster-entry";
import { RosterError } from "../roster/roster-error";
import { rosterKeyOf } from "../roster/roster-keys";
import { planRoster } from "../roster/roster-plan";
import { nativeRuntime as runtime } from "./config";
import type { DiffResult, PropertyMap, PropertyValue, ResourceHandler } from "./handler";
import { plain, plainList } from "./plain";

/**
 * One person as the checked inputs and the state list them: the key always filled in; the status
 * left out in the state where it is active (as the core stores it).
 */
const entrySchema = z.object({
  key: z.string(),
  name: z.string(),
  status: z.enum(DESIRED_STATUSES).optional(),
  import: z.string().optional(),
  activeFrom: z.string().optional(),
  activeUntil: z.string().optional(),
});
type Entry = z.infer<typeof entrySchema>;

/** As entrySchema, for lists that may be an import's inputs: no key where the name gives it. */
const recordedEntrySchema = entrySchema
  .extend({ key: z.string().optional() })
  .transform((entry): Entry => ({ ...entry, key: entry.key ?? rosterKeyOf(entry.name) }));

const unmanagedSchema = z.object({ id: z.number(), name: z.string(), status: z.enum(DESIRED_STATUSES) });

/** A list the engine recorded (or check() wrote), parsed rather than cast; absent is empty. */
function recordedList<T>(schema: z.ZodType<T>, value: PropertyValue | undefined, what: string): T[] {
  if (value === undefined || value === null) return [];
  return parsed(z.array(schema), value, `organization roster's ${what}`);
}

const entriesOf = (value: PropertyValue | undefined) => recordedList(recordedEntrySchema, value, "operators");
const unmanagedOf = (value: PropertyValue | undefined) =>
  recordedList(unmanagedSchema, value, "unmanagedOperators");

/** What an entry holds only when given: the state of an undated person stays as small as before. */
const OPTIONAL_ENTRY_PROPERTIES = ["import", "activeFrom", "activeUntil"] as const;

/** Inputs the provider keeps as given: not part of what the core converges. */
const PASSED_THROUGH = ["file", "maxRemovals", "timeZone"] as const;

/**
 * `chathub:index:OrganizationRoster`: the core's organization roster (src/core/organization-roster)
 * as the native provider serves it. Its inputs are a list of people (or a file, which check loads
 * into that list, so policies and diffs see the people), and a detailed diff names each person.
 */
export const organizationRosterResource: ResourceHandler = {
  async check(olds, news, context) {
    if (Object.values(news).some(containsUnknown)) return { inputs: news }; // checked once known
    const entries = rosterEntries(news);
    if (!entries.ok) return { inputs: news, failures: entries.failures };
    const roster = {
      organizationId: news.organizationId,
      unmanaged: news.unmanaged,
      operators: byKey(entries.entries),
      maxRemovals: news.maxRemovals,
      timeZone: news.timeZone,
    };
    const result = await core.checkOrganizationRoster(runtime, roster, ORGANIZATION_ROSTER_TOKEN);
    if (result.ok === false) return { inputs: news, failures: result.failures };
    if (result.ok === "unknown") return { inputs: news };
    const known = knownPeople(olds, result.inputs.organizationId);
    const overBudget = await removalBudgetAtPreview(runtime, known, result.inputs);
    if (overBudget !== undefined) return { inputs: news, failures: [{ property: "", reason: overBudget }] };
    if (olds.organizationId === undefined) {
      const warning = await core.unmanagedWarning(runtime, result.inputs, ORGANIZATION_ROSTER_TOKEN);
      if (warning !== undefined) await context.log("warning", warning);
    }
    const recorded = new Map(
      olds.organizationId === result.inputs.organizationId
        ? entriesOf(olds.operators).map((entry) => [entry.key, entry.status ?? "active"])
        : [],
    );
    for (const note of datedRosterNotes(result.inputs, (key) => recorded.get(key)))
      await context.log(
        "warning",
        `${ORGANIZATION_ROSTER_TOKEN} for organization ${result.inputs.organizationId}: ${note}`,
      );
    const inputs = checkedInputs(news, result.inputs, entries.entries);
    if (olds.organizationId === result.inputs.organizationId && Array.isArray(olds.unmanagedOperators)) {
      // The unmanaged people the last refresh found, as `up` will leave them, against the same
      // list in the recorded inputs: `preview --diff` shows each one's change. Someone the
      // roster now names is adopted instead, and left as is here.
      const projected = projectUnmanaged(unmanagedOf(olds.unmanagedOperators), result.inputs);
      inputs.unmanagedOperators = plainList(
        projected.flatMap(({ operator, adopted, after }) => (adopted ? [operator] : after ? [after] : [])),
      );
    }
    return { inputs };
  },

  async diff(_id, olds, news, _context, oldInputs) {
    const diff = diffOrganizationRoster(coreState(olds), desiredOf(news));
    return {
      changes: hasChanges(diff),
      replaces: diff.replaces,
      detailedDiff: detailedDiff(diff, oldInputs, news, olds),
    };
  },

  async create(inputs) {
    const desired = desiredOf(inputs);
    const id = String(desired.organizationId);
    const state = await asNativePartial(inputs, () =>
      core.convergeOrganizationRoster(runtime, id, desired, {}),
    );
    return { id, outs: outputsOf(inputs, state) };
  },

  async read(id, props, inputs) {
    const organizationId = Number(id);
    if (!Number.isSafeInteger(organizationId) || organizationId <= 0) {
      throw new Error(`"${id}" is not an organization roster id: it is the organization's id, e.g. 24`);
    }
    // An import reads with nothing recorded: every live person becomes an entry, and `unmanaged` is "ignore".
    const importing = props.organizationId === undefined;
    const state = importing
      ? await core.readImportedRoster(runtime, organizationId)
      : await core.readOrganizationRoster(runtime, organizationId, coreState(props));
    const given = importing ? {} : Object.keys(inputs).length > 0 ? inputs : props;
    const live = mirroredInputs(given, state, importing);
    return { id, props: outputsOf(live, state), inputs: live };
  },

  async update(id, olds, news) {
    const state = await asNativePartial(news, () =>
      core.convergeOrganizationRoster(runtime, id, desiredOf(news), coreState(olds)),
    );
    return { outs: outputsOf(news, state) };
  },

  async delete(_id, props) {
    await core.deleteOrganizationRoster(runtime, coreState(props));
  },
};

/** The people from `operators` or `file`, checked as every roster is (src/roster), or the failures. */
function rosterEntries(
  news: PropertyMap,
): { ok: true; entries: Entry[] } | { ok: false; failures: CheckFailure[] } {
  const fromFile = typeof news.file === "string";
  try {
    const plan = planRoster({
      organizationId: news.organizationId,
      ...(news.operators === undefined || news.operators === null || fromFile
        ? {}
        : { operators: news.operators as never }),
      ...(news.file === undefined || news.file === null ? {} : { file: news.file as string }),
    });
    return { ok: true, entries: plan.entries.map(entryOf) };
  } catch (error) {
    if (!(error instanceof RosterError)) throw error;
    const property = fromFile ? "file" : "operators";
    return {
      ok: false,
      failures: error.problems.map((reason) => ({ property, reason: `${property}: ${reason}` })),
    };
  }
}

function entryOf(entry: CheckedRosterEntry): Entry {
  const { key, name, status } = entry;
  const given = OPTIONAL_ENTRY_PROPERTIES.filter((property) => entry[property] !== undefined);
  return { key, name, status, ...Object.fromEntries(given.map((property) => [property, entry[property]])) };
}

function byKey(entries: readonly Entry[]): Record<string, StoredMember> {
  return Object.fromEntries(entries.map(({ key, ...member }) => [key, member]));
}

/** The checked inputs: what the program gave, the people listed in full (a file's too), each status as it is now. */
function checkedInputs(
  news: PropertyMap,
  desired: OrganizationRosterInputs,
  entries: readonly Entry[],
): PropertyMap {
  const inputs: PropertyMap = {
    ...news,
    organizationId: desired.organizationId,
    unmanaged: desired.unmanaged,
  };
  const now = entries.map((entry) => ({
    ...entry,
    status: desired.operators[entry.key]?.status ?? entry.status,
  }));
  inputs.operators = plainList(now);
  return inputs;
}

/**
 * The people the state last saw, from the old inputs (after a refresh they mirror what is live):
 * the roster's people and the unmanaged ones; undefined before the roster exists here.
 */
function knownPeople(olds: PropertyMap, organizationId: number): KnownPerson[] | undefined {
  if (olds.organizationId !== organizationId) return undefined;
  return knownPeopleOf(entriesOf(olds.operators), unmanagedOf(olds.unmanagedOperators));
}

/** The roster the core converges, from checked inputs. */
function desiredOf(inputs: PropertyMap): OrganizationRosterInputs {
  return parseCheckedRosterInputs({
    organizationId: inputs.organizationId,
    unmanaged: inputs.unmanaged,
    operators: byKey(entriesOf(inputs.operators)),
    maxRemovals: inputs.maxRemovals,
    timeZone: inputs.timeZone,
  });
}

/** The core's state from the recorded outputs (the people listed, as the core keys them). */
function coreState(outputs: PropertyMap): Partial<OrganizationRosterState> {
  const entries = Array.isArray(outputs.operators) ? entriesOf(outputs.operators) : [];
  const operators = Object.fromEntries(
    entries.map(({ key, ...member }) => [key, storedMember(expandedMember(member))]),
  );
  const { file: _file, maxRemovals: _maxRemovals, ...recorded } = outputs;
  return recordedRoster({ ...recorded, operators }, String(outputs.organizationId ?? ""));
}

/** The inputs the provider keeps as given (PASSED_THROUGH) that these properties hold. */
function passedThrough(properties: PropertyMap): PropertyMap {
  return Object.fromEntries(
    PASSED_THROUGH.filter((key) => properties[key] !== undefined).map((key) => [
      key,
      properties[key] ?? null,
    ]),
  );
}

/** The outputs: the inputs passed through, the people as they are live, and what ChatHub reports. */
function outputsOf(inputs: PropertyMap, state: Partial<OrganizationRosterState>): PropertyMap {
  const passed = passedThrough(inputs);
  // As the core stores them (no status when active): under 200 bytes a person in the state.
  const operators = Object.entries(state.operators ?? {}).map(([key, member]) => ({ key, ...member }));
  return plain({ ...passed, ...state, operators });
}

/**
 * Inputs that describe the organization as it is, for the next diff to compare with the program:
 * the people in the order last recorded, each as live (gone ones dropped). An import writes each
 * person as a program would: no key where the name gives it, no status where it is active.
 */
function mirroredInputs(given: PropertyMap, state: OrganizationRosterState, importing: boolean): PropertyMap {
  const passed = passedThrough(given);
  const operators = Object.entries(state.operators).map(([key, stored]) => {
    const member = expandedMember(stored);
    if (!importing) return { key, ...member };
    return {
      ...(rosterKeyOf(member.name) === key ? {} : { key }),
      name: member.name,
      ...(member.status === "active" ? {} : { status: member.status }),
    };
  });
  if (importing)
    return plain({ ...passed, organizationId: state.organizationId, unmanaged: "ignore", operators });
  return plain({
    ...passed,
    organizationId: state.organizationId,
    unmanaged: state.unmanaged,
    operators,
    unmanagedOperators: state.unmanagedOperators,
  });
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
  oldInputs: PropertyMap,
  news: PropertyMap,
  olds: PropertyMap,
): DiffResult["detailedDiff"] {
  const details: NonNullable<DiffResult["detailedDiff"]> = {};
  const keysOf = (value: PropertyValue | undefined) => entriesOf(value).map((entry) => entry.key);
  const oldKeys = keysOf(oldInputs.operators ?? olds.operators);
  const newKeys = keysOf(news.operators);
  const mark = (index: number, kind: "add" | "delete") => {
    const path = `operators[${index}]`;
    const other = details[path];
    details[path] = { kind: other && other.kind !== kind ? "update" : kind, inputDiff: true };
  };
  for (const property of diff.replaces) details[property] = { kind: "update-replace", inputDiff: true };
  if (diff.unmanagedModeChanged) details.unmanaged = { kind: "update", inputDiff: true };
  for (const { key, change } of diff.members) {
    const [before, after] = [oldKeys.indexOf(key), newKeys.indexOf(key)];
    if (change === "add") mark(after, "add");
    else if (change === "remove") mark(before, "delete");
    else if (before === after) {
      details[`operators[${after}]`] = { kind: "update", inputDiff: true }; // the element: its name is drawn too
    } else {
      mark(after, "add"); // moved in the list as well: drawn where it now stands, as it will be
    }
  }
  const unmanagedIds = unmanagedOf(oldInputs.unmanagedOperators ?? olds.unmanagedOperators).map(
    (operator) => operator.id,
  );
  for (const { operator, change } of diff.unmanaged) {
    const at = `unmanagedOperators[${unmanagedIds.indexOf(operator.id)}]`;
    if (change === "delete") details[at] = { kind: "delete", inputDiff: true };
    else details[at] = { kind: "update", inputDiff: true };
  }
  return details;
}

/** A PartialFailure's state in the native outputs' shape. */
function asNativePartial(
  inputs: PropertyMap,
  operation: () => Promise<OrganizationRosterState>,
): Promise<OrganizationRosterState> {
  return recastPartialFailure(
    operation,
    (failure) =>
      new PartialFailure(
        failure.message,
        failure.id,
        outputsOf(inputs, recordedRoster(failure.state, failure.id)),
      ),
  );
}

function containsUnknown(value: PropertyValue): boolean {
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (typeof value === "object" && value !== null) return Object.values(value).some(containsUnknown);
  return false;
}

import { normalizeOperatorName } from "../api";
import type { CheckFailure } from "../core/check-failures";
import { removalBudgetAtPreview } from "../core/organization-roster/budget";
import { diffOrganizationRoster, hasChanges, type RosterDiff } from "../core/organization-roster/diff";
import {
  datedRosterNotes,
  expandedMember,
  namedPeople,
  type OrganizationRosterInputs,
  type OrganizationRosterState,
  parseCheckedRosterInputs,
  type RosterMember,
  storedMember,
  type UnmanagedOperator,
} from "../core/organization-roster/inputs";
import * as core from "../core/organization-roster/operations";
import { PartialFailure, recastPartialFailure } from "../core/partial-failure";
import { recordedRoster } from "../core/recorded-state";
import type { KnownPerson } from "../core/removal-budget";
import { isUnknown } from "../core/unknown";
import type { CheckedRosterEntry } from "../roster/roster-entry";
import { RosterError } from "../roster/roster-error";
import { rosterKeyOf } from "../roster/roster-keys";
import { planRoster } from "../roster/roster-plan";
import { nativeRuntime as runtime } from "./config";
import type { DiffResult, PropertyMap, PropertyValue, ResourceHandler } from "./handler";
import { plain } from "./operator-resource";
import { ORGANIZATION_ROSTER_TOKEN } from "./schema";

/** One person as the checked inputs and the state list them: the key always filled in. */
interface Entry {
  key: string;
  name: string;
  status: RosterMember["status"];
  import?: string;
  activeFrom?: string;
  activeUntil?: string;
}

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
        ? ((olds.operators ?? []) as unknown as Entry[]).map((entry) => [entry.key, entry.status ?? "active"])
        : [],
    );
    for (const note of datedRosterNotes(result.inputs, (key) => recorded.get(key)))
      await context.log(
        "warning",
        `${ORGANIZATION_ROSTER_TOKEN} for organization ${result.inputs.organizationId}: ${note}`,
      );
    const inputs = checkedInputs(news, result.inputs, entries.entries);
    if (olds.organizationId === result.inputs.organizationId && Array.isArray(olds.unmanagedOperators)) {
      inputs.unmanagedOperators = projectedUnmanaged(
        olds.unmanagedOperators as unknown as UnmanagedOperator[],
        result.inputs,
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
    const previous = importing ? await importedState(organizationId) : coreState(props);
    const state = await core.readOrganizationRoster(runtime, organizationId, previous);
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

function byKey(entries: readonly Entry[]): Record<string, RosterMember> {
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
  inputs.operators = plain(now) as unknown as PropertyValue;
  return inputs;
}

/**
 * The unmanaged people the last refresh found, as `unmanaged` will leave them: carried into the
 * checked inputs so that `preview --diff` shows each person's change (`status: "active" =>
 * "inactive"`, or the person removed) against the same list in the recorded inputs. Someone the
 * roster now names is adopted instead, and left as is here.
 */
function projectedUnmanaged(
  recorded: readonly UnmanagedOperator[],
  desired: OrganizationRosterInputs,
): PropertyValue {
  const named = namedPeople(desired);
  const projected = recorded.flatMap((operator) => {
    if (named.has(normalizeOperatorName(operator.name)) || desired.unmanaged === "ignore") return [operator];
    if (desired.unmanaged === "delete") return [];
    return [{ ...operator, status: "inactive" as const }];
  });
  return plain(projected) as unknown as PropertyValue;
}

/**
 * The people the state last saw, from the old inputs (after a refresh they mirror what is live):
 * the roster's people and the unmanaged ones; undefined before the roster exists here.
 */
function knownPeople(olds: PropertyMap, organizationId: number): KnownPerson[] | undefined {
  if (olds.organizationId !== organizationId) return undefined;
  const managed = ((olds.operators ?? []) as unknown as Entry[]).map((entry) => ({
    name: entry.name,
    active: entry.status !== "inactive",
    managed: true,
  }));
  const others = ((olds.unmanagedOperators ?? []) as unknown as UnmanagedOperator[]).map((operator) => ({
    id: operator.id,
    name: operator.name,
    active: operator.status === "active",
    managed: false,
  }));
  return [...managed, ...others];
}

/** The roster the core converges, from checked inputs. */
function desiredOf(inputs: PropertyMap): OrganizationRosterInputs {
  return parseCheckedRosterInputs({
    organizationId: inputs.organizationId,
    unmanaged: inputs.unmanaged,
    operators: byKey((inputs.operators ?? []) as unknown as Entry[]),
    maxRemovals: inputs.maxRemovals,
    timeZone: inputs.timeZone,
  });
}

/** The core's state from the recorded outputs (the people listed, as the core keys them). */
function coreState(outputs: PropertyMap): Partial<OrganizationRosterState> {
  const entries = Array.isArray(outputs.operators) ? (outputs.operators as unknown as Entry[]) : [];
  const operators = Object.fromEntries(entries.map(({ key, ...member }) => [key, storedMember(member)]));
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
function outputsOf(inputs: PropertyMap, state: OrganizationRosterState): PropertyMap {
  const passed = passedThrough(inputs);
  // As the core stores them (no status when active): under 200 bytes a person in the state.
  const operators = Object.entries(state.operators).map(([key, member]) => ({ key, ...member }));
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

/** What an import starts from: every live person managed, under the key their name gives. */
async function importedState(organizationId: number): Promise<Partial<OrganizationRosterState>> {
  const everyone = await core.readOrganizationRoster(runtime, organizationId, {
    organizationId,
    unmanaged: "ignore",
  });
  const operators: OrganizationRosterState["operators"] = {};
  const operatorIds: Record<string, number> = {};
  const names = new Set<string>();
  for (const operator of everyone.unmanagedOperators) {
    const name = normalizeOperatorName(operator.name);
    if (names.has(name)) continue; // a duplicate name stays unmanaged: a roster names each person once
    names.add(name);
    const derived = rosterKeyOf(operator.name);
    const key = derived === "" || derived in operators ? `operator-${operator.id}` : derived;
    operators[key] = storedMember({ name: operator.name.trim(), status: operator.status });
    operatorIds[key] = operator.id;
  }
  return { organizationId, unmanaged: "ignore", operators, operatorIds };
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
  const keysOf = (value: PropertyValue | undefined) =>
    ((value ?? []) as unknown as Entry[]).map((entry) => entry.key);
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
  const unmanagedIds = (
    (oldInputs.unmanagedOperators ?? olds.unmanagedOperators ?? []) as { id: number }[]
  ).map((operator) => operator.id);
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
        outputsOf(inputs, failure.state as unknown as OrganizationRosterState),
      ),
  );
}

function containsUnknown(value: PropertyValue): boolean {
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (typeof value === "object" && value !== null) return Object.values(value).some(containsUnknown);
  return false;
}

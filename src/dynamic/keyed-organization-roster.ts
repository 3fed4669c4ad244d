import { z } from "zod";
import { normalizeOperatorName } from "../api/roster-queries";
import { isRecord } from "../core/is-record";
import {
  type CheckedRoster,
  coreState,
  organizationRosterBehaviour as declared,
  listedState,
  type RecordedInputs,
} from "../core/organization-roster/behaviour";
import type { OrganizationRosterState } from "../core/organization-roster/inputs";
import { namedPeople } from "../core/organization-roster/unmanaged";
import { PartialFailure, recastPartialFailure } from "../core/partial-failure";
import { rosterStateSchema } from "../core/recorded-state";
import type { ResourceBehaviour } from "../core/resource-behaviour";

/**
 * The form the TypeScript ChatHubOrganizationRoster records (since 0.1.0), over the one roster
 * behaviour (src/core/organization-roster/behaviour.ts): the people keyed, and the live operators
 * the roster does not name drawn into `read`'s inputs under keys no roster entry can have
 * (`unmanaged #107`), so that the engine's own `preview --diff` lists them as people. A dynamic
 * provider cannot return a detailed diff: this is how the input shape tells the engine's
 * comparison what `up` will do. Each call is the declared behaviour's, its records turned into
 * the declared form and its answers back into this one.
 */

/** The key of a live operator the roster does not name, in the inputs: no roster key has a space or "#". */
export const UNMANAGED_KEY_PREFIX = "unmanaged #";

const isUnmanagedKey = (key: string): boolean => key.startsWith(UNMANAGED_KEY_PREFIX);

/**
 * A record of this form (inputs or state) in the declared form: the people listed, each with
 * their key, and the `unmanaged #<id>` entries as `unmanagedOperators`. Read leniently, for
 * readers of properties alone (the policy pack, the summary): what is not keyed is left as it is.
 */
export function declaredForm(record: Record<string, unknown>): Record<string, unknown> {
  const { operators } = record;
  if (!isRecord(operators)) return record;
  const entries = Object.entries(operators);
  const people = entries
    .filter(([key]) => !isUnmanagedKey(key))
    .map(([key, person]) => (isRecord(person) ? { key, ...person } : person));
  const unmanaged = entries
    .filter(([key]) => isUnmanagedKey(key))
    .flatMap(([key, person]) => {
      if (!isRecord(person)) return [];
      const id = Number(key.slice(UNMANAGED_KEY_PREFIX.length));
      return [{ id, name: person.name, status: person.status ?? "active" }];
    });
  return { ...record, operators: people, ...(unmanaged.length > 0 ? { unmanagedOperators: unmanaged } : {}) };
}

/** Declared inputs in this form: the people by key, then the unmanaged ones under theirs. */
function keyedInputs({ operators, unmanagedOperators = [], ...rest }: CheckedRoster) {
  const people = operators.map(({ key, ...person }) => [key, person] as const);
  const unmanaged = unmanagedOperators.map(
    ({ id, name, status }) => [`${UNMANAGED_KEY_PREFIX}${id}`, { name, status }] as const,
  );
  return { ...rest, operators: Object.fromEntries([...people, ...unmanaged]) };
}
type KeyedInputs = ReturnType<typeof keyedInputs>;
type KeyedState = Partial<OrganizationRosterState>;

/** Inputs of this form, as the declared behaviour takes them (check() accepted them already). */
const declaredInputs = (inputs: KeyedInputs): CheckedRoster =>
  declared.checkedInputs(declaredForm(inputs), declared.recordName);

/**
 * The unmanaged people check() carries, without anyone the roster now names: adopted, they are
 * a person of the roster, and the engine draws `- unmanaged #107` beside the new key.
 */
function withoutAdopted(checked: CheckedRoster): CheckedRoster {
  const named = namedPeople(checked.operators);
  const carried = checked.unmanagedOperators?.filter(
    (operator) => !named.has(normalizeOperatorName(operator.name)),
  );
  return { ...checked, unmanagedOperators: carried };
}

/** A PartialFailure's state in this form. */
function keyedPartial<T>(operation: () => Promise<T>): Promise<T> {
  return recastPartialFailure(
    operation,
    (failure) =>
      new PartialFailure(failure.message, failure.id, coreState(declared.state.parse(failure.state))),
  );
}

export const keyedOrganizationRosterBehaviour: ResourceBehaviour<KeyedInputs, KeyedState, RecordedInputs> = {
  recordName: declared.recordName,
  // The core's own state: the people by key.
  state: rosterStateSchema,
  // Read in the declared form: the people listed, the unmanaged ones apart.
  recordedInputs: z.preprocess((raw) => (isRecord(raw) ? declaredForm(raw) : raw), declared.recordedInputs),

  checkedInputs: (raw, resource) => keyedInputs(declared.checkedInputs(declaredForm(raw), resource)),

  async check(news, olds, context) {
    const outcome = await declared.check(declaredForm(news), olds, context);
    return outcome.ok === true
      ? { ...outcome, inputs: keyedInputs(withoutAdopted(outcome.inputs)) }
      : outcome;
  },

  diff(id, olds, news, oldInputs) {
    const { changes, replaces } = declared.diff(id, listedState({}, olds), declaredInputs(news), oldInputs);
    return { changes, replaces, deleteBeforeReplace: false };
  },

  async create(inputs, context) {
    const { id, state } = await keyedPartial(() => declared.create(declaredInputs(inputs), context));
    return { id, state: coreState(state) };
  },

  async read(id, recorded, recordedInputs, context) {
    // This form has no import of its own: an empty record is read as the organization's (0.1.0 did).
    const previous = listedState({}, { organizationId: Number(id), ...recorded });
    const found = await declared.read(id, previous, recordedInputs, context);
    if (found === undefined) return undefined;
    // As 0.1.0 mirrored the organization: its people and the choice, not the settings.
    const mirrored = declared.checkedInputs(found.inputs as Record<string, unknown>, declared.recordName);
    const { organizationId, unmanaged, operators, unmanagedOperators } = mirrored;
    return {
      state: coreState(found.state),
      inputs: keyedInputs({ organizationId, unmanaged, operators, unmanagedOperators }),
    };
  },

  async update(id, olds, news, context) {
    const previous = listedState({}, olds);
    return coreState(await keyedPartial(() => declared.update(id, previous, declaredInputs(news), context)));
  },

  async delete(id, recorded, context) {
    await declared.delete(id, listedState({}, recorded), context);
  },

  declaredPeople: (properties) => declared.declaredPeople(declaredForm(properties)),
};

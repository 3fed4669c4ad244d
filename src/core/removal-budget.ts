import { z } from "zod";
import { normalizeOperatorName } from "../api/roster-queries";
import { type UnmanagedMode, unmanagedChange } from "./unmanaged-rule";

/**
 * The removal budget of an organization roster: the most people one deployment may take out of
 * service (delete or deactivate), so that a truncated roster file or a switched-on `unmanaged`
 * cannot empty an organization. Plain data in, plain data out: each adapter (dynamic, native)
 * describes the people and calls these.
 */

export const UNLIMITED = "unlimited";
export type MaxRemovals = number | typeof UNLIMITED;

/** The default protects a user who never heard of it: this many people, or the share below if larger. */
export const DEFAULT_MIN_REMOVALS = 10;
export const DEFAULT_REMOVAL_SHARE = 0.1;

/** Most people named in the error; the rest are counted. */
const MAX_NAMED = 5;

/** Why a `maxRemovals` value is not one, or undefined when it is (undefined means the default). */
export function maxRemovalsProblem(value: unknown): string | undefined {
  if (value === undefined || value === UNLIMITED) return undefined;
  if (typeof value === "number" && Number.isInteger(value) && value >= 0) return undefined;
  return (
    `must be a whole number of people, 0 or more, or "unlimited" (got ${typeof value === "number" ? String(value) : (JSON.stringify(value) ?? String(value))}): ` +
    `e.g. maxRemovals: 40 to allow a deliberate reorganisation, or leave it out for the default ` +
    `(${DEFAULT_MIN_REMOVALS} people or ${DEFAULT_REMOVAL_SHARE * 100}% of the organization's live operators, whichever is larger)`
  );
}

/** `maxRemovals` in an inputs schema: the check failure names the property and the fix. */
export const maxRemovalsSchema = z.custom<MaxRemovals>((value) => maxRemovalsProblem(value) === undefined, {
  error: (issue) => maxRemovalsProblem(issue.input),
});

/** The most people one deployment may take out of service; Infinity when "unlimited". */
export function removalBudget(setting: MaxRemovals | undefined, liveOperators: number): number {
  if (setting === UNLIMITED) return Number.POSITIVE_INFINITY;
  if (setting !== undefined) return setting;
  return Math.max(DEFAULT_MIN_REMOVALS, Math.floor(liveOperators * DEFAULT_REMOVAL_SHARE));
}

/** A live person, as the budget sees them. */
export interface LivePerson {
  id?: number;
  name: string;
  active: boolean;
}

/** One person a deployment takes out of service. */
export interface Removal {
  id?: number;
  name: string;
  change: "delete" | "deactivate";
}

/** What a deployment is about to do to the organization's live people, as its plan says. */
export interface PlannedChanges {
  /** People the roster managed and no longer names (a rename drops the old name): deleted. */
  dropped: readonly LivePerson[];
  /** People the roster keeps (or adopts) with status inactive. */
  keptInactive: readonly LivePerson[];
  /** Live people nobody claims: `unmanaged` decides. */
  unmanaged: readonly LivePerson[];
  mode: UnmanagedMode;
}

/**
 * Everyone the deployment takes out of service: every deletion, and every active person made
 * inactive, managed or not. At the first adoption the unmanaged are all here, which is the
 * moment the budget is for.
 */
export function removalsOf(changes: PlannedChanges): Removal[] {
  const removals: Removal[] = [];
  const add = (person: LivePerson, change: Removal["change"]) =>
    removals.push(
      person.id === undefined ? { name: person.name, change } : { id: person.id, name: person.name, change },
    );
  for (const person of changes.dropped) add(person, "delete");
  for (const person of changes.keptInactive) if (person.active) add(person, "deactivate");
  for (const person of changes.unmanaged) {
    const change = unmanagedChange(changes.mode, person.active);
    if (change !== undefined) add(person, change);
  }
  return removals;
}

/** A person the organization had at the last refresh or up, and whether the roster managed them. */
export interface KnownPerson extends LivePerson {
  managed: boolean;
}

/**
 * The removals a new roster implies against what the state last saw, without asking ChatHub:
 * what a preview can tell. A person is kept when the roster names them (case-insensitively, as
 * ChatHub compares names); so a renamed key drops the old name, and a moved key drops nobody.
 * A person marked `dated` is inactive by their dates: a deliberate change, not counted.
 */
export function predictRemovals(
  known: readonly KnownPerson[],
  roster: readonly { name: string; status: "active" | "inactive"; dated?: boolean }[],
  mode: UnmanagedMode,
): Removal[] {
  // A dated deactivation (the entry's activeUntil passed, or its activeFrom is ahead) is kept, not counted.
  const wanted = new Map(
    roster.map((member) => [normalizeOperatorName(member.name), member.dated ? "dated" : member.status]),
  );
  const dropped: LivePerson[] = [];
  const keptInactive: LivePerson[] = [];
  const unmanaged: LivePerson[] = [];
  for (const person of known) {
    const status = wanted.get(normalizeOperatorName(person.name));
    if (status === "inactive") keptInactive.push(person);
    else if (status === undefined) (person.managed ? dropped : unmanaged).push(person);
  }
  return removalsOf({ dropped, keptInactive, unmanaged, mode });
}

/**
 * Undefined when the removals fit the budget; otherwise the error: how many people, the first of
 * them, and how to allow it.
 */
export function removalBudgetError(request: {
  organizationId: number;
  removals: readonly Removal[];
  liveOperators: number;
  setting: MaxRemovals | undefined;
}): string | undefined {
  const { organizationId, removals, liveOperators, setting } = request;
  const budget = removalBudget(setting, liveOperators);
  if (removals.length <= budget) return undefined;
  const named = removals.slice(0, MAX_NAMED).map(describeRemoval).join(", ");
  const more = removals.length > MAX_NAMED ? ` and ${removals.length - MAX_NAMED} more` : "";
  const why =
    setting === undefined
      ? `the default removal budget of ${budget} (${DEFAULT_MIN_REMOVALS} people or ${DEFAULT_REMOVAL_SHARE * 100}% of its ${liveOperators} live operators, whichever is larger)`
      : `its removal budget, maxRemovals: ${budget}`;
  return (
    `Roster of organization ${organizationId} would take ${peopleCount(removals.length)} out of service in one deployment, ` +
    `more than ${why}: ${named}${more}. Nothing was changed. ` +
    "If the roster is wrong (a truncated file, a wrong column, a changed key), fix it. " +
    `For a deliberate reorganisation, set maxRemovals: ${removals.length} on this roster (or "unlimited" to turn the budget off).`
  );
}

function peopleCount(count: number): string {
  return count === 1 ? "1 person" : `${count} people`;
}

function describeRemoval(removal: Removal): string {
  const who = removal.id === undefined ? "" : ` (operator ${removal.id})`;
  return `${removal.change} ${JSON.stringify(removal.name)}${who}`;
}

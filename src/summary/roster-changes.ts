import { z } from "zod";
import { organizationIdSchema } from "../api";
import { normalizeOperatorName } from "../api/roster-queries";
import { knownPeopleOf, rosterPeople } from "../core/organization-roster/budget";
import { diffOrganizationRoster } from "../core/organization-roster/diff";
import { unmanagedOperatorSchema } from "../core/organization-roster/inputs";
import { UNMANAGED_MODES } from "../core/organization-roster/unmanaged";
import { recordedMemberSchema } from "../core/recorded-state";
import { maxRemovalsSchema, predictRemovals, removalBudget } from "../core/removal-budget";
import { datedReason } from "../roster/active-window";
import { timeZoneIn, windowIn } from "./operator-changes";
import { type BudgetUse, NO_CHANGES, type PersonChange, type ResourceChanges } from "./person-change";
import { resourceNameOf } from "./preview-json";
import type { ResourceSteps } from "./resource-steps";
import { shownName } from "./shown-value";

/**
 * Whom an organization roster's change acts on (ChatHubOrganizationRoster or
 * chathub:index:OrganizationRoster), person by person from the recorded roster and the new one,
 * by the core's own diff and removal budget: never from how the engine draws the list.
 */

/**
 * A person, listed with their key (each record read in the declared form: resource-kinds.ts):
 * the name and status as recorded, the rest as given (the dates are read by windowIn, which
 * leaves out what is not one, as a preview may not know them yet).
 */
const person = z.looseObject({
  ...recordedMemberSchema.pick({ name: true, status: true }).shape,
  key: z.string(),
});
const people = z
  .array(person)
  .transform((list) => Object.fromEntries(list.map(({ key, ...rest }) => [key, rest])));

const recordedSchema = z.object({
  organizationId: organizationIdSchema,
  unmanaged: z.enum(UNMANAGED_MODES).optional(),
  operators: people.default({}),
  operatorIds: z.record(z.string(), z.number()).default({}),
  unmanagedOperators: z.array(unmanagedOperatorSchema).default([]),
});
type Recorded = z.infer<typeof recordedSchema>;

const desiredSchema = z.object({
  organizationId: organizationIdSchema,
  unmanaged: z.enum(UNMANAGED_MODES),
  operators: people,
  maxRemovals: maxRemovalsSchema.optional(),
  timeZone: z.unknown().optional(),
});
type Desired = z.infer<typeof desiredSchema>;

export function rosterChanges(steps: ResourceSteps, moment: Date): ResourceChanges {
  const roster = resourceNameOf(steps.urn);
  const before = steps.oldState ? parsedOrNotShown(recordedSchema, steps.oldState.outputs) : undefined;
  const after = steps.newState ? parsedOrNotShown(desiredSchema, steps.newState.inputs) : undefined;
  const unreadable = [before, after].find((side) => side === NOT_SHOWN);
  if (unreadable !== undefined) return notShown(roster, steps);
  const old = before as Recorded | undefined;
  const desired = after as Desired | undefined;

  if (steps.change === "delete" && old) {
    return steps.oldState?.retainOnDelete ? NO_CHANGES : { ...NO_CHANGES, changes: everyoneDeleted(old) };
  }
  if (desired && (!old || old.organizationId !== desired.organizationId)) {
    const changes = [...(old ? everyoneDeleted(old) : []), ...everyoneAdded(desired, moment)];
    const notes =
      desired.unmanaged === "ignore"
        ? []
        : [
            {
              organizationId: desired.organizationId,
              text:
                `roster ${roster} is new here: people already in ChatHub under these names are taken over rather than added, ` +
                `and whom unmanaged: "${desired.unmanaged}" changes is known from the live list at up (the preview's warning names them)`,
            },
          ];
    return { changes, budgets: [], notes };
  }
  if (!old || !desired) return NO_CHANGES;
  return {
    changes: memberChanges(old, desired, moment),
    budgets: [budgetUse(roster, old, desired, moment)],
    notes: [],
  };
}

const NOT_SHOWN = Symbol("not shown");

/** Parsed, or NOT_SHOWN when a value is secret, not known yet, or of another shape. */
function parsedOrNotShown<T>(schema: z.ZodType<T>, raw: unknown): T | typeof NOT_SHOWN {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return NOT_SHOWN;
  const names = [
    ...Object.values((parsed.data as Recorded).operators ?? {}).map((person) => person.name),
    ...((parsed.data as Partial<Recorded>).unmanagedOperators ?? []).map((person) => person.name),
  ];
  return names.every((name) => shownName(name) === name.trim()) ? parsed.data : NOT_SHOWN;
}

function notShown(roster: string, steps: ResourceSteps): ResourceChanges {
  const organizationId = [
    steps.newState?.inputs?.organizationId,
    steps.oldState?.outputs?.organizationId,
  ].find((id): id is number => typeof id === "number");
  return {
    ...NO_CHANGES,
    notes: [
      {
        organizationId,
        text: `roster ${roster} changes, but its people are secret or not known until up: see the full preview`,
      },
    ],
  };
}

function everyoneDeleted(old: Recorded): PersonChange[] {
  return Object.entries(old.operators).map(([key, person]) => ({
    organizationId: old.organizationId,
    kind: "deleted",
    name: person.name,
    ...(old.operatorIds[key] === undefined ? {} : { operatorId: old.operatorIds[key] }),
  }));
}

function everyoneAdded(desired: Desired, moment: Date): PersonChange[] {
  return Object.values(desired.operators).map((person) => {
    const dated = datedCause(desired, person, moment, undefined);
    return {
      organizationId: desired.organizationId,
      kind: "added",
      name: person.name,
      ...(person.status === "inactive" ? { inactive: true } : {}),
      ...(dated === undefined ? {} : { dated }),
    };
  });
}

/** Why a date sets this person's status (`before`: as last recorded, undefined when new), if one does. */
function datedCause(
  desired: Desired,
  person: Desired["operators"][string],
  moment: Date,
  before: "active" | "inactive" | undefined,
): string | undefined {
  const timeZone = timeZoneIn({ timeZone: desired.timeZone });
  return datedReason({
    window: windowIn(person),
    timeZone,
    now: moment,
    before,
    after: person.status ?? "active",
  });
}

/**
 * The core's diff, key by key, read as people: a key that moved to a new key under the same name
 * is the same person (the roster claims them by name), and a new key naming an unmanaged person
 * takes them over.
 */
function memberChanges(old: Recorded, desired: Desired, moment: Date): PersonChange[] {
  const organizationId = desired.organizationId;
  const wanted = withStatuses(desired);
  const diff = diffOrganizationRoster(
    { ...old, operators: old.operators, unmanaged: old.unmanaged ?? "ignore" },
    wanted,
  );
  const removedByName = new Map(
    diff.members
      .filter((member) => member.change === "remove")
      .map(({ key }) => [normalizeOperatorName(old.operators[key]?.name ?? ""), key]),
  );
  const unmanagedByName = new Map(
    old.unmanagedOperators.map((person) => [normalizeOperatorName(person.name), person]),
  );
  const moved = new Set<string>();
  const changes: PersonChange[] = [];
  const statusChange = (key: string, wasActive: boolean, active: boolean, operatorId?: number) => {
    const person = desired.operators[key];
    if (wasActive === active || !person) return;
    const dated = datedCause(desired, person, moment, wasActive ? "active" : "inactive");
    changes.push({
      organizationId,
      kind: active ? "reactivated" : "deactivated",
      name: person.name,
      ...(operatorId === undefined ? {} : { operatorId }),
      ...(dated === undefined ? {} : { dated }),
    });
  };
  for (const { key, change } of diff.members) {
    const person = wanted.operators[key];
    const recorded = old.operators[key];
    const active = person?.status === "active";
    if (change === "add" && person) {
      const movedFrom = removedByName.get(normalizeOperatorName(person.name));
      const unmanaged = unmanagedByName.get(normalizeOperatorName(person.name));
      if (movedFrom !== undefined) {
        moved.add(movedFrom);
        statusChange(
          key,
          old.operators[movedFrom]?.status !== "inactive",
          active,
          old.operatorIds[movedFrom],
        );
      } else if (unmanaged) {
        changes.push({ organizationId, kind: "adopted", name: person.name, operatorId: unmanaged.id });
        statusChange(key, unmanaged.status === "active", active, unmanaged.id);
      } else {
        const dated = datedCause(desired, person, moment, undefined);
        changes.push({
          organizationId,
          kind: "added",
          name: person.name,
          ...(active ? {} : { inactive: true }),
          ...(dated === undefined ? {} : { dated }),
        });
      }
    } else if (change === "remove" && recorded && !moved.has(key)) {
      const operatorId = old.operatorIds[key];
      changes.push({
        organizationId,
        kind: "deleted",
        name: recorded.name,
        ...(operatorId ? { operatorId } : {}),
      });
    } else if (change === "rename" && person && recorded) {
      changes.push({ organizationId, kind: "renamed", name: person.name, from: recorded.name });
      statusChange(key, recorded.status !== "inactive", active);
    } else if (change === "status" && person) {
      statusChange(key, recorded?.status !== "inactive", active, old.operatorIds[key]);
    }
  }
  for (const { operator, change } of diff.unmanaged) {
    const kind = change === "delete" ? "unmanaged-deleted" : "unmanaged-deactivated";
    changes.push({ organizationId, kind, name: operator.name, operatorId: operator.id });
  }
  return changes;
}

function withStatuses(desired: Desired) {
  const operators = Object.fromEntries(
    Object.entries(desired.operators).map(([key, person]) => [
      key,
      { name: person.name, status: person.status ?? ("active" as const) },
    ]),
  );
  const { timeZone: _dates, ...roster } = desired; // the diff compares statuses, already dated
  return { ...roster, operators };
}

/** The removal budget as the core applies it at preview: the people the state last saw, the roster as it will be. */
function budgetUse(roster: string, old: Recorded, desired: Desired, moment: Date): BudgetUse {
  const known = knownPeopleOf(Object.values(old.operators), old.unmanagedOperators);
  const timeZone = timeZoneIn({ timeZone: desired.timeZone });
  const people = rosterPeople(
    {
      timeZone,
      operators: Object.fromEntries(
        Object.entries(withStatuses(desired).operators).map(([key, person]) => [
          key,
          { ...person, ...windowIn(desired.operators[key] ?? {}) },
        ]),
      ),
    },
    moment,
  );
  const removals = predictRemovals(known, people, desired.unmanaged);
  const datedRemovals =
    predictRemovals(
      known,
      people.map(({ dated, ...person }) => person),
      desired.unmanaged,
    ).length - removals.length;
  return {
    organizationId: desired.organizationId,
    roster,
    removals,
    datedRemovals,
    budget: removalBudget(desired.maxRemovals, known.length),
    setting: desired.maxRemovals,
    liveOperators: known.length,
  };
}

import { z } from "zod";
import { datedChangesAhead } from "../roster/active-window";
import { timeZoneIn, viewOf, windowIn } from "./operator-changes";
import type { DatedChangeDue } from "./person-change";
import type { PreviewStep } from "./preview-json";
import { resourceKindOf } from "./resource-kinds";
import { shownId, shownName } from "./shown-value";

/**
 * The status changes that dates will make within the horizon, for every dated person the preview's
 * program declares (resources this deployment leaves alone too): what the scheduled `up` of the
 * coming days applies, so that nobody is surprised when a seasonal agent goes inactive.
 */

export const DUE_HORIZON_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

// A roster's people, listed (each record in the declared form: resource-kinds.ts); read loosely, each field checked where used.
const rosterPeople = z.array(z.record(z.string(), z.unknown()));

export function datedChangesDue(steps: readonly PreviewStep[], moment: Date): DatedChangeDue[] {
  const horizon = DUE_HORIZON_DAYS * DAY_MS;
  const declared = new Map<string, PreviewStep>();
  for (const step of steps) {
    if (step.newState) declared.set(step.urn, step);
    else declared.delete(step.urn); // deleted: nobody of it is due anything
  }
  return [...declared.values()].flatMap(({ newState }) => {
    const inputs = newState?.inputs;
    const kind = newState ? resourceKindOf(newState.type) : undefined;
    if (!inputs || kind === undefined) return [];
    if (kind === "operator") {
      const view = viewOf(newState, "inputs");
      if (!view || view.name === undefined) return [];
      const name = view.name;
      return datedChangesAhead(view.window, view.timeZone, moment, horizon).map((change) => ({
        organizationId: view.organizationId,
        name,
        ...change,
      }));
    }
    const organizationId = shownId(inputs.organizationId);
    const people = rosterPeople.safeParse(inputs.operators);
    if (organizationId === undefined || !people.success) return [];
    const timeZone = timeZoneIn(inputs);
    return people.data.flatMap((person) => {
      const name = shownName(person.name);
      if (name === undefined) return [];
      return datedChangesAhead(windowIn(person), timeZone, moment, horizon).map((change) => ({
        organizationId,
        name,
        ...change,
      }));
    });
  });
}

import { type ActiveWindow, activeDateSchema, datedReason, timeZoneSchema } from "../roster/active-window";
import { NO_CHANGES, type PersonChange, type ResourceChanges } from "./person-change";
import type { ResourceState } from "./preview-json";
import type { ResourceSteps } from "./resource-steps";
import { shownId, shownName } from "./shown-value";

/** A ChatHubOperator (or chathub:index:Operator, or a ChatHubOperatorRoster's child) as its state shows it. */
export interface OperatorView {
  organizationId: number;
  name: string | undefined;
  active: boolean;
  operatorId: number | undefined;
  window: ActiveWindow;
  timeZone: string | undefined;
}

/**
 * Whom one operator resource's change adds, deletes, renames, deactivates or reactivates. ChatHub
 * has no rename: a new name replaces the operator, which a support lead reads as a rename; a new
 * organization is a deletion in one and an addition in the other.
 */
export function operatorChanges(steps: ResourceSteps, moment: Date): ResourceChanges {
  const before = viewOf(steps.oldState, "outputs");
  const after = viewOf(steps.newState, "inputs");
  const change = (view: OperatorView, kind: PersonChange["kind"]): PersonChange => {
    const dated =
      view === after && kind !== "deleted"
        ? datedReason({
            window: view.window,
            timeZone: view.timeZone,
            now: moment,
            before: statusOf(before),
            after: view.active ? "active" : "inactive",
          })
        : undefined;
    return {
      organizationId: view.organizationId,
      kind,
      name: view.name,
      ...(view.operatorId === undefined ? {} : { operatorId: view.operatorId }),
      ...(kind === "added" && !view.active ? { inactive: true } : {}),
      ...(dated === undefined ? {} : { dated }),
    };
  };
  const changes: PersonChange[] = [];
  if (steps.change === "create" && after) changes.push(change(after, "added"));
  // retainOnDelete: Pulumi lets go of the person, who stays in ChatHub as they are.
  if (steps.change === "delete" && before && !steps.oldState?.retainOnDelete)
    changes.push(change(before, "deleted"));
  if (steps.change === "update" && before && after && before.active !== after.active)
    changes.push(change(after, after.active ? "reactivated" : "deactivated"));
  if (steps.change === "replace" && before && after) {
    if (before.organizationId !== after.organizationId) {
      changes.push(change(before, "deleted"), change(after, "added"));
    } else if (before.name !== after.name) {
      changes.push({ ...change(after, "renamed"), from: before.name });
      if (before.active !== after.active)
        changes.push(change(after, after.active ? "reactivated" : "deactivated"));
    } else if (before.active !== after.active) {
      changes.push(change(after, after.active ? "reactivated" : "deactivated"));
    }
  }
  return changes.length === 0 ? NO_CHANGES : { ...NO_CHANGES, changes };
}

function statusOf(view: OperatorView | undefined): "active" | "inactive" | undefined {
  return view === undefined ? undefined : view.active ? "active" : "inactive";
}

/** The old state's outputs (what ChatHub had at the last refresh), or the new state's inputs (what the program asks). */
export function viewOf(
  state: ResourceState | undefined,
  side: "inputs" | "outputs",
): OperatorView | undefined {
  const properties = state?.[side] ?? state?.inputs;
  const organizationId = shownId(properties?.organizationId);
  if (!properties || organizationId === undefined) return undefined;
  return {
    organizationId,
    name: shownName(properties.name),
    active: properties.status !== "inactive", // "active" when not given, as the resources default it
    operatorId: shownId(properties.operatorId),
    window: windowIn(properties),
    timeZone: timeZoneIn(properties),
  };
}

/**
 * The dates a person's properties carry, as the provider's check accepted them; one that is not a
 * date (a secret, a value not known yet, a JSON not from a preview) is left out.
 */
export function windowIn(properties: Record<string, unknown>): ActiveWindow {
  const window: ActiveWindow = {};
  const from = activeDateSchema.safeParse(properties.activeFrom);
  const until = activeDateSchema.safeParse(properties.activeUntil);
  if (from.success) window.activeFrom = from.data;
  if (until.success) window.activeUntil = until.data;
  return window;
}

/** A roster's or an operator's time zone, where it is one; undefined reads as UTC. */
export function timeZoneIn(properties: Record<string, unknown>): string | undefined {
  const timeZone = timeZoneSchema.safeParse(properties.timeZone);
  return timeZone.success ? timeZone.data : undefined;
}

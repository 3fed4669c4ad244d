import { now } from "../core/clock";
import { datedChangesDue } from "./dated-changes-due";
import { operatorChanges } from "./operator-changes";
import { organizationNames } from "./organization-names";
import type { BudgetUse, ChangeKind, DatedChangeDue, PersonChange, ResourceChanges } from "./person-change";
import type { PreviewJson } from "./preview-json";
import { inDeclaredFormStep, resourceKindOf } from "./resource-kinds";
import { resourceSteps } from "./resource-steps";
import { rosterChanges } from "./roster-changes";

/** One organization's part of the summary. */
export interface OrganizationSummary {
  id: number;
  name: string | undefined;
  changes: PersonChange[];
  budgets: BudgetUse[];
  notes: string[];
  /** Dated status changes a scheduled `up` of the coming days applies (dated-changes-due.ts). */
  due: DatedChangeDue[];
}

/** What a preview does to people, per organization, ready to be rendered. */
export interface RosterSummary {
  organizations: OrganizationSummary[];
  /** Notes no organization could be given (a roster whose organization is not known yet). */
  notes: string[];
  totals: Record<ChangeKind, number>;
  /** Errors the preview reported: counted, never quoted. */
  errors: number;
}

/** The order in which kinds are listed, and totalled. */
export const CHANGE_KINDS: readonly ChangeKind[] = [
  "added",
  "adopted",
  "reactivated",
  "deactivated",
  "deleted",
  "renamed",
  "unmanaged-deactivated",
  "unmanaged-deleted",
];

/**
 * `moment` judges the dates of dated entries: now (CHATHUB_NOW, src/core/clock.ts), which should be
 * the moment the preview was run with.
 */
export function summarizePreview(preview: PreviewJson, moment: Date = now()): RosterSummary {
  const names = organizationNames(preview.steps);
  const declared = preview.steps.map(inDeclaredFormStep);
  const all: ResourceChanges[] = resourceSteps(declared).map((steps) => {
    const kind = resourceKindOf(steps.type);
    if (kind === "operator") return operatorChanges(steps, moment);
    if (kind === "organization-roster") return rosterChanges(steps, moment);
    return { changes: [], budgets: [], notes: [] };
  });
  const organizations = new Map<number, OrganizationSummary>();
  const organization = (id: number) => {
    let found = organizations.get(id);
    if (!found) {
      found = { id, name: names.get(id), changes: [], budgets: [], notes: [], due: [] };
      organizations.set(id, found);
    }
    return found;
  };
  const unplaced: string[] = [];
  for (const change of datedChangesDue(declared, moment))
    organization(change.organizationId).due.push(change);
  for (const { changes, budgets, notes } of all) {
    for (const change of changes) organization(change.organizationId).changes.push(change);
    for (const budget of budgets) organization(budget.organizationId).budgets.push(budget);
    for (const note of notes) {
      if (note.organizationId === undefined) unplaced.push(note.text);
      else organization(note.organizationId).notes.push(note.text);
    }
  }
  const totals = Object.fromEntries(CHANGE_KINDS.map((kind) => [kind, 0])) as Record<ChangeKind, number>;
  for (const { changes } of all) for (const change of changes) totals[change.kind] += 1;
  return {
    // A roster that changes nobody (say, only its maxRemovals) is no news for its organization.
    organizations: [...organizations.values()]
      .filter((found) => found.changes.length > 0 || found.notes.length > 0 || found.due.length > 0)
      .sort((a, b) => a.id - b.id),
    notes: unplaced,
    totals,
    errors: preview.diagnostics.filter((diagnostic) => diagnostic.severity === "error").length,
  };
}

/** Whether the summary has nothing to say: no person changed, no note, no error. */
export function isEmpty(summary: RosterSummary): boolean {
  return summary.errors === 0 && summary.notes.length === 0 && summary.organizations.length === 0;
}

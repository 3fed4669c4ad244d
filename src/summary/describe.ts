import { DEFAULT_MIN_REMOVALS, DEFAULT_REMOVAL_SHARE } from "../core/removal-budget";
import { DUE_HORIZON_DAYS } from "./dated-changes-due";
import type { BudgetUse, ChangeKind, PersonChange } from "./person-change";
import { CHANGE_KINDS, type OrganizationSummary, type RosterSummary } from "./roster-summary";

/**
 * The summary's sentences, shared by the Markdown and the plain-text rendering. Names come in
 * already escaped for the format (`literal`), everything else is this file's own words.
 */

export const TITLE = "ChatHub roster changes";
export const NO_CHANGES = "No roster changes.";

const LABELS: Record<ChangeKind, string> = {
  added: "Added",
  adopted: "Taken over (already in ChatHub, now in the roster)",
  reactivated: "Reactivated",
  deactivated: "Deactivated",
  deleted: "Deleted",
  renamed: "Renamed",
  "unmanaged-deactivated": "Deactivated by `unmanaged` (not in the roster)",
  "unmanaged-deleted": "Deleted by `unmanaged` (not in the roster)",
};

const TOTAL_WORDS: Record<ChangeKind, string> = {
  added: "added",
  adopted: "taken over",
  reactivated: "reactivated",
  deactivated: "deactivated",
  deleted: "deleted",
  renamed: "renamed",
  "unmanaged-deactivated": "deactivated by unmanaged",
  "unmanaged-deleted": "deleted by unmanaged",
};

const UNSHOWN_NAME = "a person whose name is not shown (secret, or not known until up)";

export function organizationHeading(
  organization: OrganizationSummary,
  literal: (text: string) => string,
): string {
  return organization.name === undefined
    ? `Organization ${organization.id}`
    : `${literal(organization.name)} (organization ${organization.id})`;
}

/** Each kind of change in the organization, with its people: [label, people]. */
export function changeLines(
  organization: OrganizationSummary,
  literal: (text: string) => string,
): { label: string; people: string }[] {
  return CHANGE_KINDS.flatMap((kind) => {
    // By name: the engine reports steps in the order they finish, which varies from run to run.
    const people = organization.changes.filter((change) => change.kind === kind).sort(byName);
    if (people.length === 0) return [];
    return [
      {
        label: `${LABELS[kind]} (${people.length})`,
        people: people.map((p) => person(p, literal)).join(", "),
      },
    ];
  });
}

function byName(a: PersonChange, b: PersonChange): number {
  if (a.name === undefined || b.name === undefined)
    return a.name === b.name ? 0 : a.name === undefined ? 1 : -1;
  return a.name.localeCompare(b.name);
}

function person(change: PersonChange, literal: (text: string) => string): string {
  const name = (value: string | undefined) => (value === undefined ? UNSHOWN_NAME : literal(value));
  const shown = change.kind === "renamed" ? `${name(change.from)} → ${name(change.name)}` : name(change.name);
  const details = [
    ...(change.inactive ? ["inactive"] : []),
    ...(change.kind.startsWith("unmanaged") && change.operatorId !== undefined
      ? [`operator ${change.operatorId}`]
      : []),
    ...(change.dated === undefined ? [] : [`dated: ${change.dated}`]),
  ];
  return details.length === 0 ? shown : `${shown} (${details.join(", ")})`;
}

/**
 * The dated changes of the coming days, soonest first: [label, people], or undefined when none,
 * e.g. "Dated changes due in the next 7 days (1)", "Ana Silva (inactive from 2026-12-31: activeUntil 2026-12-30)".
 */
export function dueLine(
  organization: OrganizationSummary,
  literal: (text: string) => string,
): { label: string; people: string } | undefined {
  if (organization.due.length === 0) return undefined;
  const due = [...organization.due].sort((a, b) => a.at - b.at || a.name.localeCompare(b.name));
  return {
    label: `Dated changes due in the next ${DUE_HORIZON_DAYS} days (${due.length})`,
    people: due.map((change) => `${literal(change.name)} (${change.reason})`).join(", "),
  };
}

/** How much of its removal budget a roster uses, as src/core/removal-budget.ts counts it. */
export function budgetLine(budget: BudgetUse, roster: string): string {
  const used = budget.removals.length;
  const people = `${used} ${used === 1 ? "person" : "people"}`;
  if (budget.budget === Number.POSITIVE_INFINITY)
    return `Removal budget of roster ${roster}: ${people} out of service; maxRemovals: "unlimited" (no budget)${datedNote(budget)}`;
  const why =
    budget.setting === undefined
      ? `the default: ${DEFAULT_MIN_REMOVALS} people or ${DEFAULT_REMOVAL_SHARE * 100}% of its ${budget.liveOperators} live operators, whichever is larger`
      : `maxRemovals: ${budget.budget}`;
  const over = used > budget.budget ? "; over budget: the preview fails and nothing is changed" : "";
  return `Removal budget of roster ${roster}: ${used} of ${budget.budget} used (${why})${over}${datedNote(budget)}`;
}

/** The dated deactivations the budget leaves out (src/core/removal-budget.ts), when there are any. */
function datedNote(budget: BudgetUse): string {
  if (budget.datedRemovals === 0) return "";
  const people = budget.datedRemovals === 1 ? "1 person" : `${budget.datedRemovals} people`;
  return `; not counted: ${people} whose dates take them out of service`;
}

export function totalsLine(summary: RosterSummary): string {
  const parts = CHANGE_KINDS.filter((kind) => summary.totals[kind] > 0).map(
    (kind) => `${summary.totals[kind]} ${TOTAL_WORDS[kind]}`,
  );
  const count = summary.organizations.length;
  const where = `in ${count} ${count === 1 ? "organization" : "organizations"}`;
  return parts.length === 0 ? `No person changes ${where}.` : `${parts.join(", ")}, ${where}.`;
}

export function errorsLine(summary: RosterSummary): string | undefined {
  if (summary.errors === 0) return undefined;
  const errors = summary.errors === 1 ? "1 error" : `${summary.errors} errors`;
  return `The preview reported ${errors}: see the full preview.`;
}

import {
  budgetLine,
  changeLines,
  dueLine,
  errorsLine,
  NO_CHANGES,
  organizationHeading,
  TITLE,
  totalsLine,
} from "./describe";
import { isEmpty, type RosterSummary } from "./roster-summary";

/** The summary as plain text, for a terminal or a job's log. */
export function renderText(summary: RosterSummary): string {
  const errors = errorsLine(summary);
  if (isEmpty(summary)) return `${NO_CHANGES}\n`;
  const same = (text: string) => text;
  const lines = [TITLE, ""];
  if (errors) lines.push(errors, "");
  for (const organization of summary.organizations) {
    lines.push(organizationHeading(organization, same));
    for (const { label, people } of changeLines(organization, same)) lines.push(`  ${label}: ${people}`);
    const due = dueLine(organization, same);
    if (due) lines.push(`  ${due.label}: ${due.people}`);
    for (const budget of organization.budgets) lines.push(`  ${budgetLine(budget, budget.roster)}`);
    for (const note of organization.notes) lines.push(`  Note: ${note}`);
    lines.push("");
  }
  for (const note of summary.notes) lines.push(`Note: ${note}`, "");
  lines.push(`Totals: ${totalsLine(summary)}`);
  return `${lines.join("\n")}\n`;
}

import * as describe from "./describe";
import { isEmpty, type RosterSummary } from "./roster-summary";

/** The summary as plain text, for a terminal or a job's log. */
export function renderText(summary: RosterSummary): string {
  const errors = describe.errorsLine(summary);
  if (isEmpty(summary)) return `${describe.NO_CHANGES}\n`;
  const same = (text: string) => text;
  const lines = [describe.TITLE, ""];
  if (errors) lines.push(errors, "");
  for (const organization of summary.organizations) {
    lines.push(describe.organizationHeading(organization, same));
    for (const { label, people } of describe.changeLines(organization, same))
      lines.push(`  ${label}: ${people}`);
    const due = describe.dueLine(organization, same);
    if (due) lines.push(`  ${due.label}: ${due.people}`);
    for (const budget of organization.budgets) lines.push(`  ${describe.budgetLine(budget, budget.roster)}`);
    for (const note of organization.notes) lines.push(`  Note: ${note}`);
    lines.push("");
  }
  for (const note of summary.notes) lines.push(`Note: ${note}`, "");
  lines.push(`Totals: ${describe.totalsLine(summary)}`);
  return `${lines.join("\n")}\n`;
}

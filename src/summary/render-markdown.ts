import * as describe from "./describe";
import { isEmpty, type RosterSummary } from "./roster-summary";

/** The summary as Markdown, for a pull-request comment. */
export function renderMarkdown(summary: RosterSummary): string {
  const errors = describe.errorsLine(summary);
  if (isEmpty(summary)) return `### ${describe.TITLE}\n\n${describe.NO_CHANGES}\n`;
  const lines = [`### ${describe.TITLE}`, ""];
  if (errors) lines.push(`> ${errors}`, "");
  for (const organization of summary.organizations) {
    lines.push(`#### ${describe.organizationHeading(organization, escapeMarkdown)}`, "");
    for (const { label, people } of describe.changeLines(organization, escapeMarkdown))
      lines.push(`- **${label}:** ${people}`);
    const due = describe.dueLine(organization, escapeMarkdown);
    if (due) lines.push(`- **${due.label}:** ${due.people}`);
    for (const budget of organization.budgets)
      lines.push(`- ${describe.budgetLine(budget, `\`${budget.roster}\``)}`);
    for (const note of organization.notes) lines.push(`- _Note: ${note}_`);
    lines.push("");
  }
  for (const note of summary.notes) lines.push(`_Note: ${note}_`, "");
  lines.push(`**Totals:** ${describe.totalsLine(summary)}`);
  return `${lines.join("\n")}\n`;
}

/**
 * A name as literal text: Markdown's punctuation escaped, HTML's too, and an @ kept from
 * mentioning anyone (a zero-width space after it).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+\-.!|~]/g, "\\$&")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/@/g, "@\u200b");
}

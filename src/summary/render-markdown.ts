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

/** The summary as Markdown, for a pull-request comment. */
export function renderMarkdown(summary: RosterSummary): string {
  const errors = errorsLine(summary);
  if (isEmpty(summary)) return `### ${TITLE}\n\n${NO_CHANGES}\n`;
  const lines = [`### ${TITLE}`, ""];
  if (errors) lines.push(`> ${errors}`, "");
  for (const organization of summary.organizations) {
    lines.push(`#### ${organizationHeading(organization, escapeMarkdown)}`, "");
    for (const { label, people } of changeLines(organization, escapeMarkdown))
      lines.push(`- **${label}:** ${people}`);
    const due = dueLine(organization, escapeMarkdown);
    if (due) lines.push(`- **${due.label}:** ${due.people}`);
    for (const budget of organization.budgets) lines.push(`- ${budgetLine(budget, `\`${budget.roster}\``)}`);
    for (const note of organization.notes) lines.push(`- _Note: ${note}_`);
    lines.push("");
  }
  for (const note of summary.notes) lines.push(`_Note: ${note}_`, "");
  lines.push(`**Totals:** ${totalsLine(summary)}`);
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

import { Document } from "yaml";
import type { RosterEntry } from "../roster/roster-entry";
import type { RosterFormat } from "../roster/roster-file";

/** Columns of an exported CSV roster, in order. */
const CSV_COLUMNS = ["name", "status", "key", "import"] as const;

/**
 * A roster file's text, in the format ChatHubOperatorRoster reads (see src/roster/roster-file.ts):
 * YAML as `operators:` holding the list, CSV as a `name,status,key,import` header then one line
 * per operator. `heading` becomes a comment at the top of a YAML file (CSV has no comments).
 */
export function renderRoster(
  entries: readonly RosterEntry[],
  format: RosterFormat,
  heading?: string,
): string {
  return format === "yaml" ? renderYaml(entries, heading) : renderCsv(entries);
}

function renderYaml(entries: readonly RosterEntry[], heading?: string): string {
  const document = new Document({ operators: entries.map(ordered) });
  if (heading !== undefined) document.commentBefore = heading.replace(/^/gm, " ");
  return document.toString({ lineWidth: 0 });
}

function renderCsv(entries: readonly RosterEntry[]): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const entry of entries) {
    const fields = CSV_COLUMNS.map((column) => csvField(ordered(entry)[column] ?? ""));
    // A single empty field would be an empty line, which readers skip.
    lines.push(fields.every((field) => field === "") ? '""' : fields.join(","));
  }
  return `${lines.join("\n")}\n`;
}

/** The fields in the documented order, unset ones left out. */
function ordered(entry: RosterEntry): RosterEntry {
  const result: RosterEntry = { name: entry.name };
  if (entry.status !== undefined) result.status = entry.status;
  if (entry.key !== undefined) result.key = entry.key;
  if (entry.import !== undefined) result.import = entry.import;
  return result;
}

/** Quoted when it holds a delimiter, a quote, a line break or surrounding blanks (which readers trim). */
function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

import type { z } from "zod";
import { windowOrderProblem } from "./active-window";
import { type ParsedRosterEntry, rosterEntrySchema } from "./roster-entry-schema";
import { rosterKeyOf } from "./roster-keys";

export type { ParsedRosterEntry, RosterEntry } from "./roster-entry-schema";

/** The properties an entry has, in the schema's order: for messages, and a roster file's CSV columns. */
export const ROSTER_ENTRY_PROPERTIES = Object.keys(rosterEntrySchema.shape);

/** Where an entry came from, for messages. */
export interface EntrySource {
  value: unknown;
  /** 1-based line in the roster file. */
  line?: number;
}

/** A checked entry, its key resolved. */
export type CheckedRosterEntry = ParsedRosterEntry & {
  key: string;
  /** 1-based position in the roster. */
  entry: number;
  line?: number;
};

/** A checked entry as a record keeps it: its properties and key, not where it stood in the roster. */
export function recordedEntry({ entry: _position, line: _line, ...entry }: CheckedRosterEntry) {
  return entry;
}

export type EntryCheck = { ok: true; entry: CheckedRosterEntry } | { ok: false; problems: string[] };

/**
 * Checks one entry; each problem names the entry (file line, position and name), the property,
 * and the fix. `timeZone` is the roster's, when known: the days of its dates.
 */
export function checkRosterEntry(
  source: EntrySource,
  position: number,
  file?: string,
  timeZone?: string,
): EntryCheck {
  const where = describeEntry(source, position, file);
  const parsed = rosterEntrySchema.safeParse(source.value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${where}: ${describeIssue(issue, source.value)}`);
    return { ok: false, problems };
  }
  const given = givenProperties(parsed.data);
  const order = windowOrderProblem(given, timeZone);
  if (order !== undefined) return { ok: false, problems: [`${where}: ${order}`] };
  const key = given.key ?? rosterKeyOf(given.name);
  if (key.length === 0) {
    return {
      ok: false,
      problems: [
        `${where}: the name has no letter or digit to derive a key from: give the entry a key, e.g. key: "operator-${position}"`,
      ],
    };
  }
  const entry: CheckedRosterEntry = { ...given, key, entry: position };
  if (source.line !== undefined) entry.line = source.line;
  return { ok: true, entry };
}

/** The properties given a value (an `import: undefined` is none): a record keeps only what is given. */
function givenProperties(entry: ParsedRosterEntry): ParsedRosterEntry {
  return Object.fromEntries(
    Object.entries(entry).filter(([, value]) => value !== undefined),
  ) as ParsedRosterEntry;
}

/** `roster.csv line 4, entry 3 ("Alex Brown")`, or `entry 3 ("Alex Brown")` for an inline roster. */
export function describeEntry(source: EntrySource, position: number, file?: string): string {
  const name = (source.value as { name?: unknown } | null | undefined)?.name;
  const shown = typeof name === "string" ? name.trim() : "";
  const named =
    shown === "" ? "" : ` (${JSON.stringify(shown.length > 40 ? `${shown.slice(0, 40)}…` : shown)})`;
  const at = file !== undefined && source.line !== undefined ? `${file} line ${source.line}, ` : "";
  return `${at}entry ${position}${named}`;
}

function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.code === "unrecognized_keys") {
    return issue.keys
      .map(
        (key) =>
          `"${key}" is not a roster entry property; an entry has ${ROSTER_ENTRY_PROPERTIES.join(", ")}: remove it or fix its spelling`,
      )
      .join("; ");
  }
  const property = issue.path[0];
  if (property === undefined) return `${issue.message}, got ${describeValue(value)}`;
  const given = (value as Record<string, unknown>)[String(property)];
  if (property === "name" && given === undefined) return "name is required: give the operator's display name";
  return `${String(property)} ${issue.message}`;
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return `the text ${JSON.stringify(value)}`;
  return typeof value === "object" ? "an object" : `${typeof value} ${String(value)}`;
}

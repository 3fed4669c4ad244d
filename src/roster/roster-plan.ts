import { importOrganizationProblem, organizationIdSchema } from "../api";
import {
  type CheckedRosterEntry,
  checkRosterEntry,
  type EntrySource,
  type RosterEntry,
} from "./roster-entry";
import { RosterError } from "./roster-error";
import { readRosterFile } from "./roster-file";
import { describeDuplicates, findDuplicates } from "./roster-keys";

/** What a roster is made from: exactly one of `operators` and `file`. */
export interface RosterDefinition {
  /** The organization, when known in the program (not an Output): import ids are checked against it. */
  organizationId?: unknown;
  /** Checked here, whatever was given: a list of entries (RosterEntry), or a file's path. */
  operators?: readonly RosterEntry[] | unknown;
  file?: unknown;
  /** The roster's time zone, when known in the program: a window's order is checked in it. */
  timeZone?: string;
}

/**
 * The definition a resource's arguments give, built here once for every roster resource: what a
 * program does not know yet (an Output or a Promise organization, a time zone not a string) is
 * left out, for the provider to check once known.
 */
export function rosterDefinition(args: {
  organizationId?: unknown;
  operators?: unknown;
  file?: unknown;
  timeZone?: unknown;
}): RosterDefinition {
  const { organizationId, operators, file, timeZone } = args;
  const known = typeof organizationId !== "object" || organizationId === null;
  return {
    ...(organizationId === undefined || !known ? {} : { organizationId }),
    ...(operators === undefined ? {} : { operators }),
    ...(file === undefined ? {} : { file }),
    ...(typeof timeZone === "string" ? { timeZone } : {}),
  };
}

export interface RosterPlan {
  entries: CheckedRosterEntry[];
  /** The roster file, when the entries came from one. */
  file?: string;
}

/**
 * Reads and checks a whole roster before anything is declared: every bad entry and every
 * duplicate name or key is reported at once, in one RosterError.
 */
export function planRoster(definition: RosterDefinition, cwd: string = process.cwd()): RosterPlan {
  const { operators, file } = definition;
  if ((operators === undefined) === (file === undefined)) {
    throw new RosterError([
      operators === undefined
        ? 'give the operators, either inline (operators: [{ name: "Alex Brown" }]) or as a file (file: "roster.yaml" or "roster.csv")'
        : "give either operators or file, not both",
    ]);
  }
  const problems: string[] = [];
  if (definition.organizationId !== undefined) {
    const organization = organizationIdSchema.safeParse(definition.organizationId);
    if (!organization.success) problems.push(`organizationId ${organization.error.issues[0]?.message}`);
  }
  let sources: EntrySource[];
  if (file !== undefined) {
    if (typeof file !== "string" || file.trim() === "") {
      throw new RosterError(['file must be the path of a roster file, e.g. "roster.yaml" or "roster.csv"']);
    }
    sources = readRosterFile(file, cwd).entries;
  } else if (!Array.isArray(operators)) {
    throw new RosterError(['operators must be a list of entries, e.g. [{ name: "Alex Brown" }]']);
  } else {
    sources = operators.map((value) => ({ value }));
  }

  const entries: CheckedRosterEntry[] = [];
  sources.forEach((source, index) => {
    const checked = checkRosterEntry(source, index + 1, file, definition.timeZone);
    if (checked.ok) entries.push(checked.entry);
    else problems.push(...checked.problems);
  });
  const duplicates = findDuplicates(entries);
  if (duplicates.length > 0) {
    problems.push(
      `duplicate operators: ${describeDuplicates(duplicates, file)}. Each person may appear once (names are compared case-insensitively) ` +
        "and each key once: remove the repeated entries, or give one of two different people another key",
    );
  }
  const organizationId = definition.organizationId;
  if (typeof organizationId === "number") {
    for (const entry of entries) {
      const problem = entry.import && importOrganizationProblem(entry.import, organizationId);
      if (problem) {
        const at = file !== undefined && entry.line !== undefined ? `${file} line ${entry.line}, ` : "";
        problems.push(`${at}entry ${entry.entry} (${JSON.stringify(entry.name)}): ${problem}`);
      }
    }
  }
  if (problems.length > 0) throw new RosterError(problems);
  return typeof file === "string" ? { entries, file } : { entries };
}

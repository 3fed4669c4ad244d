import { readFileSync } from "node:fs";
import path from "node:path";
import { CsvError, parse as parseCsv } from "csv-parse/sync";
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import { z } from "zod";
import { type EntrySource, ROSTER_ENTRY_PROPERTIES } from "./roster-entry";
import { RosterError } from "./roster-error";

/**
 * Roster files. The format follows the extension:
 *
 * YAML (.yaml, .yml): a mapping whose `operators` holds the list of entries (what `export`
 * writes), or just the list. Each entry is a mapping with `name` and optionally `status`,
 * `key` and `import`:
 *
 *     operators:
 *       - name: Alex Brown
 *       - name: Emma Davis
 *         status: inactive
 *         key: emma
 *         import: "24/105"
 *
 * CSV (.csv): a header line naming the columns, then one operator per line. `name` is required;
 * `status`, `key`, `import`, `activeFrom` and `activeUntil` are optional, in any order, and an empty cell means "not given".
 * The vendor's bulk-import file (a `name` header, then one name per line) is a roster file as it
 * is. A name containing a comma must be quoted ("Smith, John"), as usual in CSV.
 */
export type RosterFormat = "yaml" | "csv";

export interface RosterSource {
  /** The file as the user named it, for messages. */
  file: string;
  entries: EntrySource[];
}

/** The format a roster file's name implies. */
export function rosterFormatOf(file: string): RosterFormat | undefined {
  const extension = path.extname(file).toLowerCase();
  if (extension === ".yaml" || extension === ".yml") return "yaml";
  if (extension === ".csv") return "csv";
  return undefined;
}

/** Reads a roster file (relative paths are relative to `cwd`, the folder Pulumi runs the program in). */
export function readRosterFile(file: string, cwd: string = process.cwd()): RosterSource {
  const format = rosterFormatOf(file);
  if (format === undefined) {
    throw new RosterError([
      `roster file ${file}: unknown format "${path.extname(file) || "(no extension)"}": name it .yaml, .yml or .csv`,
    ]);
  }
  let text: string;
  try {
    text = readFileSync(path.resolve(cwd, file), "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "does not exist" : `cannot be read (${code ?? (error as Error).message})`;
    throw new RosterError([
      `roster file ${file} ${why} (looked in ${path.resolve(cwd, file)}; relative paths start at the program's folder)`,
    ]);
  }
  return parseRosterText(text, format, file);
}

export function parseRosterText(text: string, format: RosterFormat, file: string): RosterSource {
  return format === "yaml" ? parseRosterYaml(text, file) : parseRosterCsv(text, file);
}

export function parseRosterYaml(text: string, file: string): RosterSource {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const lineOf = (node: Node | null | undefined) =>
    node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
  if (document.errors.length > 0) {
    throw new RosterError(
      document.errors.map((error) => {
        const line = error.linePos?.[0]?.line;
        const message = firstLine(error.message).replace(/ at line \d+, column \d+:?$/, "");
        return `roster file ${file}${line === undefined ? "" : ` line ${line}`}: not valid YAML: ${message}`;
      }),
    );
  }
  const expected = `expected a list of operators, or "operators:" holding that list, e.g.\n    operators:\n      - name: Alex Brown`;
  let list: unknown = document.contents;
  let values: unknown;
  try {
    values = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new RosterError([`roster file ${file}: not valid YAML: ${(error as Error).message}`]);
  }
  if (list === null || (isScalar(list) && list.value === null)) {
    throw new RosterError([`roster file ${file} is empty: ${expected}`]);
  }
  if (isMap(list)) {
    const others = list.items.filter((pair) => !(isScalar(pair.key) && pair.key.value === "operators"));
    if (others.length > 0) {
      throw new RosterError(
        others.map((pair) => {
          const key = isScalar(pair.key) ? String(pair.key.value) : "?";
          return `roster file ${file} line ${lineOf(pair.key as Node) ?? "?"}: unknown key "${key}": only "operators" is allowed at the top (the organization is the roster's organizationId)`;
        }),
      );
    }
    const operators = list.get("operators", true) as Node | undefined;
    if (operators === undefined || (isScalar(operators) && operators.value === null)) {
      throw new RosterError([
        `roster file ${file}: "operators" is empty: list the operators, or write "operators: []" for a roster without any`,
      ]);
    }
    list = operators;
    values = (values as { operators: unknown }).operators;
  }
  if (!isSeq(list)) {
    throw new RosterError([`roster file ${file} line ${lineOf(list as Node) ?? 1}: ${expected}`]);
  }
  const items = values as unknown[];
  return {
    file,
    entries: list.items.map((item, index) => {
      const source: EntrySource = { value: items[index] };
      const line = lineOf(item as Node);
      if (line !== undefined) source.line = line;
      return source;
    }),
  };
}

/** What csv-parse returns per record with `info` (its types do not say, so it is parsed). */
const csvRecordsSchema = z.array(
  z.object({ record: z.array(z.string()), info: z.object({ lines: z.number() }) }),
);
type CsvRecord = z.infer<typeof csvRecordsSchema>[number];

const CSV_COLUMNS: readonly string[] = ROSTER_ENTRY_PROPERTIES;
/** Headers are read case-insensitively: "activeuntil" is activeUntil. */
const COLUMN_BY_LOWER_CASE = new Map(CSV_COLUMNS.map((column) => [column.toLowerCase(), column]));

export function parseRosterCsv(text: string, file: string): RosterSource {
  let records: CsvRecord[];
  try {
    // One line ending, so line numbers count the same way whatever wrote the file.
    const parsed = parseCsv(text.replace(/\r\n?/g, "\n"), {
      bom: true,
      info: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      // Alex "Al" Brown on a line of its own is a name, as the vendor's one-name-per-line files write it.
      relax_quotes: true,
    });
    records = csvRecordsSchema.parse(parsed);
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw new RosterError([
        `roster file ${file}${line ? ` line ${line}` : ""}: not valid CSV: ${error.message.replace(/^[^:]*: /, "")}`,
      ]);
    }
    throw error;
  }
  const [header, ...rows] = records;
  if (header === undefined) {
    throw new RosterError([
      `roster file ${file} is empty: expected a header line naming the columns (${CSV_COLUMNS.join(",")}; only name is required), then one operator per line`,
    ]);
  }
  const headerLine = startLine(header);
  const columns = header.record.map(
    (cell) => COLUMN_BY_LOWER_CASE.get(cell.toLowerCase()) ?? cell.toLowerCase(),
  );
  const problems: string[] = [];
  columns.forEach((column, index) => {
    if (!CSV_COLUMNS.includes(column)) {
      problems.push(
        `roster file ${file} line ${headerLine}: unknown column "${header.record[index]}": the columns are ${CSV_COLUMNS.join(", ")} (only name is required)`,
      );
    } else if (columns.indexOf(column) !== index) {
      problems.push(`roster file ${file} line ${headerLine}: column "${column}" appears twice`);
    }
  });
  if (!columns.includes("name")) {
    problems.push(
      `roster file ${file} line ${headerLine}: the header has no "name" column: the first line must name the columns, e.g. "name" or "name,status"`,
    );
  }
  if (problems.length > 0) throw new RosterError(problems);

  const entries: EntrySource[] = [];
  for (const row of rows) {
    const line = startLine(row);
    if (row.record.length > columns.length) {
      problems.push(
        `roster file ${file} line ${line}: ${row.record.length} values but the header names ${columns.length} column(s) (${columns.join(",")}): quote a value that contains a comma, e.g. "Smith, John"`,
      );
      continue;
    }
    const value: Record<string, string> = {};
    columns.forEach((column, index) => {
      const cell = row.record[index] ?? "";
      // An empty optional cell means "not given"; an empty name is reported as blank.
      if (cell !== "" || column === "name") value[column] = cell;
    });
    entries.push({ value, line });
  }
  if (problems.length > 0) throw new RosterError(problems);
  return { file, entries };
}

/** The line a record starts on: csv-parse reports the line it ends on (quoted values may span lines). */
function startLine(record: CsvRecord): number {
  const newlines = record.record.reduce((count, cell) => count + cell.split("\n").length - 1, 0);
  return record.info.lines - newlines;
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}

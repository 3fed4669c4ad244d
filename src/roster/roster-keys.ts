import { normalizeOperatorName } from "../api";

/** Longest roster key accepted: the logical name `${rosterName}-${key}` should stay readable. */
export const MAX_ROSTER_KEY_LENGTH = 100;

/** Letters (any script), combining marks and digits: what a key is made of, with "-", "_" and "." between. */
const KEY_PATTERN = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}._-]*[\p{L}\p{M}\p{N}])?$/u;
const NOT_KEY_CHARACTERS = /[^\p{L}\p{M}\p{N}]+/gu;

/**
 * The key a roster derives from an operator's name, which becomes the operator's logical name
 * (`${rosterName}-${key}`): lowercase, trimmed, every run of other characters than letters and
 * digits turned into one "-", Unicode letters kept. "Nguyễn Văn An" → "nguyễn-văn-an",
 * "O'Brien, Pat" → "o-brien-pat". Empty when the name has no letter or digit at all.
 */
export function rosterKeyOf(name: string): string {
  return name
    .normalize("NFC")
    .toLowerCase()
    .replace(NOT_KEY_CHARACTERS, "-")
    .replace(/^-+|-+$/g, "");
}

/** Why an explicit key cannot be used, or undefined when it can. */
export function describeKeyProblem(key: string): string | undefined {
  if (key.length === 0) return 'must not be blank: give a short stable id such as "emma", or leave key out';
  if ([...key].length > MAX_ROSTER_KEY_LENGTH) {
    return `is ${[...key].length} characters long; at most ${MAX_ROSTER_KEY_LENGTH} are allowed: shorten it`;
  }
  if (!KEY_PATTERN.test(key)) {
    return `"${key}" must be letters and digits, with "-", "_" or "." between them (e.g. "${rosterKeyOf(key) || "emma-davis"}")`;
  }
  return undefined;
}

/** Keys are compared like names: case-insensitive, so two logical names never differ only by case. */
export function keyIdentity(key: string): string {
  return key.normalize("NFC").toLowerCase();
}

/** What duplicate detection needs of an entry. */
export interface KeyedEntry {
  name: string;
  key: string;
  /** 1-based position in the roster. */
  entry: number;
  /** 1-based line in the roster file, when the entry came from one. */
  line?: number;
}

/** One name or key that more than one entry uses. */
export interface Duplicate {
  kind: "name" | "key";
  /** The name or key as the first offending entry writes it. */
  value: string;
  entries: readonly KeyedEntry[];
}

/**
 * Every name (case-insensitive, trimmed, as ChatHub compares them) and every key used by more
 * than one entry, in the order of their first use. A key clash that only repeats a name clash
 * (the same people twice) is not reported a second time.
 */
export function findDuplicates(entries: readonly KeyedEntry[]): Duplicate[] {
  const byName = groupBy(entries, (entry) => normalizeOperatorName(entry.name));
  const byKey = groupBy(entries, (entry) => keyIdentity(entry.key));
  const duplicates: Duplicate[] = [];
  for (const group of byName) {
    if (group.length > 1)
      duplicates.push({ kind: "name", value: (group[0] as KeyedEntry).name, entries: group });
  }
  for (const group of byKey) {
    if (group.length < 2) continue;
    const names = new Set(group.map((entry) => normalizeOperatorName(entry.name)));
    if (names.size === 1) continue; // already reported as a duplicate name
    duplicates.push({ kind: "key", value: (group[0] as KeyedEntry).key, entries: group });
  }
  return duplicates.sort((a, b) => firstEntry(a) - firstEntry(b) || (a.kind === "name" ? -1 : 1));
}

/**
 * `"Alex Brown" (entries 1 and 4), key "emma" (entries 2 and 3)`; with the file's lines when the
 * entries came from one: `"Alex Brown" (entries 1 and 4: roster.csv lines 2 and 5)`.
 */
export function describeDuplicates(duplicates: readonly Duplicate[], file?: string): string {
  return duplicates
    .map((duplicate) => {
      const what =
        duplicate.kind === "name"
          ? JSON.stringify(duplicate.value)
          : `key ${JSON.stringify(duplicate.value)}`;
      const positions = `entries ${listed(duplicate.entries.map((entry) => String(entry.entry)))}`;
      const lines = duplicate.entries.map((entry) => entry.line);
      const where =
        file !== undefined && lines.every((line) => line !== undefined)
          ? `: ${file} lines ${listed(lines.map(String))}`
          : "";
      return `${what} (${positions}${where})`;
    })
    .join(", ");
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return [...groups.values()];
}

function firstEntry(duplicate: Duplicate): number {
  return (duplicate.entries[0] as KeyedEntry).entry;
}

/** "1", "1 and 4", "1, 4 and 7". */
function listed(values: readonly string[]): string {
  if (values.length <= 1) return values.join("");
  return `${values.slice(0, -1).join(", ")} and ${values[values.length - 1]}`;
}

import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RosterError } from "../../../src/roster/roster-error";
import { parseRosterCsv, parseRosterYaml, readRosterFile } from "../../../src/roster/roster-file";

function failure(parse: () => unknown): string {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(RosterError);
    return (error as Error).message;
  }
  throw new Error("expected a RosterError");
}

describe("YAML roster files", () => {
  const entries = [
    { value: { name: "Alex Brown" }, line: 2 },
    { value: { name: "Emma Davis", status: "inactive", key: "emma", import: "24/105" }, line: 3 },
  ];

  it("reads `operators:` holding the list, with each entry's line", () => {
    const text =
      'operators:\n  - name: Alex Brown\n  - { name: Emma Davis, status: inactive, key: emma, import: "24/105" }\n';
    expect(parseRosterYaml(text, "roster.yaml")).toEqual({ file: "roster.yaml", entries });
  });

  it("reads a bare list as well, and an empty roster written as operators: []", () => {
    const text =
      '# people\n- name: Alex Brown\n- name: Emma Davis\n  status: inactive\n  key: emma\n  import: "24/105"\n';
    expect(parseRosterYaml(text, "r.yml").entries).toEqual(entries);
    expect(parseRosterYaml("operators: []\n", "r.yml").entries).toEqual([]);
  });

  it("keeps entries that are not mappings for the entry check to report", () => {
    expect(parseRosterYaml("- Alex Brown\n-\n", "r.yaml").entries).toEqual([
      { value: "Alex Brown", line: 1 },
      { value: null, line: 2 },
    ]);
  });

  it.each([
    [
      "operators:\n  - name: a\n    name: b\n",
      /^roster file r\.yaml line 3: not valid YAML: Map keys must be unique$/,
    ],
    ["operators: [\n", /^roster file r\.yaml line 2: not valid YAML: /],
    ["", /^roster file r\.yaml is empty: expected a list of operators, or "operators:" holding that list/],
    ["operators:\n", /"operators" is empty: list the operators, or write "operators: \[\]"/],
    [
      "organizationId: 24\noperators: []\n",
      /line 1: unknown key "organizationId": only "operators" is allowed/,
    ],
    ["name: Alex Brown\n", /line 1: unknown key "name"/],
    ["just text\n", /line 1: expected a list of operators/],
  ])("refuses a malformed file, saying which file, which line and what is wrong (%#)", (text, message) => {
    expect(failure(() => parseRosterYaml(text, "r.yaml"))).toMatch(message);
  });
});

describe("CSV roster files", () => {
  it("reads the vendor's bulk-import file: a `name` header, then one name per line", () => {
    const text = 'name\nAlex Brown\n"Smith, John"\n\nNguyễn Văn An\n';
    expect(parseRosterCsv(text, "r.csv").entries).toEqual([
      { value: { name: "Alex Brown" }, line: 2 },
      { value: { name: "Smith, John" }, line: 3 },
      { value: { name: "Nguyễn Văn An" }, line: 5 },
    ]);
  });

  it("reads optional columns in any order, case-insensitive headers, CRLF, a BOM; empty cells are not given", () => {
    const text =
      "\uFEFFKey,Name,import,Status\r\nemma,Emma Davis,24/105,inactive\r\n,Alex Brown,,\r\nbo,Bo\r\n";
    expect(parseRosterCsv(text, "r.csv").entries).toEqual([
      { value: { key: "emma", name: "Emma Davis", import: "24/105", status: "inactive" }, line: 2 },
      { value: { name: "Alex Brown" }, line: 3 },
      { value: { key: "bo", name: "Bo" }, line: 4 },
    ]);
  });

  it("numbers lines from where a record starts when a quoted value spans lines", () => {
    const entries = parseRosterCsv('name\n"Alex\nBrown"\nEmma\n', "r.csv").entries;
    expect(entries.map((entry) => entry.line)).toEqual([2, 4]);
  });

  it("keeps quotes inside an unquoted name", () => {
    expect(parseRosterCsv('name\nAlex "Al" Brown\n', "r.csv").entries).toEqual([
      { value: { name: 'Alex "Al" Brown' }, line: 2 },
    ]);
  });

  it("reads a header alone as an empty roster", () => {
    expect(parseRosterCsv("name,status\n", "r.csv").entries).toEqual([]);
  });

  it.each([
    ["", /^roster file r\.csv is empty: expected a header line naming the columns/],
    [
      "name,stauts\nAlex,active\n",
      /^roster file r\.csv line 1: unknown column "stauts": the columns are name, status, key, import/,
    ],
    ["status\nactive\n", /line 1: the header has no "name" column/],
    ["name,Name\na,b\n", /line 1: column "name" appears twice/],
    [
      "name\nAlex Brown\nSmith, John\n",
      /^roster file r\.csv line 3: 2 values but the header names 1 column\(s\) \(name\): quote a value that contains a comma/,
    ],
    ['name\n"Alex Brown\n', /^roster file r\.csv line 2: not valid CSV: .*opening quote/],
  ])("refuses a malformed file, saying which file, which line and what is wrong (%#)", (text, message) => {
    expect(failure(() => parseRosterCsv(text, "r.csv"))).toMatch(message);
  });

  it("lists every line with too many values", () => {
    const message = failure(() => parseRosterCsv("name\na,b\nc\nd,e\n", "r.csv"));
    expect(message).toMatch(
      /^2 problems:\n {2}- roster file r\.csv line 2: .*\n {2}- roster file r\.csv line 4: /,
    );
  });
});

describe("readRosterFile", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "roster-file-"));

  it("picks the format from the extension, relative to the given folder", () => {
    writeFileSync(path.join(dir, "team.CSV"), "name\nAlex\n");
    writeFileSync(path.join(dir, "team.yml"), "- name: Alex\n");
    expect(readRosterFile("team.CSV", dir).entries).toEqual([{ value: { name: "Alex" }, line: 2 }]);
    expect(readRosterFile("team.yml", dir).entries).toEqual([{ value: { name: "Alex" }, line: 1 }]);
  });

  it("says which file is missing, where it looked, and that paths start at the program's folder", () => {
    expect(failure(() => readRosterFile("nope.yaml", dir))).toBe(
      `roster file nope.yaml does not exist (looked in ${path.join(dir, "nope.yaml")}; relative paths start at the program's folder)`,
    );
  });

  it("refuses an extension it cannot read", () => {
    expect(failure(() => readRosterFile("team.txt", dir))).toMatch(
      /unknown format ".txt": name it .yaml, .yml or .csv/,
    );
  });
});

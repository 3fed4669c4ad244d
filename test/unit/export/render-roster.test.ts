import { describe, expect, it } from "vitest";
import { renderRoster } from "../../../src/export/render-roster";
import type { RosterEntry } from "../../../src/roster/roster-entry";
import { parseRosterText, type RosterFormat } from "../../../src/roster/roster-file";
import { planRoster } from "../../../src/roster/roster-plan";

const tricky: Required<Omit<RosterEntry, "activeFrom" | "activeUntil">>[] = [
  { name: "Alex Brown", status: "active", key: "alex-brown", import: "24/101" },
  { name: "Smith, John", status: "inactive", key: "smith-john", import: "24/102" },
  { name: 'Alex "Al" Jones', status: "active", key: "alex-al-jones", import: "24/103" },
  { name: "yes", status: "active", key: "yes", import: "24/104" },
  { name: "123", status: "active", key: "123", import: "24/105" },
  { name: "null", status: "inactive", key: "null", import: "24/106" },
  { name: "# not a comment", status: "active", key: "not-a-comment", import: "24/107" },
  { name: "- dash: colon", status: "active", key: "dash-colon", import: "24/108" },
  { name: "Nguyễn Văn An", status: "active", key: "nguyễn-văn-an", import: "24/109" },
  { name: "'quoted'", status: "active", key: "quoted", import: "24/110" },
];

describe.each<RosterFormat>(["yaml", "csv"])("%s rendering", (format) => {
  const file = `roster.${format}`;

  it("round-trips: render → parse gives the same entries", () => {
    const text = renderRoster(tricky, format, "heading line one\nline two");
    const parsed = parseRosterText(text, format, file).entries.map((entry) => entry.value);
    expect(parsed).toEqual(tricky);
    // …and the roster accepts them as they are, with the same keys.
    const { entries } = planRoster({ organizationId: 24, operators: parsed as RosterEntry[] });
    expect(entries.map(({ name, status, key, import: id }) => ({ name, status, key, import: id }))).toEqual(
      tricky,
    );
  });

  it("renders an empty roster that reads back as empty", () => {
    const text = renderRoster([], format);
    expect(parseRosterText(text, format, file).entries).toEqual([]);
  });
});

describe("the rendered files", () => {
  const two = tricky.slice(0, 2);

  it("YAML: a heading comment, then operators: holding one mapping per operator", () => {
    expect(renderRoster(two, "yaml", "ChatHub organization 24")).toBe(
      [
        "# ChatHub organization 24",
        "",
        "operators:",
        "  - name: Alex Brown",
        "    status: active",
        "    key: alex-brown",
        "    import: 24/101",
        "  - name: Smith, John",
        "    status: inactive",
        "    key: smith-john",
        "    import: 24/102",
        "",
      ].join("\n"),
    );
  });

  it("CSV: a name,status,key,import header, then one line per operator, quoted where needed", () => {
    expect(renderRoster(two, "csv", "ignored")).toBe(
      'name,status,key,import\nAlex Brown,active,alex-brown,24/101\n"Smith, John",inactive,smith-john,24/102\n',
    );
  });
});

import { describe, expect, it } from "vitest";
import {
  describeDuplicates,
  describeKeyProblem,
  findDuplicates,
  type KeyedEntry,
  rosterKeyOf,
} from "../../../src/roster/roster-keys";

describe("rosterKeyOf", () => {
  it.each([
    ["Alex Brown", "alex-brown"],
    ["  Emma   Davis ", "emma-davis"],
    ["Nguyễn Văn An", "nguyễn-văn-an"],
    ["O'Brien, Pat", "o-brien-pat"],
    ["Zoë (night shift) #2", "zoë-night-shift-2"],
    ["ÅSA ÖBERG", "åsa-öberg"],
    ["Иван Петров", "иван-петров"],
    ["李小龍", "李小龍"],
    ["agent_007", "agent-007"],
    ["???", ""],
  ])("%j → %j", (name, key) => {
    expect(rosterKeyOf(name)).toBe(key);
  });

  it("does not depend on Unicode normalization form or case", () => {
    const composed = "Nguyễn".normalize("NFC");
    const decomposed = "Nguyễn".normalize("NFD");
    expect(decomposed).not.toBe(composed);
    expect(rosterKeyOf(decomposed)).toBe(rosterKeyOf(composed));
    expect(rosterKeyOf("ALEX BROWN")).toBe(rosterKeyOf("alex brown"));
  });
});

describe("describeKeyProblem", () => {
  it.each(["emma", "emma-davis", "e.davis", "agent_7", "nguyễn-văn-an", "7"])("accepts %j", (key) => {
    expect(describeKeyProblem(key)).toBeUndefined();
  });

  it.each([
    ["", /must not be blank/],
    ["emma davis", /letters and digits.*e\.g\. "emma-davis"/],
    ["-emma", /letters and digits/],
    ["a::b", /letters and digits/],
    ["x".repeat(101), /101 characters long; at most 100/],
  ])("refuses %j", (key, message) => {
    expect(describeKeyProblem(key)).toMatch(message);
  });
});

const entry = (position: number, name: string, key = rosterKeyOf(name), line?: number): KeyedEntry => ({
  entry: position,
  name,
  key,
  ...(line === undefined ? {} : { line }),
});

describe("duplicate detection", () => {
  it("finds nothing in a roster of distinct people", () => {
    expect(findDuplicates([entry(1, "Alex Brown"), entry(2, "Emma Davis", "emma")])).toEqual([]);
  });

  it("lists every repeated name (case-insensitive, trimmed) and key, in order of first use", () => {
    const entries = [
      entry(1, "Alex Brown"),
      entry(2, "Emma Davis", "emma"),
      entry(3, "Emma Stone", "EMMA"),
      entry(4, " alex BROWN "),
      entry(5, "Anne-Marie"),
      entry(6, "Anne Marie"),
      entry(7, "Alex Brown"),
    ];
    expect(describeDuplicates(findDuplicates(entries))).toBe(
      '"Alex Brown" (entries 1, 4 and 7), key "emma" (entries 2 and 3), key "anne-marie" (entries 5 and 6)',
    );
  });

  it("reports a key clash that is also a name clash once, but a three-way clash with another name too", () => {
    const sameTwice = [entry(1, "Alex Brown"), entry(2, "alex brown")];
    expect(findDuplicates(sameTwice).map((d) => d.kind)).toEqual(["name"]);
    const withThird = [...sameTwice, entry(3, "Alex-Brown")];
    expect(describeDuplicates(findDuplicates(withThird))).toBe(
      '"Alex Brown" (entries 1 and 2), key "alex-brown" (entries 1, 2 and 3)',
    );
  });

  it("adds the file's lines when the entries came from one", () => {
    const entries = [
      entry(1, "Alex Brown", undefined, 2),
      entry(2, "Emma", undefined, 3),
      entry(3, "ALEX BROWN", undefined, 5),
    ];
    expect(describeDuplicates(findDuplicates(entries), "roster.csv")).toBe(
      '"Alex Brown" (entries 1 and 3: roster.csv lines 2 and 5)',
    );
  });
});

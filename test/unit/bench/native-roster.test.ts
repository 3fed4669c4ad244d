import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { CaseResult, StepName } from "../../../bench/case";
import { benchProgram } from "../../../bench/programs";
import { nativeNoSlowerTargets } from "../../../bench/targets";

// The bench's native roster: the same inputs as the dynamic one, and the "native no slower"
// verdict of issue 17 (time within 10% or 1 s, whichever larger; the same requests per route).

const SYNC = "POST /api/operator/synchronize";
const LIST = "GET /api/operator";

function rosterCase(
  provider: "roster" | "roster-native",
  seconds: Record<StepName, number>,
  byRoute: Record<string, number> = { [LIST]: 1, [SYNC]: 5 },
): CaseResult {
  return {
    profile: "latency",
    size: 500,
    provider,
    steps: (Object.keys(seconds) as StepName[]).map((step) => ({
      step,
      outcome: "ok",
      wallSeconds: seconds[step],
      requests: { total: Object.values(byRoute).reduce((a, b) => a + b, 0), byRoute, byStatus: {} },
      summary: "",
    })),
    state: null,
    verified: {},
    loadAverage: { before: 0, after: 0 },
  };
}

const DYNAMIC = { create: 3, refresh: 1, update: 12, destroy: 100 };

describe("the bench's native organization roster", () => {
  it("declares exactly the dynamic roster's inputs, in a YAML program", () => {
    for (const withInactive of [false, true]) {
      const dynamic = benchProgram("roster", 50, withInactive);
      const args = JSON.parse(/new ChatHubOrganizationRoster\("roster", (.*)\);/.exec(dynamic)?.[1] ?? "");
      const yaml = parse(benchProgram("roster-native", 50, withInactive));
      expect(yaml.resources.roster.type).toBe("chathub:index:OrganizationRoster");
      expect(yaml.resources.roster.properties).toEqual(args);
      expect(args.operators).toHaveLength(50);
    }
  });

  it("passes each step within 10% or 1 s of the dynamic roster with the same requests", () => {
    const native = { create: 4, refresh: 1.9, update: 13.2, destroy: 110 };
    const targets = nativeNoSlowerTargets([
      rosterCase("roster", DYNAMIC),
      rosterCase("roster-native", native),
    ]);
    expect(targets.map((t) => t.verdict)).toEqual(["PASS", "PASS", "PASS", "PASS"]);
  });

  it("misses a step more than 10% and more than 1 s slower, and names it", () => {
    const native = { ...DYNAMIC, update: 13.3, destroy: 110.1 };
    const targets = nativeNoSlowerTargets([
      rosterCase("roster", DYNAMIC),
      rosterCase("roster-native", native),
    ]);
    expect(targets.map((t) => t.verdict)).toEqual(["PASS", "PASS", "MISS", "MISS"]);
    expect(targets[2]?.scope).toContain("up (10% inactive)");
    expect(targets[3]?.detail).toContain("native 110.1 s vs dynamic 100.0 s");
  });

  it("misses a step that sends other requests, however fast", () => {
    const targets = nativeNoSlowerTargets([
      rosterCase("roster", DYNAMIC),
      rosterCase("roster-native", { create: 1, refresh: 1, update: 1, destroy: 1 }, { [LIST]: 1, [SYNC]: 6 }),
    ]);
    expect(targets.map((t) => t.verdict)).toEqual(["MISS", "MISS", "MISS", "MISS"]);
    expect(targets[0]?.detail).toMatch(/requests differ: native .*synchronize 6; dynamic .*synchronize 5/);
  });

  it("is not measured without the dynamic roster of the same run", () => {
    const targets = nativeNoSlowerTargets([rosterCase("roster-native", DYNAMIC)]);
    expect(targets.map((t) => t.verdict)).toEqual(["N/A", "N/A", "N/A", "N/A"]);
  });
});

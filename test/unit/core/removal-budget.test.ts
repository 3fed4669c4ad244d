import { describe, expect, it } from "vitest";
import { removalBudgetOfPlan } from "../../../src/core/organization-roster/budget";
import { planConvergence } from "../../../src/core/organization-roster/plan";
import {
  type KnownPerson,
  maxRemovalsProblem,
  maxRemovalsSchema,
  predictRemovals,
  type Removal,
  removalBudget,
  removalBudgetError,
  removalsOf,
} from "../../../src/core/removal-budget";

const people = (count: number, from = 1): Removal[] =>
  Array.from({ length: count }, (_, index) => ({
    id: from + index,
    name: `Person ${from + index}`,
    change: "delete",
  }));

describe("maxRemovals", () => {
  it('is a whole number of people, 0 or more, or "unlimited"; absent means the default', () => {
    for (const good of [undefined, 0, 1, 40, "unlimited"]) {
      expect(maxRemovalsProblem(good)).toBeUndefined();
      expect(maxRemovalsSchema.optional().safeParse(good).success).toBe(true);
    }
  });

  it("rejects anything else with a message that says what it must be and how to fix it", () => {
    for (const bad of [-1, 2.5, "40", "Unlimited", Number.NaN, Number.POSITIVE_INFINITY, true, {}]) {
      const problem = maxRemovalsProblem(bad);
      expect(problem).toMatch(/^must be a whole number of people, 0 or more, or "unlimited" \(got /);
      expect(problem).toContain("maxRemovals: 40");
      const parsed = maxRemovalsSchema.safeParse(bad);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe(problem);
    }
  });
});

describe("removalBudget", () => {
  it("defaults to 10 people or 10% of the live operators, whichever is larger", () => {
    expect(removalBudget(undefined, 0)).toBe(10);
    expect(removalBudget(undefined, 50)).toBe(10);
    expect(removalBudget(undefined, 109)).toBe(10);
    expect(removalBudget(undefined, 110)).toBe(11);
    expect(removalBudget(undefined, 1000)).toBe(100);
  });

  it('takes a setting as it is, and "unlimited" as no limit', () => {
    expect(removalBudget(0, 1000)).toBe(0);
    expect(removalBudget(40, 50)).toBe(40);
    expect(removalBudget("unlimited", 50)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("removalsOf", () => {
  const alex = { id: 1, name: "Alex Brown", active: true };
  const emma = { id: 2, name: "Emma Davis", active: false };

  it("counts deletions, and deactivations of active people only", () => {
    expect(
      removalsOf({ dropped: [alex, emma], keptInactive: [alex, emma], unmanaged: [], mode: "ignore" }),
    ).toEqual([
      { id: 1, name: "Alex Brown", change: "delete" },
      { id: 2, name: "Emma Davis", change: "delete" },
      { id: 1, name: "Alex Brown", change: "deactivate" },
    ]);
  });

  it("counts the unmanaged as `unmanaged` treats them", () => {
    const unmanaged = [alex, emma];
    const base = { dropped: [], keptInactive: [] };
    expect(removalsOf({ ...base, unmanaged, mode: "ignore" })).toEqual([]);
    expect(removalsOf({ ...base, unmanaged, mode: "deactivate" })).toEqual([
      { id: 1, name: "Alex Brown", change: "deactivate" },
    ]);
    expect(removalsOf({ ...base, unmanaged, mode: "delete" }).map((r) => r.change)).toEqual([
      "delete",
      "delete",
    ]);
  });
});

describe("predictRemovals", () => {
  const known: KnownPerson[] = [
    { name: "Alex Brown", active: true, managed: true },
    { name: "Emma Davis", active: true, managed: true },
    { name: "John Smith", active: true, managed: true },
    { id: 107, name: "Sarah Johnson", active: true, managed: false },
  ];

  it("drops the managed people the roster no longer names, and a renamed one's old name", () => {
    const roster = [
      { name: "alex brown", status: "active" as const }, // letter case only: kept
      { name: "Emma Davies", status: "active" as const }, // renamed: the old name goes
    ];
    expect(predictRemovals(known, roster, "ignore")).toEqual([
      { name: "Emma Davis", change: "delete" },
      { name: "John Smith", change: "delete" },
    ]);
  });

  it("counts people the roster keeps but makes inactive, and the unmanaged under deactivate", () => {
    const roster = ["Alex Brown", "Emma Davis", "John Smith"].map((name) => ({
      name,
      status: name === "John Smith" ? ("inactive" as const) : ("active" as const),
    }));
    expect(predictRemovals(known, roster, "deactivate")).toEqual([
      { name: "John Smith", change: "deactivate" },
      { id: 107, name: "Sarah Johnson", change: "deactivate" },
    ]);
  });

  it("does not count an unmanaged person the roster now names (adopted)", () => {
    const roster = [...known].map((person) => ({ name: person.name, status: "active" as const }));
    expect(predictRemovals(known, roster, "delete")).toEqual([]);
  });
});

describe("removalBudgetError", () => {
  it("is undefined within the budget", () => {
    expect(
      removalBudgetError({ organizationId: 30, removals: people(10), liveOperators: 50, setting: undefined }),
    ).toBeUndefined();
    expect(
      removalBudgetError({ organizationId: 30, removals: people(40), liveOperators: 50, setting: 40 }),
    ).toBeUndefined();
    expect(
      removalBudgetError({
        organizationId: 30,
        removals: people(50),
        liveOperators: 50,
        setting: "unlimited",
      }),
    ).toBeUndefined();
  });

  it("says how many people, names the first of them, and how to allow it", () => {
    const message = removalBudgetError({
      organizationId: 30,
      removals: people(40, 11),
      liveOperators: 50,
      setting: undefined,
    });
    expect(message).toBe(
      "Roster of organization 30 would take 40 people out of service in one deployment, more than the default " +
        "removal budget of 10 (10 people or 10% of its 50 live operators, whichever is larger): " +
        'delete "Person 11" (operator 11), delete "Person 12" (operator 12), delete "Person 13" (operator 13), ' +
        'delete "Person 14" (operator 14), delete "Person 15" (operator 15) and 35 more. Nothing was changed. ' +
        "If the roster is wrong (a truncated file, a wrong column, a changed key), fix it. " +
        'For a deliberate reorganisation, set maxRemovals: 40 on this roster (or "unlimited" to turn the budget off).',
    );
  });

  it("names the setting when one was given, even 0", () => {
    const message = removalBudgetError({
      organizationId: 24,
      removals: [{ name: "Alex Brown", change: "deactivate" }],
      liveOperators: 3,
      setting: 0,
    });
    expect(message).toContain(
      "would take 1 person out of service in one deployment, more than its removal budget, maxRemovals: 0",
    );
    expect(message).toContain('deactivate "Alex Brown".');
  });
});

describe("dated deactivations", () => {
  it("are not counted: 30 seasonal people whose activeUntil passed fit the default budget", () => {
    const seasonal = Array.from({ length: 30 }, (_, index) => ({
      name: `Seasonal ${index}`,
      active: true,
      managed: true,
    }));
    const roster = seasonal.map((person) => ({
      name: person.name,
      status: "inactive" as const,
      dated: true,
    }));
    expect(predictRemovals(seasonal, roster, "ignore")).toEqual([]);
    // The same 30 made inactive by hand are counted, and over the default of 10.
    const undated = roster.map(({ dated: _dated, ...member }) => member);
    const removals = predictRemovals(seasonal, undated, "ignore");
    expect(removals).toHaveLength(30);
    expect(
      removalBudgetError({ organizationId: 24, removals, liveOperators: 30, setting: undefined }),
    ).toMatch(/30 people/);
  });

  it("leave every other removal counted: a dated roster truncated still trips the budget", () => {
    const known = Array.from({ length: 30 }, (_, index) => ({
      name: `Person ${index}`,
      active: true,
      managed: true,
    }));
    const kept = known
      .slice(0, 5)
      .map((person) => ({ name: person.name, status: "inactive" as const, dated: true }));
    expect(predictRemovals(known, kept, "ignore")).toHaveLength(25);
  });
});

describe("the budget at up, from the live list", () => {
  it("does not count people whose activeUntil passed, and counts those made inactive without a date", () => {
    const live = Array.from({ length: 30 }, (_, index) => ({
      id: 100 + index,
      name: `Seasonal ${index}`,
      status: 0 as const,
      organization: { id: 24, name: "Support" },
    }));
    const roster = (dated: boolean) => ({
      organizationId: 24,
      unmanaged: "ignore" as const,
      // What check hands on: inactive now (dated: because activeUntil passed yesterday).
      operators: Object.fromEntries(
        live.map((operator) => [
          `s${operator.id}`,
          {
            name: operator.name,
            status: "inactive" as const,
            ...(dated ? { activeUntil: "2020-01-01" } : {}),
          },
        ]),
      ),
    });
    for (const dated of [true, false]) {
      const desired = roster(dated);
      const previous = Object.fromEntries(live.map((operator) => [`s${operator.id}`, operator.id]));
      const error = removalBudgetOfPlan(
        desired,
        planConvergence(desired, previous, live as never),
        live as never,
      );
      if (dated) expect(error).toBeUndefined();
      else expect(error).toMatch(/would take 30 people out of service/);
    }
  });
});

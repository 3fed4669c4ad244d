import { describe, expect, it } from "vitest";
import type { Operator } from "../../../src/api";
import type { OrganizationRosterInputs } from "../../../src/core/organization-roster/inputs";
import { planConvergence } from "../../../src/core/organization-roster/plan";

const organization = { id: 24, name: "Customer Support" };
const op = (id: number, name: string, status: 0 | 1 | 2 = 0): Operator => ({
  id,
  name,
  status,
  organization,
});
const roster = (operators: OrganizationRosterInputs["operators"]): OrganizationRosterInputs => ({
  organizationId: 24,
  unmanaged: "deactivate",
  operators,
});

describe("planConvergence", () => {
  it("adopts a live operator by case-insensitive name instead of creating a duplicate", () => {
    const plan = planConvergence(roster({ john: { name: "JOHN SMITH", status: "active" } }), {}, [
      op(101, "John Smith"),
    ]);
    expect(plan.create).toEqual([]);
    expect(plan.claimed.get("john")).toEqual({ id: 101, status: 0, adopted: true });
    expect(plan.unmanaged).toEqual([]);
  });

  it("never adopts, keeps or reports an operator with status 2", () => {
    const plan = planConvergence(roster({ john: { name: "John Smith", status: "active" } }), { john: 101 }, [
      op(101, "John Smith", 2),
      op(102, "Old Timer", 2),
    ]);
    expect(plan.create).toEqual(["john"]);
    expect(plan.retire).toEqual([]);
    expect(plan.unmanaged).toEqual([]);
  });

  it("ties an import to that operator, and refuses one that is gone, before any write", () => {
    const members = {
      a: { name: "Someone Else", status: "active" as const, import: "24/101" },
      b: { name: "Ghost", status: "active" as const, import: "24/199" },
    };
    const plan = planConvergence(roster(members), {}, [op(101, "John Smith"), op(102, "Someone Else")]);
    expect(plan.claimed.get("a")?.id).toBe(101);
    expect(plan.problems).toEqual([expect.stringContaining('import "24/199"')]);
    expect(plan.unmanaged.map((o) => o.id)).toEqual([102]);
  });

  it("retires what the roster managed and no longer names; renames create anew", () => {
    const plan = planConvergence(
      roster({ alex: { name: "Alex B. Brown", status: "active" } }),
      { alex: 104, emma: 105 },
      [op(104, "Alex Brown"), op(105, "Emma Davis"), op(106, "Mallory Intruder")],
    );
    expect(plan.create).toEqual(["alex"]);
    expect(plan.retire.map((o) => o.id)).toEqual([104, 105]);
    expect(plan.unmanaged.map((o) => o.id)).toEqual([106]);
  });

  it("keeps a managed operator whose name differs only by case", () => {
    const plan = planConvergence(
      roster({ alex: { name: "alex brown", status: "inactive" } }),
      { alex: 104 },
      [op(104, "Alex Brown")],
    );
    expect(plan.claimed.get("alex")).toEqual({ id: 104, status: 0, adopted: false });
    expect(plan.create).toEqual([]);
    expect(plan.retire).toEqual([]);
  });
});

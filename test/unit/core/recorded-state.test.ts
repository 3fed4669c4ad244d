import { describe, expect, it } from "vitest";
import { operatorBehaviour } from "../../../src/core/operator/behaviour";
import { recordReaders } from "../../../src/core/recorded-state";
import { keyedOrganizationRosterBehaviour } from "../../../src/dynamic/keyed-organization-roster";

const recordedOperator = recordReaders(operatorBehaviour).state;
const recordedRoster = recordReaders(keyedOrganizationRosterBehaviour).state;

// The stack's records are parsed, not cast: what an adapter hands the core has the shape the core
// expects, and a record it cannot read is an error that says how to recover, before any request.
describe("recorded state", () => {
  const operator = {
    organizationId: 24,
    name: "Alex Brown",
    status: "active",
    adopt: false,
    operatorId: 104,
  };

  it("reads a recorded operator, keeping what the core uses and dropping the rest", () => {
    expect(recordedOperator({ ...operator, __provider: "require(...)" }, "24/104")).toEqual(operator);
  });

  it("refuses an operator record of the wrong shape, naming the field and the recovery", () => {
    expect(() => recordedOperator({ ...operator, status: 1 }, "24/104")).toThrow(
      /record of operator 24\/104 is not one this version can read \(status .*\)\. Run `pulumi refresh`/,
    );
    expect(() => recordedOperator({ organizationId: 24 }, "24/104")).toThrow(/name/);
  });

  it("reads a roster record, whole or partial, and refuses ids that are not ids", () => {
    const roster = {
      organizationId: 24,
      unmanaged: "ignore",
      operators: { alex: { name: "Alex Brown" }, emma: { name: "Emma Davis", status: "inactive" } },
      operatorIds: { alex: 104, emma: 105 },
      unmanagedOperators: [{ id: 102, name: "Sarah Johnson", status: "active" }],
    };
    expect(recordedRoster(roster, "24")).toEqual(roster);
    expect(recordedRoster({}, "24")).toEqual({});
    expect(() => recordedRoster({ ...roster, operatorIds: { alex: "104" } }, "24")).toThrow(
      /operatorIds\.alex/,
    );
  });

  it("reads recorded inputs with a null as an absent input (an older record may hold one)", () => {
    const recordedInputs = recordReaders(operatorBehaviour).inputs;
    expect(recordedInputs({ status: null, name: "Alex Brown" })).toEqual({});
    expect(recordedInputs({ status: "inactive" })).toEqual({ status: "inactive" });
  });
});

import { describe, expect, it } from "vitest";
import { chathubRosterPolicies } from "../../../src/policy";

describe("chathubRosterPolicies options", () => {
  it("makes one mandatory policy per rule chosen, with the names a pack config refers to", () => {
    const policies = chathubRosterPolicies({
      minActivePerOrganization: 3,
      namePattern: /^\p{Lu}\p{L}+( \p{Lu}\p{L}+)+$/u,
      unmanagedDelete: "forbidden",
      onePersonOneOrganization: true,
    });
    expect(policies.map((policy) => [policy.name, policy.enforcementLevel])).toEqual([
      ["chathub-min-active-per-organization", "mandatory"],
      ["chathub-operator-name-pattern", "mandatory"],
      ["chathub-no-unmanaged-delete", "mandatory"],
      ["chathub-one-person-one-organization", "mandatory"],
    ]);
  });

  it("leaves out rules turned off, and takes another enforcement level for all", () => {
    const policies = chathubRosterPolicies({
      unmanagedDelete: "allowed",
      onePersonOneOrganization: false,
      minActivePerOrganization: 1,
      enforcementLevel: "advisory",
    });
    expect(policies.map((policy) => [policy.name, policy.enforcementLevel])).toEqual([
      ["chathub-min-active-per-organization", "advisory"],
    ]);
  });

  it("names every bad option, and the options there are", () => {
    const bad = () =>
      chathubRosterPolicies({
        minActivePerOrganization: 0,
        namePattern: "^[A-Z]" as unknown as RegExp,
        minActive: 3,
      } as never);
    expect(bad).toThrow(/unknown option "minActive"; the options are minActivePerOrganization, namePattern/);
    expect(bad).toThrow(/minActivePerOrganization must be at least 1/);
    expect(bad).toThrow(/namePattern must be a regular expression/);
  });

  it("refuses a pack that chose no rule", () => {
    expect(() => chathubRosterPolicies({})).toThrow(
      /no rule chosen; give at least one of minActivePerOrganization/,
    );
  });
});

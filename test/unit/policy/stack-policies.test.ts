import { describe, expect, it } from "vitest";
import { chathubRosterPolicies } from "../../../src/policy";
import {
  dynamicOperator,
  dynamicOrganizationRoster,
  nativeOperator,
  nativeOrganizationRoster,
  operatorRoster,
  urnOf,
  violationsOf,
} from "./policy-args";

const minActive = chathubRosterPolicies({ minActivePerOrganization: 3 });
const oneOrganization = chathubRosterPolicies({ onePersonOneOrganization: true });

describe("minActivePerOrganization", () => {
  it("counts an organization's active people across every resource that declares them", async () => {
    const support = operatorRoster("support");
    const resources = [
      dynamicOperator("alex", { organizationId: 24, name: "Alex Brown" }),
      dynamicOperator("support-emma", { organizationId: 24, name: "Emma Davis", status: "active" }, support),
      nativeOperator("john", { organizationId: 24, name: "John Smith" }),
      nativeOrganizationRoster("org25", {
        organizationId: 25,
        unmanaged: "ignore",
        operators: [
          { name: "Ann Lee" },
          { name: "Bo Chen" },
          { key: "cy", name: "Cy Diaz", status: "active" },
        ],
      }),
    ];
    expect(await violationsOf(minActive, resources)).toEqual([]);
  });

  it("fails an organization short of active people, naming it, its resources and its people", async () => {
    const roster = dynamicOrganizationRoster("org24", {
      organizationId: 24,
      unmanaged: "ignore",
      operators: {
        alex: { name: "Alex Brown" },
        emma: { name: "Emma Davis", status: "inactive" },
        "unmanaged #107": { name: "Zed Hand", status: "active" },
      },
    });
    // The same person twice is one person, listed once.
    const alexAgain = nativeOperator("alex-again", { organizationId: 24, name: "  ALEX BROWN " });
    const emma = dynamicOperator("emma", { organizationId: 24, name: "emma davis", status: "inactive" });
    const violations = await violationsOf(minActive, [roster, alexAgain, emma]);
    expect(violations).toEqual([
      {
        policy: "chathub-min-active-per-organization",
        urn: urnOf(alexAgain),
        message:
          'organization 24 would have 1 active operator ("  ALEX BROWN "), fewer than the 3 this policy pack requires; ' +
          'inactive: "emma davis". Declared by operator "alex-again", operator "emma", organization roster "org24": ' +
          "activate or add operators there.",
      },
    ]);
  });

  it("leaves out a resource whose organization is not known yet", async () => {
    const resources = [dynamicOperator("later", { name: "Alex Brown" })];
    expect(await violationsOf(minActive, resources)).toEqual([]);
  });
});

describe("onePersonOneOrganization", () => {
  it("passes one person per organization, and the same person twice in one organization", async () => {
    const resources = [
      dynamicOperator("alex", { organizationId: 24, name: "Alex Brown" }),
      nativeOperator("alex-native", { organizationId: 24, name: "alex brown" }),
      dynamicOrganizationRoster("org25", {
        organizationId: 25,
        unmanaged: "ignore",
        operators: { a: { name: "Ann Lee" } },
      }),
    ];
    expect(await violationsOf(oneOrganization, resources)).toEqual([]);
  });

  it("fails a person declared in two organizations, naming both resources", async () => {
    const support = operatorRoster("support");
    const child = dynamicOperator("support-alex", { organizationId: 24, name: "Alex Brown" }, support);
    const roster = nativeOrganizationRoster("sales", {
      organizationId: 25,
      unmanaged: "ignore",
      operators: [{ name: "alex brown ", status: "inactive" }, { name: "Ann Lee" }],
    });
    const violations = await violationsOf(oneOrganization, [child, roster]);
    expect(violations).toEqual([
      {
        policy: "chathub-one-person-one-organization",
        urn: urnOf(child),
        message:
          '"Alex Brown" is declared in 2 organizations (24, 25): "Alex Brown" in operator roster "support" ' +
          '(operator "support-alex") (organization 24); "alex brown " in organization roster "sales" (organization 25). ' +
          "A person may be an operator of one organization only: remove them from all but one.",
      },
    ]);
  });
});

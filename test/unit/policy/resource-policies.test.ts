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

const namePattern = chathubRosterPolicies({ namePattern: /^\p{Lu}\p{L}+( \p{Lu}\p{L}+)+$/gu });
const noDelete = chathubRosterPolicies({ unmanagedDelete: "forbidden" });

describe("namePattern", () => {
  it("passes names that match, in every resource type", async () => {
    const support = operatorRoster("support");
    const resources = [
      dynamicOperator("alex", { organizationId: 24, name: "Alex Brown" }),
      dynamicOperator("support-emma-davis", { organizationId: 24, name: "Emma Davis" }, support),
      dynamicOrganizationRoster("org25", {
        organizationId: 25,
        unmanaged: "ignore",
        operators: { "nguyễn-văn-an": { name: "Nguyễn Văn An" }, "unmanaged #107": { name: "bob" } },
      }),
      nativeOperator("john", { organizationId: 24, name: "John Smith", status: "inactive", adopt: true }),
      nativeOrganizationRoster("org26", {
        organizationId: 26,
        unmanaged: "ignore",
        file: "team.csv",
        operators: [
          { key: "ann", name: "Ann Lee" },
          { name: "Élodie Martin", status: "inactive" },
        ],
      }),
    ];
    // Twice: a global pattern must not remember where the previous match stopped.
    expect(await violationsOf(namePattern, resources)).toEqual([]);
    expect(await violationsOf(namePattern, resources)).toEqual([]);
  });

  it("names the resource, its organization and every misnamed person", async () => {
    const support = operatorRoster("support");
    const child = dynamicOperator("support-alex", { organizationId: 24, name: "alex brown" }, support);
    const roster = dynamicOrganizationRoster("org25", {
      organizationId: 25,
      unmanaged: "ignore",
      operators: {
        a: { name: "Ann Lee" },
        b: { name: "BOB" },
        c: { name: " Carl Jung", status: "inactive" },
      },
    });
    const native = nativeOrganizationRoster("org26", {
      organizationId: 26,
      unmanaged: "ignore",
      operators: [{ name: "dave" }],
    });
    const violations = await violationsOf(namePattern, [child, roster, native]);
    expect(violations).toEqual([
      {
        policy: "chathub-operator-name-pattern",
        urn: urnOf(child),
        message:
          'operator roster "support" (operator "support-alex") (organization 24) declares "alex brown", not matching ' +
          "the name pattern /^\\p{Lu}\\p{L}+( \\p{Lu}\\p{L}+)+$/gu: correct the name in the program or the roster file.",
      },
      expect.objectContaining({
        urn: urnOf(roster),
        message: expect.stringMatching(
          /^organization roster "org25" \(organization 25\) declares "BOB", " Carl Jung", not/,
        ),
      }),
      expect.objectContaining({
        urn: urnOf(native),
        message: expect.stringMatching(
          /^organization roster "org26" \(organization 26\) declares "dave", not/,
        ),
      }),
    ]);
  });

  it("ignores resources of other packages and names not known yet", async () => {
    const resources = [
      { type: "aws:s3/bucket:Bucket", name: "b", props: { name: "lower case" } },
      nativeOperator("later", { organizationId: 24 }),
    ];
    expect(await violationsOf(namePattern, resources)).toEqual([]);
  });
});

describe("unmanagedDelete: forbidden", () => {
  it('fails an organization roster, dynamic or native, that sets unmanaged: "delete"', async () => {
    const dynamic = dynamicOrganizationRoster("org24", {
      organizationId: 24,
      unmanaged: "delete",
      operators: { john: { name: "John Smith" }, alex: { name: "Alex Brown" } },
    });
    const native = nativeOrganizationRoster("org25", {
      organizationId: 25,
      unmanaged: "delete",
      operators: [],
    });
    const violations = await violationsOf(noDelete, [dynamic, native]);
    expect(violations.map((violation) => violation.urn)).toEqual([urnOf(dynamic), urnOf(native)]);
    expect(violations[0]?.message).toBe(
      'organization roster "org24" (organization 24) sets unmanaged: "delete", which deletes every operator of the ' +
        "organization that its 2 people do not include; this policy pack forbids it. " +
        'Use unmanaged: "deactivate" (reversible) or "ignore", or name those people in the roster.',
    );
  });

  it('passes "deactivate" and "ignore"', async () => {
    const resources = [
      dynamicOrganizationRoster("org24", { organizationId: 24, unmanaged: "deactivate", operators: {} }),
      nativeOrganizationRoster("org25", { organizationId: 25, unmanaged: "ignore", operators: [] }),
    ];
    expect(await violationsOf(noDelete, resources)).toEqual([]);
  });
});

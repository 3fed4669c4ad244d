import { type RunningEmulator, startEmulator } from "pulumi-chathub-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectSampleIn } from "../doc-samples/doc-samples";
import { chathubStack } from "./support/chathub-stack";
import { operatorsProgram } from "./support/programs";

/** A program that finds its organizations by name, and creates an operator in one of them. */
const lookupProgram = (operatorName: string) => `
const { ChatHubOperator, getOrganizations, getOrganization, getOrganizationOutput, getOrganizationsOutput } = require("pulumi-chathub");
module.exports = async () => {
  const { organizations } = await getOrganizations();
  const support = await getOrganization({ name: "customer support" });
  const sales = await getOrganization({ id: 25 });
  const operator = new ChatHubOperator("priya", { organizationId: support.id, name: ${JSON.stringify(operatorName)} });
  return {
    organizations,
    support,
    sales,
    salesByOutput: getOrganizationOutput({ name: "SALES" }),
    count: getOrganizationsOutput().apply((all) => all.organizations.length),
    operatorId: operator.operatorId,
    organizationName: operator.organizationName,
  };
};
`;

describe("organizations", () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  afterAll(() => emulator.close());

  it("are listed and found by name, and an operator is created in the one found", async () => {
    const stack = await chathubStack(emulator, "org-lookup", lookupProgram("Priya Patel (by name)"));
    try {
      emulator.resetCounters();
      await stack.up();
      const outputs = await stack.outputs();
      expect(outputs).toMatchObject({
        organizations: [
          { id: 24, name: "Customer Support" },
          { id: 25, name: "Sales" },
        ],
        support: { id: 24, name: "Customer Support" },
        sales: { id: 25, name: "Sales" },
        salesByOutput: { id: 25, name: "Sales" },
        count: 2,
        organizationName: "Customer Support",
      });
      const live = emulator.operators(24).filter((operator) => operator.name === "Priya Patel (by name)");
      expect(live.map((operator) => operator.id)).toEqual([outputs.operatorId]);
      // The program's lookups share one list; the provider's check makes one more, for the whole deployment.
      expect(emulator.counters().byRoute["GET /api/company/organization"]).toBe(2);
      await stack.destroy();
    } finally {
      stack.dispose();
    }
  });

  it("that the token cannot see, unknown or someone else's, are refused at preview with no operator request", async () => {
    const token = "token-of-customer-support-only";
    emulator.grantToken(token, [24]);
    const stack = await chathubStack(emulator, "org-refused", operatorsProgram([]), { token });
    try {
      for (const [resource, organizationId] of [
        ["unknown-org", 999],
        ["other-company", 25],
      ] as const) {
        stack.writeProgram(
          operatorsProgram([
            { key: "fine", organizationId: 24, name: "John Doe" },
            { key: resource, organizationId, name: "Alex Brown" },
          ]),
        );
        emulator.resetCounters();
        const preview = await stack.run(["preview"]);
        expect(preview.code).not.toBe(0);
        expect(preview.stdout + preview.stderr).toContain(
          `chathub:Operator (${resource}):\n    error: pulumi-nodejs:dynamic/chathub:Operator resource '${resource}': ` +
            `property organizationId value {${organizationId}} has a problem: organization ${organizationId} is not one ` +
            "the company credentials can see (it does not exist, or belongs to another company). " +
            'Visible organizations: 24 "Customer Support". Use one of these ids, or look one up by name with getOrganization({ name })',
        );
        if (organizationId === 999)
          expectSampleIn(preview.stdout + preview.stderr, "operator-organization-not-visible");
        // One organization list for the whole deployment, and nothing else.
        expect(emulator.counters().byRoute["GET /api/company/organization"]).toBe(1);
        expect(emulator.counters().total).toBe(1);
      }
      expect(emulator.operators(24).some((operator) => operator.name === "John Doe")).toBe(false);
    } finally {
      stack.dispose();
    }
  });
});

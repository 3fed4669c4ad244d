import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ChatHubOperatorRoster } from "../../../src/resources/roster";

// The real reference loads the provider with a CommonJS require that vitest cannot resolve;
// resources are mocked here anyway, so a stand-in provider will do.
vi.mock("../../../src/resources/operator-provider-reference", () => ({
  operatorProviderReference: { create: async () => ({ id: "unused" }) },
}));

interface Registered {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}

const registered: Registered[] = [];
let nextOperatorId = 100;

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs });
        if (!args.type.includes("chathub:Operator")) return { id: `${args.name}_id`, state: args.inputs };
        nextOperatorId += 1;
        return {
          id: `${args.inputs.organizationId}/${nextOperatorId}`,
          state: { ...args.inputs, operatorId: nextOperatorId, status: args.inputs.status ?? "active" },
        };
      },
      call: (args) => args.inputs,
    },
    "project",
    "stack",
    false,
  );
});

beforeEach(() => {
  registered.length = 0;
});

function resolved<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}

const operators = () => registered.filter((r) => r.type.includes("chathub:Operator"));

describe("ChatHubOperatorRoster", () => {
  it("declares one operator per entry, named after the roster and the entry's key, as its children", async () => {
    const roster = new ChatHubOperatorRoster("support", {
      organizationId: 24,
      adopt: true,
      operators: [
        { name: "Alex Brown" },
        { name: "Emma Davis", status: "inactive", key: "emma" },
        { name: " Nguyễn Văn An ", import: "24/104" },
      ],
    });
    expect(Object.keys(roster.operators)).toEqual(["alex-brown", "emma", "nguyễn-văn-an"]);
    const ids = await resolved(roster.operatorIds);
    expect(Object.keys(ids)).toEqual(["alex-brown", "emma", "nguyễn-văn-an"]);
    expect(await resolved(roster.counts)).toEqual({ total: 3, active: 2, inactive: 1 });

    expect(registered.find((r) => r.type === "chathub:index:OperatorRoster")?.name).toBe("support");
    expect(operators().map((r) => r.name)).toEqual([
      "support-alex-brown",
      "support-emma",
      "support-nguyễn-văn-an",
    ]);
    const [alex, emma, an] = operators().map((r) => r.inputs);
    expect(alex).toMatchObject({ organizationId: 24, name: "Alex Brown", status: "active", adopt: true });
    expect(alex).not.toHaveProperty("importFrom");
    expect(emma).toMatchObject({ name: "Emma Davis", status: "inactive" });
    // The entry's import becomes the operator's `import` option, which ChatHubOperator hands to its provider.
    expect(an).toMatchObject({ name: "Nguyễn Văn An", importFrom: "24/104" });
    const parentUrn = await resolved(roster.urn);
    const childUrn = await resolved(roster.operators.emma?.urn as pulumi.Output<string>);
    expect(childUrn).toBe(
      parentUrn.replace(/::support$/, "$pulumi-nodejs:dynamic/chathub:Operator::support-emma"),
    );
  });

  it("reads a YAML or CSV file relative to the working directory (the folder Pulumi runs the program in)", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "roster-resource-"));
    writeFileSync(path.join(dir, "team.csv"), "name,status\nAlex Brown,\nEmma Davis,inactive\n");
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const roster = new ChatHubOperatorRoster("team", { organizationId: 24, file: "team.csv" });
      expect(await resolved(roster.counts)).toEqual({ total: 2, active: 1, inactive: 1 });
    } finally {
      process.chdir(cwd);
    }
    expect(operators().map((r) => r.name)).toEqual(["team-alex-brown", "team-emma-davis"]);
  });

  it("refuses a bad roster before declaring anything, with every offender, as a RunError", () => {
    const build = () =>
      new ChatHubOperatorRoster("support", {
        organizationId: 24,
        operators: [
          { name: "Alex Brown" },
          { name: "Emma Davis", key: "emma" },
          { name: "Emma Stone", key: "emma" },
          { name: "alex brown" },
          { name: "Bo", status: "away" as "active" },
        ],
      });
    expect(build).toThrow(pulumi.RunError);
    expect(build).toThrow(
      'roster "support": 2 problems:\n' +
        '  - entry 5 ("Bo"): status must be "active" or "inactive" (to delete an operator, remove its entry)\n' +
        '  - duplicate operators: "Alex Brown" (entries 1 and 4), key "emma" (entries 2 and 3). ',
    );
    expect(registered).toEqual([]);
  });

  it.each([
    [{ organizationId: 24 }, /roster "r": give the operators, either inline .* or as a file/],
    [
      { organizationId: 24, operators: [], file: "x.yaml" },
      /roster "r": give either operators or file, not both/,
    ],
    [{ organizationId: 0, operators: [] }, /roster "r": organizationId must be a positive id/],
    [
      { organizationId: 24, operators: [{ name: "A", import: "25/1" }] },
      /entry 1 \("A"\): import "25\/1" names organization 25, but organizationId is 24/,
    ],
  ])("refuses roster arguments that cannot work (%#)", (args, message) => {
    expect(() => new ChatHubOperatorRoster("r", args as never)).toThrow(message);
  });

  it("accepts an organizationId that is an Output, leaving its check to the provider", async () => {
    const roster = new ChatHubOperatorRoster("later", {
      organizationId: pulumi.output(24),
      operators: [{ name: "Alex Brown", import: "24/104" }],
    });
    expect(await resolved(roster.counts)).toEqual({ total: 1, active: 1, inactive: 0 });
  });
});

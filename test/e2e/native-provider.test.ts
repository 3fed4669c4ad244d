import { readFileSync } from "node:fs";
import path from "node:path";
import { type RunningEmulator, startEmulator } from "pulumi-chathub-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectSuccess } from "./harness/pulumi-cli";
import { NATIVE } from "./support/adapters";
import { chathubStack } from "./support/chathub-stack";

// What only the native provider offers, through the real CLI with Pulumi YAML programs: `pulumi
// import` from the command line, explicit providers for two companies in one stack, warnings
// attributed to the resource through the engine, and bad input refused at preview with no write.
// The behaviour it shares with the dynamic resources is tested by the suites that take ADAPTERS.

const COMPANY_A = "company-a-token";
const COMPANY_B = "company-b-token";

describe("the native chathub provider", () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, tokens: { [COMPANY_A]: [24], [COMPANY_B]: [25] } });
  });
  afterAll(() => emulator.close());
  const alive = (organizationId: number) => emulator.operators(organizationId).filter((o) => o.status !== 2);

  it("imports an organization and an operator from the CLI, printing code that previews with no changes", async () => {
    const stack = await chathubStack(
      emulator,
      "native-import",
      { yaml: "resources: {}\n" },
      { token: COMPANY_A },
    );
    try {
      const live = alive(24);
      const roster = expectSuccess(
        await stack.run([
          "import",
          "chathub:index:OrganizationRoster",
          "support",
          "24",
          "--yes",
          "--out",
          "roster.yaml",
        ]),
      );
      expect(roster.stdout).toMatch(/= +1 imported/);
      const rosterCode = readFileSync(path.join(stack.dir, "roster.yaml"), "utf8");
      for (const operator of live) expect(rosterCode).toContain(operator.name);
      expect(rosterCode).toMatch(/unmanaged: ignore/);

      const alex = emulator.addOperator({ organizationId: 24, name: "Alex Brown" });
      expectSuccess(
        await stack.run([
          "import",
          "chathub:index:Operator",
          "alex",
          `24/${alex.id}`,
          "--yes",
          "--out",
          "alex.yaml",
        ]),
      );
      const alexCode = readFileSync(path.join(stack.dir, "alex.yaml"), "utf8");
      expect(alexCode).toMatch(/type: chathub:(index:)?Operator/);
      expect(alexCode).toContain("Alex Brown");

      // A program holding the printed code: nothing to do. (Alex is now both in the roster's
      // organization and an Operator of his own: the roster took everyone live at its import.)
      const program = [rosterCode, alexCode.replace(/^resources:\n/, "")].join("");
      stack.writeYamlProgram(program);
      const plan = await stack.previewPlan("--expect-no-changes");
      expect(Object.keys(plan.changeSummary)).toEqual(["same"]);
    } finally {
      stack.dispose();
    }
  });

  it("manages two companies in one stack with an explicit provider, each with its own credentials", async () => {
    const yaml = `config:
  companyBToken:
    type: string
resources:
  companyB:
    type: pulumi:providers:chathub
    properties:
      token: \${companyBToken}
      baseUrl: ${emulator.url}
  support:
    type: chathub:index:OrganizationRoster
    properties: {"organizationId": 24, "unmanaged": "ignore", "operators": [{"name": "Nina North"}]}
  sales:
    type: chathub:index:Operator
    properties: {"organizationId": 25, "name": "Sam South"}
    options:
      provider: \${companyB}
`;
    const stack = await chathubStack(
      emulator,
      "native-companies",
      { yaml },
      {
        token: COMPANY_A,
        secrets: { companyBToken: COMPANY_B },
      },
    );
    try {
      const up = await stack.up();
      expect(alive(24).map((o) => o.name)).toContain("Nina North");
      expect(alive(25).map((o) => o.name)).toContain("Sam South");
      const plan = await stack.previewPlan("--refresh", "--expect-no-changes");
      expect(Object.keys(plan.changeSummary)).toEqual(["same"]);
      for (const text of [up.stdout, up.stderr, stack.stateFileText()]) {
        expect(text).not.toContain(COMPANY_A);
        expect(text).not.toContain(COMPANY_B);
      }

      // Without the explicit provider, company A's credentials cannot see organization 25.
      stack.writeYamlProgram(yaml.replace(/\n {4}options:\n {6}provider: \$\{companyB\}\n/, "\n"));
      const refused = await stack.run(["preview", "--diff"]);
      expect(refused.code).not.toBe(0);
      expect(refused.stdout + refused.stderr).toMatch(
        /organization 25 is not one the company credentials can see/,
      );
      stack.writeYamlProgram(yaml);
      await stack.destroy();
      expect(alive(25).map((o) => o.name)).not.toContain("Sam South");
    } finally {
      stack.dispose();
    }
  });

  it("warns through the engine, on the roster, about the people `unmanaged` will change", async () => {
    const stack = await NATIVE.rosterStack(emulator, "native-warning", {
      organizationId: 24,
      unmanaged: "deactivate",
      operators: [{ name: "John Smith" }],
    });
    await stack.run(["config", "set", "--secret", "chathub:token", COMPANY_A]);
    try {
      const plan = await stack.previewPlan();
      const warning = (plan.diagnostics ?? []).find(
        (d) => d.severity === "warning" && /unmanaged/.test(d.message),
      );
      expect(warning?.message).toMatch(/will deactivate .*"Sarah Johnson" \(102\)/);
      expect(warning?.urn).toMatch(/chathub:index:OrganizationRoster::support$/);
    } finally {
      stack.dispose();
    }
  });

  it("refuses bad input at preview, naming the entry, the property and the fix, with no request to ChatHub", async () => {
    const stack = await NATIVE.rosterStack(emulator, "native-bad-input", {
      organizationId: 24,
      unmanaged: "ignore",
      operators: [{ name: "Ann Lee" }, { name: "ann lee" }, { name: "Bo Chen", status: "gone" }],
    });
    await stack.run(["config", "set", "--secret", "chathub:token", COMPANY_A]);
    try {
      emulator.resetCounters();
      const result = await stack.run(["preview"]);
      expect(result.code).not.toBe(0);
      const output = result.stdout + result.stderr;
      expect(output).toMatch(/operators: .*entry 3 \("Bo Chen"\): status must be "active" or "inactive"/);
      expect(output).toMatch(/duplicate operators/);
      expect(emulator.counters().byRoute["POST /api/operator/synchronize"]).toBe(0);
      expect(emulator.counters().byRoute["POST /api/operator/status"]).toBe(0);
    } finally {
      stack.dispose();
    }
  });
});

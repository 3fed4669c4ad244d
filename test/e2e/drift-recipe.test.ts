import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type RunningEmulator, startEmulator } from "pulumi-chathub-emulator";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectSampleIn } from "../doc-samples/doc-samples";
import { nativePluginBinDir } from "./harness/native-plugin";
import { expectSuccess } from "./harness/pulumi-cli";
import type { TestStack } from "./harness/test-stack";
import { chathubStack } from "./support/chathub-stack";
import { organizationRosterProgram } from "./support/organization-roster-program";
import { operatorsProgram } from "./support/programs";
import { installCliBin } from "./support/summary-cli";
import { recipeCommand, runStep } from "./support/workflow-steps";

// The nightly drift job of examples/ci/drift.yml, run as the workflow file says (its commands are
// read from the file, so the recipe and this test cannot drift apart): exit 0 on an untouched
// organization for every resource kind; non-zero, naming the person and the change, after a change
// by hand; and under unmanaged: "ignore", the report step names the people added by hand.

const driftCommand = recipeCommand("drift.yml", "drift", "drift");
const unmanagedCommand = recipeCommand("drift.yml", "drift", "unmanaged");
const summaryCommand = recipeCommand("drift.yml", "drift", "summary");
const pluginCommand = recipeCommand("drift.yml", "drift", "plugin");

function operatorRosterProgram(operators: { name: string; status?: string }[]): string {
  return [
    'const { ChatHubOperatorRoster } = require("pulumi-chathub");',
    `const roster = new ChatHubOperatorRoster("support", { organizationId: 24, operators: ${JSON.stringify(operators)} });`,
    "exports.counts = roster.counts;",
    "",
  ].join("\n");
}

describe("the drift recipe (examples/ci/drift.yml)", () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  afterAll(() => emulator.close());

  const liveId = (organizationId: number, name: string) => {
    const found = emulator.operators(organizationId).find((o) => o.name === name && o.status !== 2);
    if (!found) throw new Error(`${name} is not live in organization ${organizationId}`);
    return found.id;
  };

  /** Runs the summary step, which comes first in the job's log, and returns what it printed. */
  async function summaryStep(stack: TestStack): Promise<string> {
    installCliBin(stack.dir); // what the workflow's `npm ci` gives it
    const result = await runStep(stack, summaryCommand);
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    return result.stdout;
  }

  async function expectNoDrift(stack: TestStack): Promise<void> {
    const result = await runStep(stack, driftCommand);
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
  }

  /** Runs the drift command, expects it to report drift as examples/ci/README.md says, and returns what it printed. */
  async function expectDrift(stack: TestStack): Promise<string> {
    const result = await runStep(stack, driftCommand);
    const output = result.stdout + result.stderr;
    expect(result.code, output).toBe(7); // the exit code the recipe's README documents (CLI 3.248)
    expect(output).toContain("error: no changes were expected for preview but changes were proposed");
    return output;
  }

  it("ChatHubOperator: clean, then a status and a deletion by hand, each named", async () => {
    const program = operatorsProgram([
      { key: "drift-alex", organizationId: 24, name: "Drift Alex" },
      { key: "drift-emma", organizationId: 24, name: "Drift Emma", status: "inactive" },
    ]);
    const stack = await chathubStack(emulator, "drift-operator", program);
    try {
      await stack.up();
      await expectNoDrift(stack);

      emulator.setOperatorStatus(liveId(24, "Drift Emma"), 0);
      const statusDrift = await expectDrift(stack);
      expect(statusDrift).toMatch(/drift-emma/);
      expect(statusDrift).toMatch(/~ status\s*: "active" => "inactive"/);
      expectSampleIn(statusDrift, "ci-drift-operator-status");
      expect(await summaryStep(stack)).toContain(
        "Customer Support (organization 24)\n  Deactivated (1): Drift Emma\n\nTotals: 1 deactivated, in 1 organization.\n",
      );
      // The recipe only reads: the state still holds what the last `up` recorded.
      expect((await stack.run(["preview", "--expect-no-changes"])).code).toBe(0);
      await stack.up("--refresh");
      await expectNoDrift(stack);

      emulator.setOperatorStatus(liveId(24, "Drift Alex"), 2);
      const deletion = await expectDrift(stack);
      expect(deletion).toMatch(/\+ .*chathub:Operator: \(create\)/);
      expect(deletion).toMatch(/name\s*: "Drift Alex"/);
      await stack.up("--refresh");
      await expectNoDrift(stack);
      await stack.destroy();
    } finally {
      stack.dispose();
    }
  });

  it("ChatHubOperatorRoster: clean, then a status and a deletion by hand, each named", async () => {
    const operators = [{ name: "Roster Liam" }, { name: "Roster Noah", status: "inactive" }];
    const stack = await chathubStack(emulator, "drift-roster", operatorRosterProgram(operators));
    try {
      await stack.up();
      await expectNoDrift(stack);

      emulator.setOperatorStatus(liveId(24, "Roster Liam"), 1);
      const statusDrift = await expectDrift(stack);
      expect(statusDrift).toMatch(/support-roster-liam/);
      expect(statusDrift).toMatch(/~ status\s*: "inactive" => "active"/);
      await stack.up("--refresh");
      await expectNoDrift(stack);

      emulator.setOperatorStatus(liveId(24, "Roster Noah"), 2);
      const deletion = await expectDrift(stack);
      expect(deletion).toMatch(/\+ .*chathub:Operator: \(create\)/);
      expect(deletion).toMatch(/name\s*: "Roster Noah"/);
      await stack.up("--refresh");
      await expectNoDrift(stack);
      await stack.destroy();
    } finally {
      stack.dispose();
    }
  });

  it("ChatHubOrganizationRoster: status, deletion and addition by hand named; under ignore, the report names who was added", async () => {
    const operators = [{ name: "Org Priya" }, { name: "Org Omar", status: "inactive" }];
    const roster = (unmanaged: string) =>
      organizationRosterProgram({ organizationId: 25, operators, unmanaged });
    const stack = await chathubStack(emulator, "drift-org-roster", roster("deactivate"));
    try {
      await stack.up();
      await expectNoDrift(stack);

      emulator.setOperatorStatus(liveId(25, "Org Omar"), 0);
      const statusDrift = await expectDrift(stack);
      expect(statusDrift).toMatch(
        /org-omar\s*: \{\s*name\s*: "Org Omar"\s*~ status\s*: "active" => "inactive"/,
      );
      expectSampleIn(statusDrift, "ci-drift-organization-roster-status");
      await stack.up("--refresh");
      await expectNoDrift(stack);

      emulator.setOperatorStatus(liveId(25, "Org Priya"), 2);
      const deletion = await expectDrift(stack);
      expect(deletion).toMatch(/\+ org-priya\s*: \{\s*\+ name\s*: "Org Priya"/);
      await stack.up("--refresh");
      await expectNoDrift(stack);

      const mallory = emulator.addOperator({ organizationId: 25, name: "Mallory Byhand" });
      const addition = await expectDrift(stack);
      expect(addition).toMatch(
        new RegExp(
          `unmanaged #${mallory.id}\\s*: \\{\\s*name\\s*: "Mallory Byhand"\\s*~ status\\s*: "active" => "inactive"`,
        ),
      );
      expectSampleIn(addition, "ci-drift-organization-roster-added");

      const summary = await summaryStep(stack);
      expectSampleIn(summary, "ci-drift-summary");
      expect(summary).toContain(
        `Organization 25\n  Deactivated by \`unmanaged\` (not in the roster) (1): Mallory Byhand (operator ${mallory.id})\n`,
      );

      // A team that only wants to be told: "ignore" leaves Mallory, and whoever comes next, alone.
      stack.writeProgram(roster("ignore"));
      await stack.up("--refresh");
      const nina = emulator.addOperator({ organizationId: 25, name: "Nina Byhand" });
      await expectNoDrift(stack);
      const report = await runStep(stack, unmanagedCommand);
      expect(report.code, `${report.stdout}\n${report.stderr}`).toBe(0);
      expect(report.stdout).toContain(
        `organization 25 unmanaged: ${mallory.id} Mallory Byhand (active), ${nina.id} Nina Byhand (active)`,
      );
      expectSampleIn(report.stdout, "ci-unmanaged-report");
      expect(emulator.operators(25).find((o) => o.id === nina.id)?.status).toBe(0);
      await stack.destroy();
    } finally {
      stack.dispose();
    }
  });

  it("a YAML program: the recipe's own step puts the plugin on PATH; then clean, and a status by hand named", async () => {
    // A YAML repository depends on pulumi-chathub in a package.json for the plugin and the summary:
    // `npm ci` gives it node_modules/.bin/pulumi-resource-chathub and pulumi-chathub, and nothing
    // else puts the plugin on PATH (the harness's own plugin folder is left out on purpose).
    const yaml = [
      "resources:",
      "  support:",
      "    type: chathub:index:OrganizationRoster",
      `    properties: ${JSON.stringify({ organizationId: 25, operators: [{ name: "Yaml Rita" }], unmanaged: "ignore" })}`,
      "",
    ].join("\n");
    const pathWithoutPlugin = [path.dirname(inject("pulumiBin")), process.env.PATH ?? ""].join(
      path.delimiter,
    );
    const stack = await chathubStack(emulator, "drift-yaml", { yaml }, { env: { PATH: pathWithoutPlugin } });
    try {
      installCliBin(stack.dir);
      const bin = path.join(stack.dir, "node_modules/.bin");
      copyFileSync(
        path.join(nativePluginBinDir(), "pulumi-resource-chathub"),
        path.join(bin, "pulumi-resource-chathub"),
      );

      // Without the recipe's plugin step, the engine cannot find the plugin, as the README says.
      const missing = await runStep(stack, driftCommand);
      expect(missing.code).not.toBe(0);
      expect(missing.stdout + missing.stderr).toContain(
        "no resource plugin 'pulumi-resource-chathub' found in the workspace or on your $PATH",
      );

      // The step, as GitHub runs it: what it appends to $GITHUB_PATH comes first on PATH after it.
      const githubPath = path.join(stack.dir, "github-path");
      writeFileSync(githubPath, "");
      const added = await runStep(stack, pluginCommand, { ...stack.env, GITHUB_PATH: githubPath });
      expect(added.code, added.stderr).toBe(0);
      const prepended = readFileSync(githubPath, "utf8").split("\n").filter(Boolean).reverse();
      expect(prepended).toEqual([bin]);
      const env = { ...stack.env, PATH: [...prepended, stack.env.PATH].join(path.delimiter) };

      expectSuccess(await runStep(stack, "pulumi up --yes --skip-preview", env));
      const clean = await runStep(stack, driftCommand, env);
      expect(clean.code, clean.stdout + clean.stderr).toBe(0);

      emulator.setOperatorStatus(liveId(25, "Yaml Rita"), 1);
      const drift = await runStep(stack, driftCommand, env);
      expect(drift.code, drift.stdout + drift.stderr).toBe(7);
      expect(drift.stdout).toMatch(
        /key\s*: "yaml-rita"\s*name\s*: "Yaml Rita"\s*~ status\s*: "inactive" => "active"/,
      );
      const summary = await runStep(stack, summaryCommand, env);
      expect(summary.code, summary.stderr).toBe(0);
      expect(summary.stdout).toContain("Reactivated (1): Yaml Rita");
      expectSuccess(await runStep(stack, "pulumi destroy --yes --skip-preview", env));
    } finally {
      stack.dispose();
    }
  });
});

import { type RunningEmulator, startEmulator } from "pulumi-chathub-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectSampleIn } from "../doc-samples/doc-samples";
import type { CliResult } from "./harness/pulumi-cli";
import type { TestStack } from "./harness/test-stack";
import { chathubStack } from "./support/chathub-stack";
import { installCliBin, runSummary } from "./support/summary-cli";
import { recipeCommand, runStep } from "./support/workflow-steps";

// Dated entries through both recipes, the clock injected with CHATHUB_NOW (never a sleep): the
// daily `up` of examples/ci/scheduled-up.yml applies what a date changes, and the drift job of
// examples/ci/drift.yml does not report a date that passed since as drift. Each step's command is
// read from its workflow file, so the recipes and this test cannot drift apart.

const scheduledUp = recipeCommand("scheduled-up.yml", "up", "up");
const drift = recipeCommand("drift.yml", "drift", "drift");
const driftSummary = recipeCommand("drift.yml", "drift", "summary");

/** Runs a workflow step at the moment `now`, as a runner would then. */
function runStepAt(stack: TestStack, command: string, now: string): Promise<CliResult> {
  return runStep(stack, command, { ...stack.env, CHATHUB_NOW: now });
}

// Twelve seasonal agents end on 2026-12-09, with Ana: more than the default removal budget (10).
const seasonal = Array.from({ length: 12 }, (_, index) => ({
  name: `Seasonal ${index + 1}`,
  activeUntil: "2026-12-09",
}));

const program = [
  'const { ChatHubOperator, ChatHubOrganizationRoster } = require("pulumi-chathub");',
  `const dated = new ChatHubOrganizationRoster("dated", ${JSON.stringify({
    organizationId: 24,
    unmanaged: "ignore",
    timeZone: "UTC",
    operators: [
      { name: "Dated Ana", activeUntil: "2026-12-09" },
      { name: "Dated Bo", activeFrom: "2026-12-11" },
      { name: "Dated Cy" },
      ...seasonal,
    ],
  })});`,
  // After the roster, so that the two resources' messages come in one order (the docs' sample).
  'new ChatHubOperator("dee", { organizationId: 25, name: "Dated Dee", activeFrom: "2026-12-11", timeZone: "Europe/Kyiv" }, { dependsOn: [dated] });',
  "",
].join("\n");

describe("dated entries through the scheduled up and the drift recipes", () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  afterAll(() => emulator.close());

  const statusOf = (organizationId: number, name: string) =>
    emulator.operators(organizationId).find((o) => o.name === name && o.status !== 2)?.status;

  async function expectStep(stack: TestStack, command: string, now: string): Promise<string> {
    const result = await runStepAt(stack, command, now);
    const output = result.stdout + result.stderr;
    expect(result.code, output).toBe(0);
    return output;
  }

  it("deactivates on the day after activeUntil, activates on activeFrom, and calls neither drift", async () => {
    const stack = await chathubStack(emulator, "dated-recipes", program);
    try {
      // 2026-12-09: Ana and the seasonal agents work their last day; Bo and Dee start on the 11th.
      const first = await expectStep(stack, scheduledUp, "2026-12-09T00:16:00Z");
      expect(statusOf(24, "Dated Ana")).toBe(0);
      expect(statusOf(24, "Seasonal 12")).toBe(0);
      expect(statusOf(24, "Dated Bo")).toBe(1); // created inactive, not left out
      expect(statusOf(25, "Dated Dee")).toBe(1);
      expect(first).toContain('"Dated Bo" (dated-bo): inactive until 2026-12-11: activeFrom not reached');
      expect(first).toContain('"Dated Dee": inactive until 2026-12-11: activeFrom not reached');
      expectSampleIn(first, "dated-entries-first-run");
      await expectStep(stack, drift, "2026-12-09T05:17:00Z");

      // Past midnight the 10th, before the scheduled up: Ana's date passed, and that is not drift,
      // in the job's summary either; it lists what the coming days' scheduled ups will apply.
      installCliBin(stack.dir);
      const nightSummary = await expectStep(stack, driftSummary, "2026-12-10T00:05:00Z");
      expect(nightSummary).not.toContain("Deactivated");
      expect(nightSummary).toContain(
        "Dated changes due in the next 7 days (14): Dated Ana (inactive from 2026-12-10: activeUntil 2026-12-09), Seasonal 1 (inactive from 2026-12-10: activeUntil 2026-12-09),",
      );
      expect(nightSummary).toContain(
        "Seasonal 9 (inactive from 2026-12-10: activeUntil 2026-12-09), Dated Bo (window opens 2026-12-11: activeFrom)\n",
      );
      expect(nightSummary).toMatch(
        /organization 25\)\n {2}Dated changes due in the next 7 days \(1\): Dated Dee \(window opens 2026-12-11: activeFrom\)\n/i,
      );
      expectSampleIn(nightSummary, "summary-dated-due");
      await expectStep(stack, drift, "2026-12-10T00:05:00Z");
      expect(statusOf(24, "Dated Ana")).toBe(0);

      // What the pull-request comment would say of the scheduled up of the 10th: each person by
      // name, shown as dated.
      const atUp = { ...stack.env, CHATHUB_NOW: "2026-12-10T00:15:30Z" };
      const preview = await stack.run(["preview", "--json"], { env: atUp });
      expect(preview.code, preview.stderr).toBe(0);
      const comment = await runSummary(["--format", "text", "-"], preview.stdout, atUp);
      expect(comment.stdout).toContain(
        "  Deactivated (13): Dated Ana (dated: inactive from 2026-12-10: activeUntil passed), Seasonal 1 (dated: inactive from 2026-12-10: activeUntil passed),",
      );
      expect(comment.stdout).toContain(
        "Dated changes due in the next 7 days (1): Dated Bo (window opens 2026-12-11: activeFrom)",
      );
      // Dated deactivations are outside the removal budget, and the summary says so.
      expect(comment.stdout).toContain(
        "Removal budget of roster dated: 0 of 10 used (the default: 10 people or 10% of its 18 live operators, whichever is larger); not counted: 13 people whose dates take them out of service",
      );

      // The scheduled up of the 10th: 13 people out of service at once, over the default budget
      // of 10, and no maxRemovals needed: their dates are the decision.
      const second = await expectStep(stack, scheduledUp, "2026-12-10T00:15:30Z");
      expect(second).toContain('"Dated Ana" (dated-ana): inactive from 2026-12-10: activeUntil passed');
      expect(statusOf(24, "Dated Ana")).toBe(1);
      expect(statusOf(24, "Seasonal 12")).toBe(1);
      expect(statusOf(24, "Dated Cy")).toBe(0);
      await expectStep(stack, drift, "2026-12-10T05:17:00Z");

      // The 11th: Bo starts (UTC), and Dee, whose day in Kyiv began at 22:00 UTC on the 10th.
      const third = await expectStep(stack, scheduledUp, "2026-12-11T00:15:30Z");
      expect(third).toContain('"Dated Bo" (dated-bo): active from 2026-12-11: activeFrom reached');
      expect(statusOf(24, "Dated Bo")).toBe(0);
      expect(statusOf(25, "Dated Dee")).toBe(0);
      expect(statusOf(24, "Dated Ana")).toBe(1); // never deleted
      await expectStep(stack, drift, "2026-12-11T05:17:00Z");

      // A change by hand is still drift on a dated roster.
      const ana = emulator.operators(24).find((o) => o.name === "Dated Ana" && o.status !== 2);
      emulator.setOperatorStatus(ana?.id as number, 0);
      const handMade = await runStepAt(stack, drift, "2026-12-11T05:17:00Z");
      expect(handMade.code, handMade.stdout + handMade.stderr).not.toBe(0);
      expect(handMade.stdout).toMatch(/dated-ana\s*: \{[^}]*~ status\s*: "active" => "inactive"/);
      await stack.destroy();
    } finally {
      stack.dispose();
    }
  });
});

import { type RunningEmulator, startEmulator } from "pulumi-chathub-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectSuccess } from "./harness/pulumi-cli";
import { stepsFor } from "./harness/test-stack";
import { chathubStack } from "./support/chathub-stack";
import { ORGANIZATION_ROSTER_TYPE, organizationRosterProgram } from "./support/organization-roster-program";

// The README's migration from ChatHubOperatorRoster to ChatHubOrganizationRoster, step by step:
// ChatHub sees no write at all (no synchronize, no status call), and the ids stay the same.
describe("moving an organization from ChatHubOperatorRoster to ChatHubOrganizationRoster", () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  afterAll(() => emulator.close());

  const writes = () =>
    (emulator.counters().byRoute["POST /api/operator/synchronize"] ?? 0) +
    (emulator.counters().byRoute["POST /api/operator/status"] ?? 0);

  it("causes zero writes to ChatHub", async () => {
    const operators = [{ name: "Alex Brown" }, { name: "Emma Davis", status: "inactive", key: "emma" }];
    const additive = [
      'const { ChatHubOperatorRoster } = require("pulumi-chathub");',
      `new ChatHubOperatorRoster("support", { organizationId: 24, operators: ${JSON.stringify(operators)} });`,
      "",
    ].join("\n");
    const stack = await chathubStack(emulator, "org-roster-migration", additive);
    try {
      await stack.up();
      const before = emulator.operators(24);
      const ids = Object.fromEntries(before.map((o) => [o.name, o.id]));

      emulator.resetCounters();
      // 1. Forget the old roster and its operators in the state only: nothing is sent to ChatHub.
      const { resources } = await stack.exportState();
      const component = resources.find((r) => r.type === "chathub:index:OperatorRoster");
      expectSuccess(
        await stack.run(["state", "delete", component?.urn as string, "--target-dependents", "--yes"]),
      );
      // 2. The same entries in a ChatHubOrganizationRoster, unmanaged: "ignore" to begin with.
      stack.writeProgram(organizationRosterProgram({ organizationId: 24, operators, unmanaged: "ignore" }));
      const plan = await stack.previewPlan();
      expect(stepsFor(plan, ORGANIZATION_ROSTER_TYPE)).toEqual(["create support"]);
      expect(plan.steps.filter((s) => s.op === "delete")).toEqual([]);
      // 3. up adopts every operator by name.
      await stack.up();
      expect(writes()).toBe(0);
      expect(emulator.operators(24)).toEqual(before);
      expect((await stack.outputs()).operatorIds).toEqual({
        "alex-brown": ids["Alex Brown"],
        emma: ids["Emma Davis"],
      });
      expect((await stack.previewPlan("--refresh", "--expect-no-changes")).changeSummary).toEqual({
        same: 2,
      });
      expect(writes()).toBe(0);
    } finally {
      stack.dispose();
    }
  });
});

import { type RunningEmulator, startEmulator } from "pulumi-chathub-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectSampleIn } from "../doc-samples/doc-samples";
import type { CliResult } from "./harness/pulumi-cli";
import { ADAPTERS, DYNAMIC } from "./support/adapters";

// The removal budget of ChatHubOrganizationRoster (issue 18) through the real CLI, one stack
// reused across the steps: a truncated roster file is stopped at preview (from the state) and at
// up (from the live list), with zero writes either way, until maxRemovals allows it.
describe.each(ADAPTERS)("organization roster removal budget ($title)", (adapter) => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    emulator.addOrganization({ id: 30, name: "Reorganised" });
    emulator.addOrganization({ id: 31, name: "Walk-ins" });
  });
  afterAll(() => emulator.close());

  const alive = (organizationId: number) => emulator.operators(organizationId).filter((o) => o.status !== 2);
  const active = (organizationId: number) => emulator.operators(organizationId).filter((o) => o.status === 0);
  const writes = () => {
    const byRoute = emulator.counters().byRoute;
    return (byRoute["POST /api/operator/synchronize"] ?? 0) + (byRoute["POST /api/operator/status"] ?? 0);
  };
  const failed = (run: CliResult) => {
    expect(run.code).not.toBe(0);
    return run.stdout + run.stderr;
  };
  const agents = (count: number) =>
    `operators:\n${Array.from({ length: count }, (_, i) => `  - name: Agent ${String(i + 1).padStart(2, "0")}\n`).join("")}`;
  const reorg = (more: Record<string, unknown> = {}) => ({
    organizationId: 30,
    file: "roster.yaml",
    unmanaged: "ignore",
    ...more,
  });

  it("stops 40 removals of 50 at preview and at up, lets a raised maxRemovals through, and counts the unmanaged", async () => {
    const stack = await adapter.rostersStack(emulator, "removal-budget", {
      reorg: reorg({ maxRemovals: -1 }),
    });
    try {
      stack.writeFile("roster.yaml", agents(50));
      // A budget that is not one fails the preview, saying what it must be, and sends nothing.
      emulator.resetCounters();
      const bad = failed(await stack.run(["preview"]));
      expect(bad).toContain(
        'maxRemovals must be a whole number of people, 0 or more, or "unlimited" (got -1)',
      );
      expect(emulator.counters().total).toBe(0);

      adapter.writeRosters(stack, { reorg: reorg() });
      await stack.up();
      expect(alive(30)).toHaveLength(50);

      // A bad merge truncates the file to 10 people: the preview fails, naming the first of the 40.
      stack.writeFile("roster.yaml", agents(10));
      emulator.resetCounters();
      const preview = failed(await stack.run(["preview", "--refresh"]));
      expect(preview).toContain(
        "Roster of organization 30 would take 40 people out of service in one deployment, more than the default removal budget of 10",
      );
      expect(preview).toContain('delete "Agent 11"');
      expect(preview).toContain('set maxRemovals: 40 on this roster (or "unlimited" to turn the budget off)');
      if (adapter === DYNAMIC) expectSampleIn(preview, "removal-budget-preview");
      // ...and so does an up that skips the preview, before any write.
      failed(await stack.run(["up", "--yes", "--skip-preview"]));
      expect(writes()).toBe(0);
      expect(alive(30)).toHaveLength(50);

      // A deliberate reorganisation says so.
      adapter.writeRosters(stack, { reorg: reorg({ maxRemovals: 40 }) });
      await stack.up();
      expect(alive(30).map((o) => o.name)).toEqual(agents(10).match(/Agent \d+/g));

      // 15 people added by hand since the last refresh, then unmanaged switched to "deactivate":
      // the state cannot show them, the live list at up does (the default budget is 10 of 25).
      for (let i = 1; i <= 15; i++) emulator.addOperator({ organizationId: 30, name: `Hired ${i}` });
      adapter.writeRosters(stack, { reorg: reorg({ unmanaged: "deactivate" }) });
      emulator.resetCounters();
      const up = failed(await stack.run(["up", "--yes", "--skip-preview"]));
      expect(up).toContain("would take 15 people out of service");
      expect(up).toContain('deactivate "Hired 1" (operator');
      if (adapter === DYNAMIC) expectSampleIn(up, "removal-budget-up");
      expect(writes()).toBe(0);
      expect(active(30)).toHaveLength(25);

      // The first adoption of an organization under "deactivate" counts everyone it would deactivate.
      for (let i = 1; i <= 12; i++) emulator.addOperator({ organizationId: 31, name: `Walk In ${i}` });
      const sales = { organizationId: 31, operators: [{ name: "Walk In 1" }], unmanaged: "deactivate" };
      adapter.writeRosters(stack, { reorg: reorg(), sales });
      const adoption = failed(await stack.run(["preview"]));
      expect(adoption).toContain("Roster of organization 31 would take 11 people out of service");
      expect(adoption).toContain('deactivate "Walk In 2" (operator');
      expect(writes()).toBe(0);
      adapter.writeRosters(stack, { reorg: reorg(), sales: { ...sales, maxRemovals: "unlimited" } });
      await stack.up();
      expect(active(31).map((o) => o.name)).toEqual(["Walk In 1"]);
    } finally {
      stack.dispose();
    }
  });
});

import { type EmulatorBehaviour, type RunningEmulator, startEmulator } from "pulumi-chathub-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectSuccess } from "./harness/pulumi-cli";
import type { PreviewPlan } from "./harness/test-stack";
import { type Adapter, DYNAMIC, NATIVE } from "./support/adapters";

// ChatHubOrganizationRoster through the real CLI, one stack reused across the steps, under each
// answer to the open questions that changes what the provider sees (deleted operators listed or
// hidden; synchronize with an existing name making a duplicate or reusing it).
const variants: { title: string; behaviour: Partial<EmulatorBehaviour> }[] = [
  {
    title: "deleted hidden, duplicate names allowed",
    behaviour: { listDeleted: "hide", duplicateNames: "allow" },
  },
  {
    title: "deleted listed, same-name operators reused",
    behaviour: { listDeleted: "show", duplicateNames: "reuse" },
  },
];

// Both adapters from this one source: the dynamic resource under both answers, the native one
// (a YAML program) under the first; the core they share is the same under either.
const cases: { adapter: Adapter; title: string; behaviour: Partial<EmulatorBehaviour> }[] = [
  ...variants.map((variant) => ({ adapter: DYNAMIC, ...variant })),
  { adapter: NATIVE, ...(variants[0] as (typeof variants)[number]) },
];

/** Nothing to do: every resource (the stack, the roster, a default provider) the same. */
const onlySame = (plan: PreviewPlan) => Object.keys(plan.changeSummary).every((op) => op === "same");

describe.each(cases)("organization roster, $adapter.title ($title)", ({ adapter, behaviour }) => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, behaviour });
  });
  afterAll(() => emulator.close());

  const alive = () => emulator.operators(24).filter((o) => o.status !== 2);
  const named = (name: string) => alive().filter((o) => o.name.toLowerCase() === name.toLowerCase());
  const requests = (route: string) => emulator.counters().byRoute[route] ?? 0;
  const SYNC = "POST /api/operator/synchronize";
  const STATUS = "POST /api/operator/status";
  const LIST = "GET /api/operator";

  it("adopts, converges, catches people added by hand, repairs drift and destroys", async () => {
    const roster = [
      { name: "john smith" }, // adopted: live as "John Smith" (101)
      { key: "alex", name: "Alex Brown" },
      { name: "Emma Davis", status: "inactive" },
    ];
    const program = (unmanaged: string, operators: unknown[] = roster) => ({
      organizationId: 24,
      operators,
      unmanaged,
    });
    const stack = await adapter.rosterStack(emulator, "org-roster", program("ignore"));
    try {
      // First up: John adopted (no duplicate), two created in one synchronize, the rest reported.
      emulator.resetCounters();
      await stack.up();
      expect(named("John Smith")).toMatchObject([{ id: 101, status: 0 }]);
      expect(named("Alex Brown")).toMatchObject([{ status: 0 }]);
      expect(named("Emma Davis")).toMatchObject([{ status: 1 }]);
      expect(requests(SYNC)).toBe(1);
      const outputs = await stack.outputs();
      expect(outputs.operatorIds).toEqual({
        "john-smith": 101,
        alex: named("Alex Brown")[0]?.id,
        "emma-davis": named("Emma Davis")[0]?.id,
      });
      expect(outputs.counts).toEqual({ total: 3, active: 2, inactive: 1 });
      expect(outputs.unmanagedOperators).toEqual([
        { id: 102, name: "Sarah Johnson", status: "active" },
        { id: 103, name: "Mike Wilson", status: "inactive" },
      ]);
      expect((await stack.resourcesOfType(adapter.rosterType)).map((r) => r.id)).toEqual(["24"]);
      expect(onlySame(await stack.previewPlan("--expect-no-changes"))).toBe(true);

      // Someone added by hand: under "ignore" a refresh reports them and changes nothing.
      const mallory = emulator.addOperator({ organizationId: 24, name: "Mallory Intruder" });
      emulator.resetCounters();
      await stack.refresh();
      expect(requests(LIST)).toBeLessThanOrEqual(2);
      // (stack outputs change only at `up`; the resource's own state is what refresh updates)
      const [refreshed] = await stack.resourcesOfType(adapter.rosterType);
      expect(refreshed?.outputs?.unmanagedOperators).toContainEqual({
        id: mallory.id,
        name: "Mallory Intruder",
        status: "active",
      });
      expect(onlySame(await stack.previewPlan("--refresh", "--expect-no-changes"))).toBe(true);

      // "deactivate": preview --refresh --diff names each person and what happens to them.
      adapter.writeRoster(stack, program("deactivate"));
      const preview = expectSuccess(await stack.run(["preview", "--refresh", "--diff"]));
      expect(preview.stdout).toContain("Mallory Intruder");
      expect(preview.stdout).toMatch(adapter.unmanagedDeactivated(mallory.id, "Mallory Intruder"));
      expect(preview.stdout).toMatch(adapter.unmanagedDeactivated(102, "Sarah Johnson"));
      emulator.resetCounters();
      await stack.up();
      expect(requests(STATUS)).toBe(2);
      expect(emulator.operators(24).find((o) => o.id === mallory.id)?.status).toBe(1);
      expect(emulator.operators(24).find((o) => o.id === 102)?.status).toBe(1);
      expect((await stack.outputs()).unmanagedOperators).toContainEqual({
        id: mallory.id,
        name: "Mallory Intruder",
        status: "inactive",
      });
      expect(onlySame(await stack.previewPlan("--refresh", "--expect-no-changes"))).toBe(true);

      // Drift on managed people: a status changed and a deletion by hand, both repaired.
      const alexId = named("Alex Brown")[0]?.id as number;
      emulator.setOperatorStatus(named("Emma Davis")[0]?.id as number, 0);
      emulator.setOperatorStatus(alexId, 2);
      const drift = expectSuccess(await stack.run(["preview", "--refresh", "--diff"]));
      expect(drift.stdout).toMatch(adapter.memberStatus("emma-davis", "Emma Davis", "active", "inactive"));
      expect(drift.stdout).toMatch(adapter.memberAdded("alex", "Alex Brown"));
      await stack.up("--refresh");
      expect(named("Emma Davis")).toMatchObject([{ status: 1 }]);
      expect(named("Alex Brown")).toHaveLength(1);
      expect(named("Alex Brown")[0]?.id).not.toBe(alexId);

      // Roster edits: add, remove, change a status.
      const edited = [
        { name: "john smith", status: "inactive" },
        { name: "Emma Davis", status: "inactive" },
        { name: "Priya Patel" },
      ];
      const alexNow = named("Alex Brown")[0]?.id as number;
      adapter.writeRoster(stack, program("deactivate", edited));
      await stack.up();
      expect(named("John Smith")).toMatchObject([{ id: 101, status: 1 }]);
      expect(named("Priya Patel")).toMatchObject([{ status: 0 }]);
      expect(emulator.operators(24).find((o) => o.id === alexNow)?.status).toBe(2);

      // "delete": the unmanaged people go, and leave unmanagedOperators.
      adapter.writeRoster(stack, program("delete", edited));
      const deleting = expectSuccess(await stack.run(["preview", "--diff"]));
      expect(deleting.stdout).toMatch(adapter.unmanagedDeleted(mallory.id, "Mallory Intruder"));
      await stack.up();
      expect(
        alive()
          .map((o) => o.name)
          .sort(),
      ).toEqual(["Emma Davis", "John Smith", "Priya Patel"]);
      expect((await stack.outputs()).unmanagedOperators).toEqual([]);

      // destroy deletes the managed operators (the adopted one too) and nothing else.
      const other = emulator.addOperator({ organizationId: 25, name: "Sales Person" });
      await stack.destroy();
      expect(alive()).toEqual([]);
      expect(emulator.operators(25).find((o) => o.id === other.id)?.status).toBe(0);
      expect(emulator.checkInvariants()).toEqual([]);
    } finally {
      stack.dispose();
    }
  });
});

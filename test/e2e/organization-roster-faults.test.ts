import { type CallFault, type RunningEmulator, startEmulator } from "pulumi-chathub-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectSuccess } from "./harness/pulumi-cli";
import type { TestStack } from "./harness/test-stack";
import { DYNAMIC, NATIVE } from "./support/adapters";
import { chathubStack } from "./support/chathub-stack";
import { FAULT_VARIANTS, runUntilSuccess } from "./support/fault-profile";
import { organizationRosterProgram } from "./support/organization-roster-program";

// Faults through the real CLI for ChatHubOrganizationRoster: nothing lost, nothing created twice.
//  - 300 operators brought up and destroyed through the fault profile of faults.test.ts (503s,
//    429s, latency spikes, applied synchronize calls whose answer is lost), under both answers to
//    the open questions 1 and 2;
//  - a walk of one failing call through each call boundary of create, update, delete and read: a
//    failed `up` records what was done (a partial result), and `refresh` and `up` converge.

const LIST = "GET /api/operator";
const SYNCHRONIZE = "POST /api/operator/synchronize";
const STATUS = "POST /api/operator/status";

interface Wanted {
  name: string;
  status: "active" | "inactive";
}

const alive = (emulator: RunningEmulator, organizationId: number) =>
  emulator.operators(organizationId).filter((operator) => operator.status !== 2);

/** The organization holds exactly the roster (each person once, with its status) and the state says so. */
async function expectConverged(
  emulator: RunningEmulator,
  stack: TestStack,
  organizationId: number,
  roster: readonly Wanted[],
  rosterType = DYNAMIC.rosterType,
) {
  const names = new Set(roster.map((entry) => entry.name.toLowerCase()));
  const mine = alive(emulator, organizationId).filter((operator) => names.has(operator.name.toLowerCase()));
  expect(mine.map((operator) => operator.name).sort()).toEqual(roster.map((entry) => entry.name).sort());
  for (const entry of roster) {
    const operator = mine.find((candidate) => candidate.name === entry.name);
    expect(operator?.status, entry.name).toBe(entry.status === "inactive" ? 1 : 0);
  }
  const [resource] = await stack.resourcesOfType(rosterType);
  const stateIds = Object.values((resource?.outputs?.operatorIds ?? {}) as Record<string, number>).sort();
  expect(stateIds).toEqual(mine.map((operator) => operator.id).sort());
  expect(emulator.checkInvariants()).toEqual([]);
}

const ROSTER_300: Wanted[] = Array.from({ length: 300 }, (_, index) => ({
  name: `Agent ${String(index + 1).padStart(3, "0")}`,
  status: index % 10 === 9 ? "inactive" : "active",
}));

describe.each(FAULT_VARIANTS)("a roster of 300 through the fault profile ($title)", ({ behaviour }) => {
  const organizationId = 40;
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, behaviour });
    emulator.addOrganization({ id: organizationId, name: "Call Centre" });
  });
  afterAll(() => emulator.close());

  it("converges with every operator once, then destroys them all", async () => {
    const stack = await chathubStack(
      emulator,
      "org-roster-faults",
      organizationRosterProgram({ organizationId, operators: ROSTER_300, unmanaged: "delete" }),
      { config: { "chathub:requestsPerSecond": "10" } },
    );
    try {
      await runUntilSuccess(stack, ["up"], 3);
      const counters = emulator.counters();
      expect(counters.byStatus).toMatchObject({ "503": expect.any(Number), dropped: expect.any(Number) });
      await expectConverged(emulator, stack, organizationId, ROSTER_300);
      expect(alive(emulator, organizationId)).toHaveLength(300);
      expect((await stack.previewPlan("--refresh", "--expect-no-changes")).changeSummary).toEqual({
        same: 2,
      });

      await runUntilSuccess(stack, ["destroy"], 3);
      expect(alive(emulator, organizationId)).toEqual([]);
      expect(emulator.checkInvariants()).toEqual([]);
    } finally {
      stack.dispose();
    }
  });
});

type Operation = "create" | "update" | "delete" | "read";
const boundary = (operation: Operation, route: string, answer: CallFault["answer"], call = 1, times = 1) => ({
  operation,
  fault: { route, call, times, answer } satisfies CallFault,
});

// (A 500 on a list or a synchronize is retried or reconciled within the same `up`: no boundary.)
const WALK = [
  boundary("create", SYNCHRONIZE, "lost-answer"),
  boundary("create", STATUS, 500), // created, its status not set yet: a partial result
  boundary("create", STATUS, 503, 1, 12), // outlasts the client's 6 attempts of both status calls
  boundary("update", STATUS, 500),
  boundary("delete", STATUS, 500),
  boundary("read", LIST, 500),
];

// The native adapter (a YAML program) walks the two boundaries between calls of one operation:
// created but its status not set, and a status change that fails; the rest is the same core.
const WALK_CASES = [
  ...WALK.map((step, index) => ({ ...step, index, adapter: DYNAMIC })),
  ...[WALK[1], WALK[3]].map((step, index) => ({
    ...(step as (typeof WALK)[number]),
    index: WALK.length + index,
    adapter: NATIVE,
  })),
];

describe("a fault at each call boundary of the roster", () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  afterAll(() => emulator.close());

  it.each(WALK_CASES)(
    "$adapter.title, $operation: $fault.route call $fault.call answered $fault.answer",
    async ({ operation, fault, index, adapter }) => {
      const organizationId = 60 + index;
      emulator.addOrganization({ id: organizationId, name: `Walk ${index}` });
      const intruder = emulator.addOperator({ organizationId, name: "Mallory Intruder" });
      const roster: Wanted[] = [
        { name: "Alex Brown", status: "active" },
        { name: "Emma Davis", status: "inactive" },
      ];
      const program = (operators: Wanted[]) => ({ organizationId, operators, unmanaged: "deactivate" });
      const stack = await adapter.rosterStack(emulator, "org-roster-walk", program(roster));
      try {
        if (operation !== "create") await stack.up();
        if (operation === "update") {
          roster[0] = { name: "Alex Brown", status: "inactive" };
          adapter.writeRoster(stack, program(roster));
        }
        emulator.failCalls(fault);
        const args = operation === "read" ? ["refresh"] : operation === "delete" ? ["destroy"] : ["up"];
        const failed = await stack.run([...args, "--yes", "--skip-preview"]);
        emulator.clearCallFaults();
        if (fault.route === STATUS) {
          // A partial result: the stack records the operators the failed run created or adopted.
          expect(failed.code).not.toBe(0);
          const [recorded] = await stack.resourcesOfType(adapter.rosterType);
          const ids = Object.values((recorded?.outputs?.operatorIds ?? {}) as Record<string, number>);
          expect(ids.length).toBeGreaterThanOrEqual(operation === "create" ? 1 : 2);
        }

        expectSuccess(await stack.run(["refresh", "--yes", "--skip-preview"]));
        if (operation === "delete") {
          await stack.destroy();
          expect(alive(emulator, organizationId).map((o) => o.id)).toEqual([intruder.id]);
          return;
        }
        await stack.up();
        await expectConverged(emulator, stack, organizationId, roster, adapter.rosterType);
        expect(emulator.operators(organizationId).find((o) => o.id === intruder.id)?.status).toBe(1);
        const plan = await stack.previewPlan("--refresh", "--expect-no-changes");
        expect(Object.keys(plan.changeSummary)).toEqual(["same"]);
      } finally {
        stack.dispose();
      }
    },
  );
});

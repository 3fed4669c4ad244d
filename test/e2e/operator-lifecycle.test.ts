import { type EmulatorBehaviour, type RunningEmulator, startEmulator } from "pulumi-chathub-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectSampleIn } from "../doc-samples/doc-samples";
import { stepsFor } from "./harness/test-stack";
import { chathubStack, OPERATOR_TYPE } from "./support/chathub-stack";
import { type OperatorSpec, operatorsProgram } from "./support/programs";

// The whole life of ChatHubOperators through the real CLI, under each answer to the spec's open
// questions that changes what the provider sees: deleted operators listed or hidden, and
// synchronize creating a duplicate or returning the existing same-name operator.
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

describe.each(variants)("ChatHubOperator lifecycle ($title)", ({ behaviour }) => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, behaviour });
  });
  afterAll(() => emulator.close());

  const live = (name: string) => emulator.operators(24).filter((o) => o.name === name && o.status !== 2);
  const syncRequests = () => emulator.counters().byRoute["POST /api/operator/synchronize"] ?? 0;
  const statusRequests = () => emulator.counters().byRoute["POST /api/operator/status"] ?? 0;

  it("creates, updates, replaces, repairs drift, adopts and destroys", async () => {
    const seeded = emulator.operators();
    const roster: OperatorSpec[] = [
      { key: "alex", organizationId: 24, name: "Alex Brown" },
      { key: "emma", organizationId: 24, name: "Emma Davis", status: "inactive" },
    ];
    const stack = await chathubStack(emulator, "lifecycle", operatorsProgram(roster));
    try {
      // up creates them, with the right statuses, in one synchronize.
      await stack.up();
      expect(live("Alex Brown")).toMatchObject([{ status: 0 }]);
      expect(live("Emma Davis")).toMatchObject([{ status: 1 }]);
      expect(syncRequests()).toBe(1);
      const outputs = (await stack.outputs()).operators as Record<string, Record<string, unknown>>;
      expect(outputs.emma).toMatchObject({
        name: "Emma Davis",
        status: "inactive",
        organizationName: "Customer Support",
        operatorId: live("Emma Davis")[0]?.id,
        id: `24/${live("Emma Davis")[0]?.id}`,
      });

      // A second preview shows no changes.
      expect((await stack.previewPlan("--expect-no-changes")).changeSummary).toEqual({ same: 3 });

      // A status change is an update; a rename is a replace (created before the old is deleted).
      roster[1] = { ...roster[1], key: "emma", status: "active" };
      roster[0] = { ...roster[0], key: "alex", name: "Alex B. Brown" };
      stack.writeProgram(operatorsProgram(roster));
      const plan = await stack.previewPlan();
      expect(stepsFor(plan, OPERATOR_TYPE).filter((s) => !s.includes("-replace"))).toEqual([
        "replace alex",
        "update emma",
      ]);
      const oldAlex = live("Alex Brown")[0]?.id;
      await stack.up();
      expect(live("Emma Davis")).toMatchObject([{ status: 0 }]);
      expect(live("Alex Brown")).toEqual([]);
      expect(live("Alex B. Brown")).toHaveLength(1);
      expect(emulator.operators().find((o) => o.id === oldAlex)?.status).toBe(2);

      // A status changed by hand is seen by `preview --refresh` and repaired by `up --refresh`.
      const emmaId = live("Emma Davis")[0]?.id as number;
      emulator.setOperatorStatus(emmaId, 1);
      const refreshPlan = await stack.previewPlan("--refresh");
      expect(stepsFor(refreshPlan, OPERATOR_TYPE)).toEqual(["update emma"]);
      await stack.up("--refresh");
      expect(live("Emma Davis")).toMatchObject([{ id: emmaId, status: 0 }]);

      // An operator deleted by hand is dropped by refresh and re-created by up.
      const alexId = live("Alex B. Brown")[0]?.id as number;
      emulator.setOperatorStatus(alexId, 2);
      await stack.refresh();
      expect((await stack.resourcesOfType(OPERATOR_TYPE)).map((r) => r.urn.split("::").pop())).toEqual([
        "emma",
      ]);
      await stack.up();
      expect(live("Alex B. Brown")).toHaveLength(1);
      expect(live("Alex B. Brown")[0]?.id).not.toBe(alexId);

      // import adopts an existing operator without changing it; adopt: true takes one over.
      const olivia = emulator.addOperator({ organizationId: 24, name: "Olivia King", status: 1 });
      const noah = emulator.addOperator({ organizationId: 24, name: "Noah Lee" });
      roster.push(
        {
          key: "olivia",
          organizationId: 24,
          name: "Olivia King",
          status: "inactive",
          options: { import: `24/${olivia.id}` },
        },
        { key: "noah", organizationId: 24, name: "Noah Lee", adopt: true },
      );
      stack.writeProgram(operatorsProgram(roster));
      emulator.resetCounters();
      await stack.up();
      expect(syncRequests()).toBe(0);
      expect(statusRequests()).toBe(0);
      const adopted = await stack.resourcesOfType(OPERATOR_TYPE);
      expect(adopted.find((r) => r.urn.endsWith("::olivia"))?.id).toBe(`24/${olivia.id}`);
      expect(adopted.find((r) => r.urn.endsWith("::noah"))?.id).toBe(`24/${noah.id}`);
      expect(live("Olivia King")).toMatchObject([{ id: olivia.id, status: 1 }]);
      expect((await stack.previewPlan("--expect-no-changes")).changeSummary).toEqual({ same: 5 });

      // A name clash without adopt is a clear error saying how to adopt, and creates nothing.
      const liam = emulator.addOperator({ organizationId: 24, name: "Liam Park" });
      stack.writeProgram(
        operatorsProgram([...roster, { key: "liam", organizationId: 24, name: "liam park" }]),
      );
      emulator.resetCounters();
      const clash = await stack.run(["up", "--yes", "--skip-preview"]);
      expect(clash.code).not.toBe(0);
      expect(clash.stdout).toContain(`An operator named "Liam Park" already exists in organization 24`);
      expectSampleIn(clash.stdout, "operator-name-clash");
      expect(clash.stdout).toContain(`import: "24/${liam.id}"`);
      expect(syncRequests()).toBe(0);
      expect(emulator.operators(24).filter((o) => o.name.toLowerCase() === "liam park")).toHaveLength(1);
      stack.writeProgram(operatorsProgram(roster));

      // destroy deletes every managed operator and touches no other.
      const managed = (await stack.resourcesOfType(OPERATOR_TYPE)).map((r) => Number(r.id?.split("/")[1]));
      expect(managed).toHaveLength(4);
      await stack.destroy();
      for (const id of managed) expect(emulator.operators().find((o) => o.id === id)?.status).toBe(2);
      for (const before of seeded) {
        expect(emulator.operators().find((o) => o.id === before.id)).toEqual(before);
      }
      expect(live("Liam Park")).toHaveLength(1);
      expect(emulator.checkInvariants()).toEqual([]);
    } finally {
      stack.dispose();
    }
  });
});

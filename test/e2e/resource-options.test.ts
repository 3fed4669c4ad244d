import { type RunningEmulator, startEmulator } from "pulumi-chathub-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stepsFor } from "./harness/test-stack";
import { chathubStack, OPERATOR_TYPE } from "./support/chathub-stack";
import { type OperatorSpec, operatorsProgram } from "./support/programs";

// Pulumi's resource options behave on ChatHubOperator as Pulumi documents them.
describe("resource options", () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  afterAll(() => emulator.close());

  const liveStatus = (name: string) => emulator.operators(24).find((o) => o.name === name)?.status;

  it("protect, retainOnDelete, ignoreChanges, and customTimeouts accepted and recorded", async () => {
    const specs: OperatorSpec[] = [
      { key: "kept", organizationId: 24, name: "Kept Operator", options: { protect: true } },
      { key: "retained", organizationId: 24, name: "Retained Operator", options: { retainOnDelete: true } },
      {
        key: "ignored",
        organizationId: 24,
        name: "Ignored Operator",
        options: { ignoreChanges: ["status"] },
      },
      {
        key: "timed",
        organizationId: 24,
        name: "Timed Operator",
        options: { customTimeouts: { create: "2m", update: "2m", delete: "2m" } },
      },
    ];
    const stack = await chathubStack(emulator, "options", operatorsProgram(specs));
    try {
      await stack.up();
      const state = await stack.resourcesOfType(OPERATOR_TYPE);
      expect(state.find((r) => r.urn.endsWith("::kept"))?.protect).toBe(true);
      // customTimeouts: accepted and recorded by the engine (which does not hand it to dynamic
      // providers: chathub:timeoutMs bounds each call, see the hung-API case in faults.test.ts).
      const timed = state.find((r) => r.urn.endsWith("::timed")) as { customTimeouts?: unknown } | undefined;
      expect(timed?.customTimeouts).toEqual({ create: 120, update: 120, delete: 120 });

      // ignoreChanges: a status change in the program is not applied.
      stack.writeProgram(
        operatorsProgram(specs.map((s) => (s.key === "ignored" ? { ...s, status: "inactive" } : s))),
      );
      expect(stepsFor(await stack.previewPlan(), OPERATOR_TYPE)).toEqual([]);
      await stack.up();
      expect(liveStatus("Ignored Operator")).toBe(0);

      // protect: removing a protected operator fails, and deletes nothing.
      stack.writeProgram(operatorsProgram(specs.filter((s) => s.key !== "kept")));
      const refused = await stack.run(["up", "--yes", "--skip-preview"]);
      expect(refused.code).not.toBe(0);
      expect(refused.stdout).toMatch(/protected/);
      expect(liveStatus("Kept Operator")).toBe(0);

      // retainOnDelete: the resource leaves the stack; the operator stays in ChatHub.
      stack.writeProgram(
        operatorsProgram(specs.map((s) => (s.key === "kept" ? { ...s, options: { protect: false } } : s))),
      );
      await stack.up();
      await stack.destroy();
      expect(liveStatus("Retained Operator")).toBe(0);
      for (const name of ["Kept Operator", "Ignored Operator", "Timed Operator"])
        expect(liveStatus(name)).toBe(2);
      expect(await stack.resourcesOfType(OPERATOR_TYPE)).toEqual([]);
    } finally {
      stack.dispose();
    }
  });
});

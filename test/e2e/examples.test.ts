import path from "node:path";
import { type RunningEmulator, startEmulator } from "pulumi-chathub-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectSuccess } from "./harness/pulumi-cli";
import { DYNAMIC, NATIVE } from "./support/adapters";
import { chathubStack } from "./support/chathub-stack";

const examples = path.resolve(__dirname, "../../examples");

// Every example is a Pulumi project a user would copy; each runs here as written.
describe("examples", () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  afterAll(() => emulator.close());

  it("basic: creates two operators, and destroys them", async () => {
    const stack = await chathubStack(emulator, "example-basic", { projectDir: path.join(examples, "basic") });
    try {
      await stack.up();
      const outputs = await stack.outputs();
      const alex = emulator.operators(24).find((o) => o.name === "Alex Brown");
      expect(outputs).toEqual({ alexId: alex?.id, emmaStatus: "inactive", organization: "Customer Support" });
      expect(emulator.operators(24).find((o) => o.name === "Emma Davis")?.status).toBe(1);
      await stack.destroy();
      expect(
        emulator
          .operators(24)
          .filter((o) => o.status !== 2)
          .map((o) => o.id),
      ).toEqual([101, 102, 103]);
    } finally {
      stack.dispose();
    }
  });

  it("import-existing: adopts the seeded operators without creating or changing any", async () => {
    const before = emulator.operators(24);
    const stack = await chathubStack(emulator, "example-import", {
      projectDir: path.join(examples, "import-existing"),
    });
    try {
      emulator.resetCounters();
      await stack.up();
      expect(await stack.outputs()).toEqual({ adopted: { john: "24/101", mike: "24/103", sarah: "24/102" } });
      expect(emulator.counters().byRoute["POST /api/operator/synchronize"]).toBe(0);
      expect(emulator.counters().byRoute["POST /api/operator/status"]).toBe(0);
      expect(emulator.operators(24)).toEqual(before);
      expect((await stack.previewPlan("--expect-no-changes")).changeSummary).toEqual({ same: 4 });
      // Leave the seeded operators in ChatHub: forget them instead of deleting them.
      await stack.run(["state", "delete", "--all", "--force", "--yes"]);
    } finally {
      stack.dispose();
    }
  });
});

// The organization-roster example and the YAML one hold the same roster: one test for both, each
// against a fresh emulator (the first destroys what the second would adopt).
describe.each([
  { example: "organization-roster", rosterType: DYNAMIC.rosterType },
  { example: "yaml", rosterType: NATIVE.rosterType },
])("examples/$example", ({ example, rosterType }) => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  afterAll(() => emulator.close());

  it("adopts John, creates the rest, deactivates the unlisted, and destroys only its own", async () => {
    const stack = await chathubStack(emulator, `example-${example}`, {
      projectDir: path.join(examples, example),
    });
    try {
      await stack.up();
      const live = emulator.operators(24).filter((o) => o.status !== 2);
      const idOf = (name: string) => live.find((o) => o.name === name)?.id;
      expect(await stack.outputs()).toMatchObject({
        operatorIds: {
          "john-smith": 101,
          "alex-brown": idOf("Alex Brown"),
          "emma-davis": idOf("Emma Davis"),
        },
        counts: { total: 3, active: 2, inactive: 1 },
        unmanagedOperators: [
          { id: 102, name: "Sarah Johnson", status: "inactive" },
          { id: 103, name: "Mike Wilson", status: "inactive" },
        ],
      });
      expect((await stack.resourcesOfType(rosterType)).map((resource) => resource.id)).toEqual(["24"]);
      if (example === "yaml") {
        // The operator in the organization getOrganization found by name.
        expect(emulator.operators(25).find((o) => o.name === "Dana Sales")?.status).toBe(0);
      }
      // The example protects the roster: destroy refuses until it is unprotected on purpose.
      expect((await stack.run(["destroy", "--yes", "--skip-preview"])).stdout).toMatch(/protected/);
      expect(emulator.operators(24).find((o) => o.id === 101)?.status).toBe(0);
      expectSuccess(await stack.run(["state", "unprotect", "--all", "--yes"]));
      await stack.destroy();
      expect(emulator.operators(24).find((o) => o.id === 101)?.status).toBe(2);
      expect(emulator.operators(24).find((o) => o.id === 102)?.status).toBe(1);
    } finally {
      stack.dispose();
    }
  });
});

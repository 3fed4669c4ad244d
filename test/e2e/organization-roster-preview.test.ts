import { type RunningEmulator, startEmulator } from "pulumi-chathub-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectSuccess } from "./harness/pulumi-cli";
import { chathubStack } from "./support/chathub-stack";
import { ORGANIZATION_ROSTER_TYPE, organizationRosterProgram } from "./support/organization-roster-program";

// What a ChatHubOrganizationRoster says before anything changes: bad input fails the preview
// with zero requests, and the first preview names the people `unmanaged` will change.
describe("ChatHubOrganizationRoster previews", () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  afterAll(() => emulator.close());

  const apiRequests = () =>
    Object.entries(emulator.counters().byRoute)
      .filter(([route]) => route.includes("/api/"))
      .reduce((sum, [, count]) => sum + count, 0);

  it("fails at preview without unmanaged, or with a bad entry, sending nothing", async () => {
    const stack = await chathubStack(
      emulator,
      "org-roster-bad",
      organizationRosterProgram({ organizationId: 24, operators: [{ name: "Alex Brown" }] }),
    );
    try {
      emulator.resetCounters();
      const missing = await stack.run(["preview"]);
      expect(missing.code).not.toBe(0);
      const text = missing.stdout + missing.stderr;
      expect(text).toContain('organization roster "support": unmanaged is required');
      for (const choice of ['"ignore"', '"deactivate"', '"delete"']) expect(text).toContain(choice);

      stack.writeProgram(
        organizationRosterProgram({
          organizationId: 24,
          operators: [{ name: "Alex Brown", status: "away" }, { name: "Emma Davis" }, { name: "emma davis" }],
          unmanaged: "ignore",
        }),
      );
      const bad = await stack.run(["preview"]);
      expect(bad.code).not.toBe(0);
      expect(bad.stdout + bad.stderr).toContain(
        'entry 1 ("Alex Brown"): status must be "active" or "inactive"',
      );
      expect(bad.stdout + bad.stderr).toContain('duplicate operators: "Emma Davis" (entries 2 and 3)');
      expect(apiRequests()).toBe(0);
    } finally {
      stack.dispose();
    }
  });

  it("names, at the first preview, the people unmanaged would deactivate; the state stays small", async () => {
    const stack = await chathubStack(
      emulator,
      "org-roster-warn",
      organizationRosterProgram({
        organizationId: 24,
        operators: [{ name: "John Smith" }],
        unmanaged: "deactivate",
      }),
    );
    try {
      const preview = expectSuccess(await stack.run(["preview", "--diff"]));
      expect(preview.stdout + preview.stderr).toMatch(
        /unmanaged: "deactivate" will deactivate 1 operator\(s\) the roster does not name: "Sarah Johnson" \(102\)/,
      );
      expect(emulator.operators(24).find((o) => o.id === 102)?.status).toBe(0);

      await stack.up();
      expect(emulator.operators(24).find((o) => o.id === 102)?.status).toBe(1);
      const [roster] = await stack.resourcesOfType(ORGANIZATION_ROSTER_TYPE);
      // The provider is stored by package name: no code, no path, no token.
      expect(JSON.stringify(roster)).toContain('require(\\"pulumi-chathub/organization-roster-provider\\")');
      await stack.destroy();
      expect(emulator.operators(24).find((o) => o.id === 101)?.status).toBe(2);
      expect(emulator.operators(24).find((o) => o.id === 102)?.status).toBe(1);
    } finally {
      stack.dispose();
    }
  });

  it("protect and retainOnDelete behave as Pulumi documents", async () => {
    emulator.addOrganization({ id: 26, name: "Options" });
    const program = (options: Record<string, unknown>) =>
      organizationRosterProgram(
        { organizationId: 26, operators: [{ name: "Kept Operator" }], unmanaged: "ignore" },
        options,
      );
    const stack = await chathubStack(emulator, "org-roster-options", program({ protect: true }));
    const kept = () => emulator.operators(26).find((o) => o.name === "Kept Operator")?.status;
    try {
      await stack.up();
      const refused = await stack.run(["destroy", "--yes", "--skip-preview"]);
      expect(refused.code).not.toBe(0);
      expect(refused.stdout).toMatch(/protected/);
      expect(kept()).toBe(0);

      stack.writeProgram(program({ retainOnDelete: true }));
      await stack.up();
      await stack.destroy();
      expect(kept()).toBe(0);
      expect(await stack.resourcesOfType(ORGANIZATION_ROSTER_TYPE)).toEqual([]);
    } finally {
      stack.dispose();
    }
  });
});

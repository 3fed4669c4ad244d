import { type RunningEmulator, startEmulator } from "pulumi-chathub-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectSuccess } from "./harness/pulumi-cli";
import { ADAPTERS } from "./support/adapters";

// Part 1 of issue 11: `read` returns inputs that mirror what is live, so the engine's own diff
// (what `preview --diff` prints) names the property and both values after a change by hand.
describe.each(ADAPTERS)("operator previews show drift ($title)", (adapter) => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  afterAll(() => emulator.close());

  const liveId = (name: string) =>
    emulator.operators(24).find((o) => o.name === name && o.status !== 2)?.id as number;

  it('prints status: "inactive" => "active" and a rename with both names', async () => {
    const stack = await adapter.operatorsStack(emulator, "drift-diff", [
      { key: "alex", organizationId: 24, name: "Alex Brown" },
      { key: "emma", organizationId: 24, name: "Emma Davis" },
    ]);
    try {
      await stack.up();
      const emma = liveId("Emma Davis");
      emulator.setOperatorStatus(emma, 1);

      // preview --refresh --diff: the refreshed inputs are compared with the program.
      const refreshed = expectSuccess(await stack.run(["preview", "--refresh", "--diff"]));
      expect(refreshed.stdout).toMatch(/~ status\s*: "inactive" => "active"/);

      // refresh, then a plain preview --diff: the same.
      await stack.refresh();
      const afterRefresh = expectSuccess(await stack.run(["preview", "--diff"]));
      expect(afterRefresh.stdout).toMatch(/~ status\s*: "inactive" => "active"/);
      await stack.up();
      expect(emulator.operators(24).find((o) => o.id === emma)?.status).toBe(0);

      // A rename by hand: old and new name, and the replace.
      emulator.renameOperator(liveId("Alex Brown"), "Alex Browne");
      const renamed = expectSuccess(await stack.run(["preview", "--refresh", "--diff"]));
      expect(renamed.stdout).toMatch(/\+-.*chathub:(index:)?Operator.*replace/);
      expect(renamed.stdout).toMatch(/~ name\s*: "Alex Browne" => "Alex Brown"/);
      await stack.destroy();
    } finally {
      stack.dispose();
    }
  });
});

import { expect, it } from "vitest";
import { startEmulator } from "../../src/emulator";
import { chathubStack } from "./support/chathub-stack";

it("probe", async () => {
  const t0 = Date.now();
  const lines: string[] = [];
  const emulator = await startEmulator({ port: 0, log: (l) => lines.push(`${Date.now() - t0} ${l}`) });
  emulator.addOrganization({ id: 33, name: "CC" });
  const names = Array.from({ length: 150 }, (_, i) => `Agent ${i}`);
  const stack = await chathubStack(
    emulator,
    "probe",
    `const { ChatHubOperatorRoster } = require("pulumi-chathub");
new ChatHubOperatorRoster("cc", { organizationId: 33, operators: ${JSON.stringify(names.map((name) => ({ name })))} });`,
  );
  lines.push(`${Date.now() - t0} up start`);
  await stack.up(...(process.env.PAR ? ["--parallel", process.env.PAR] : []));
  lines.push(`${Date.now() - t0} up end`);
  lines.push(`${Date.now() - t0} refresh start`);
  await stack.refresh();
  lines.push(`${Date.now() - t0} refresh end`);
  console.log(lines.filter((l) => !l.includes("_emulator")).join("\n"));
  stack.dispose();
  await emulator.close();
  expect(1).toBe(1);
});

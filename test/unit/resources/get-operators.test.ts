import * as pulumi from "@pulumi/pulumi";
import { DEFAULT_EMULATOR_TOKEN, type RunningEmulator, startEmulator } from "pulumi-chathub-emulator";
import { afterEach, describe, expect, it } from "vitest";
import { getOperators, getOperatorsOutput } from "../../../src/resources/get-operators";

const running: RunningEmulator[] = [];
const savedEnv = { token: process.env.CHATHUB_TOKEN, baseUrl: process.env.CHATHUB_BASE_URL };

afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()));
  pulumi.runtime.setAllConfig({});
  restore("CHATHUB_TOKEN", savedEnv.token);
  restore("CHATHUB_BASE_URL", savedEnv.baseUrl);
});

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

async function emulator(): Promise<RunningEmulator> {
  const started = await startEmulator({ port: 0, behaviour: { listDeleted: "show" } });
  running.push(started);
  return started;
}

describe("getOperators", () => {
  it("reads the organization with the stack's chathub:* config, the token a secret", async () => {
    const server = await emulator();
    server.setOperatorStatus(102, 2);
    pulumi.runtime.setAllConfig(
      {
        "chathub:token": DEFAULT_EMULATOR_TOKEN,
        "chathub:baseUrl": server.url,
        "chathub:requestsPerSecond": "50",
      },
      ["chathub:token"],
    );
    delete process.env.CHATHUB_TOKEN;
    delete process.env.CHATHUB_BASE_URL;

    const result = await getOperators({ organizationId: 24 });
    expect(result).toEqual({
      organizationId: 24,
      organizationName: "Customer Support",
      operators: [
        { id: 101, name: "John Smith", status: "active" },
        { id: 102, name: "Sarah Johnson", status: "deleted" },
        { id: 103, name: "Mike Wilson", status: "inactive" },
      ],
      active: [{ id: 101, name: "John Smith", status: "active" }],
      statistics: { total: 3, active: 1, inactive: 1, deleted: 1 },
    });
    expect(JSON.stringify(result)).not.toContain(DEFAULT_EMULATOR_TOKEN);
  });

  it("falls back to CHATHUB_TOKEN and CHATHUB_BASE_URL, and has an Output form", async () => {
    const server = await emulator();
    process.env.CHATHUB_TOKEN = DEFAULT_EMULATOR_TOKEN;
    process.env.CHATHUB_BASE_URL = server.url;
    const output = getOperatorsOutput({ organizationId: pulumi.output(24) });
    const names = await new Promise<string[]>((resolve) =>
      output.apply((result) => resolve(result.active.map((operator) => operator.name))),
    );
    expect(names).toEqual(["John Smith", "Sarah Johnson"]);
    expect(await pulumi.isSecret(output)).toBe(false);
  });

  it("says how to configure the token when there is none, sending nothing", async () => {
    const server = await emulator();
    delete process.env.CHATHUB_TOKEN;
    pulumi.runtime.setAllConfig({ "chathub:baseUrl": server.url });
    await expect(getOperators({ organizationId: 24 })).rejects.toThrow(
      /pulumi config set --secret chathub:token/,
    );
    expect(server.counters().total).toBe(0);
  });
});

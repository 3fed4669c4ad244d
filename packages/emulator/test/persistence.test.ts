import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { startEmulator } from "../src";
import { SpecClient, startTestEmulator } from "./spec-client";

let directory: string;
let statePath: string;

beforeEach(async ({ onTestFinished }) => {
  directory = await mkdtemp(join(tmpdir(), "chathub-emulator-"));
  statePath = join(directory, "state.json");
  // Removed after the test's emulators have closed (finish hooks run last-registered first):
  // removed before, a state write still pending when the test ends would fail for want of a folder.
  const removed = directory;
  onTestFinished(() => rm(removed, { recursive: true, force: true }));
});

describe("state persistence with statePath", () => {
  it("keeps organizations and operators across a restart, and ids keep growing", async () => {
    const first = await startTestEmulator({ statePath });
    await first.client.synchronize([{ organizationId: 24, name: "Alex Brown" }]);
    await first.client.setStatus(101, 2);
    first.emulator.addOrganization({ id: 40, name: "Night Shift" });
    const before = first.emulator.operators();
    await first.emulator.close();

    const second = await startTestEmulator({ statePath });
    expect(second.emulator.operators()).toEqual(before);
    expect(second.emulator.organizations().map((org) => org.id)).toEqual([24, 25, 40]);
    const added = await second.client.synchronize([{ organizationId: 40, name: "Owl" }]);
    expect(await added.json()).toEqual([{ id: 105, name: "Owl", status: 0 }]);
  });

  it("has the change on disk by the time the client gets the answer", async () => {
    const { client } = await startTestEmulator({ statePath });
    await client.synchronize([{ organizationId: 24, name: "Durable" }]);
    const onDisk = JSON.parse(await readFile(statePath, "utf8")) as { operators: Array<{ name: string }> };
    expect(onDisk.operators.map((operator) => operator.name)).toContain("Durable");
  });

  it("loses no write and leaves a valid file under many concurrent changes", async () => {
    const { client, emulator } = await startTestEmulator({ statePath });
    await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        client.synchronize([{ organizationId: 25, name: `Seller ${index}` }]),
      ),
    );
    await Promise.all([101, 102, 103].map((id) => client.setStatus(id, 1)));
    const onDisk = JSON.parse(await readFile(statePath, "utf8")) as { operators: unknown[] };
    expect(onDisk.operators).toEqual(emulator.operators());
    expect(await readdir(directory)).toEqual(["state.json"]);
  });

  it("never writes a token to the state file", async () => {
    const { client } = await startTestEmulator({ statePath, tokens: { "very-secret-token": "*" } });
    await client.withToken("very-secret-token").synchronize([{ organizationId: 24, name: "Someone" }]);
    expect(await readFile(statePath, "utf8")).not.toContain("very-secret-token");
  });

  it("writes the seeded state at start when there is no file", async () => {
    await startTestEmulator({ statePath });
    const onDisk = JSON.parse(await readFile(statePath, "utf8")) as { nextOperatorId: number };
    expect(onDisk.nextOperatorId).toBe(104);
  });

  it("starts empty with seed: false", async () => {
    const { emulator, client } = await startTestEmulator({ statePath, seed: false });
    expect(emulator.organizations()).toEqual([]);
    emulator.addOrganization({ id: 1, name: "First" });
    expect(emulator.addOperator({ organizationId: 1, name: "Number One" }).id).toBe(1);
    expect(await client.listOperators(24)).toEqual([]);
  });

  it.each([
    ["not JSON", "{ nope"],
    ["of the wrong shape", JSON.stringify({ version: 1, organizations: "none" })],
    [
      "inconsistent",
      JSON.stringify({
        version: 1,
        nextOperatorId: 2,
        organizations: [{ id: 1, name: "Only" }],
        operators: [{ id: 1, name: "Orphan", status: 0, organizationId: 9 }],
      }),
    ],
  ])("refuses to start from a state file that is %s", async (_label, content) => {
    await writeFile(statePath, content);
    await expect(startEmulator({ port: 0, statePath })).rejects.toThrow(/state file/);
  });
});

describe("SpecClient sanity", () => {
  it("talks to the emulator through its public URL only", async () => {
    const { emulator } = await startTestEmulator();
    expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await new SpecClient(emulator.url).listOperators(24)).toHaveLength(3);
  });
});

import { describe, expect, it } from "vitest";
import { startEmulator } from "../src";
import { startTestEmulator } from "./spec-client";

describe("open question 1: listDeleted", () => {
  it.each([
    ["hide", [101, 102]],
    ["show", [101, 102, 103]],
  ] as const)("%s", async (listDeleted, expectedIds) => {
    const { client, emulator } = await startTestEmulator({ behaviour: { listDeleted } });
    emulator.setOperatorStatus(103, 2);
    const listed = await client.listOperators(24);
    expect(listed.map((operator) => operator.id)).toEqual(expectedIds);
  });
});

describe("open question 2: duplicateNames", () => {
  it("allow: an existing name creates a second operator", async () => {
    const { client, emulator } = await startTestEmulator({ behaviour: { duplicateNames: "allow" } });
    const response = await client.synchronize([{ organizationId: 24, name: "john smith" }]);
    expect(await response.json()).toEqual([{ id: 104, name: "john smith", status: 0 }]);
    expect(emulator.operators(24)).toHaveLength(4);
  });

  it("reuse: an existing live name (any case) returns the existing operator, also within one request", async () => {
    const { client, emulator } = await startTestEmulator({ behaviour: { duplicateNames: "reuse" } });
    const response = await client.synchronize([
      { organizationId: 24, name: "MIKE WILSON" },
      { organizationId: 24, name: "Alex Brown" },
      { organizationId: 24, name: "alex brown" },
    ]);
    expect(await response.json()).toEqual([
      { id: 103, name: "Mike Wilson", status: 1 },
      { id: 104, name: "Alex Brown", status: 0 },
      { id: 104, name: "Alex Brown", status: 0 },
    ]);
    expect(emulator.operators(24)).toHaveLength(4);
  });

  it("reuse: a deleted operator's name, or the same name in another organization, creates a new one", async () => {
    const { client, emulator } = await startTestEmulator({ behaviour: { duplicateNames: "reuse" } });
    emulator.setOperatorStatus(101, 2);
    const response = await client.synchronize([
      { organizationId: 24, name: "John Smith" },
      { organizationId: 25, name: "Sarah Johnson" },
    ]);
    expect(await response.json()).toEqual([
      { id: 104, name: "John Smith", status: 0 },
      { id: 105, name: "Sarah Johnson", status: 0 },
    ]);
  });
});

describe("open question 3: listContentType", () => {
  it.each(["text/plain", "application/json"] as const)(
    "%s, with a JSON body either way",
    async (listContentType) => {
      const { client } = await startTestEmulator({ behaviour: { listContentType } });
      const response = await client.list(24);
      expect(response.headers.get("content-type")).toBe(`${listContentType}; charset=utf-8`);
      expect(JSON.parse(await response.text())).toHaveLength(3);
    },
  );
});

describe("open question 4: noAccess, for a token that may reach organization 25 only", () => {
  async function scopedClient(noAccess: "401" | "403" | "empty") {
    const started = await startTestEmulator({ behaviour: { noAccess } });
    started.emulator.grantToken("sales-only", [25]);
    return { ...started, scoped: started.client.withToken("sales-only") };
  }

  it.each(["401", "403"] as const)("%s: every endpoint refuses organization 24 with %s", async (noAccess) => {
    const { scoped, emulator } = await scopedClient(noAccess);
    const answers = [
      await scoped.list(24),
      await scoped.synchronize([
        { organizationId: 25, name: "Allowed" },
        { organizationId: 24, name: "Forbidden" },
      ]),
      await scoped.setStatus(101, 2),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(Number(noAccess));
      expect(await answer.json()).toMatchObject({ message: expect.stringContaining("organization 24") });
    }
    expect(emulator.operators()).toHaveLength(3);
    expect(emulator.operators(24).map((operator) => operator.status)).toEqual([0, 0, 1]);
  });

  it("empty: the list is empty, synchronize says organization not found, status says 404", async () => {
    const { scoped, emulator } = await scopedClient("empty");
    expect(await scoped.listOperators(24)).toEqual([]);
    const synchronize = await scoped.synchronize([{ organizationId: 24, name: "Forbidden" }]);
    expect(synchronize.status).toBe(400);
    expect(await synchronize.json()).toMatchObject({
      errors: [{ index: 0, field: "organizationId", message: "organization not found" }],
    });
    expect((await scoped.setStatus(101, 2)).status).toBe(404);
    expect(emulator.operators()).toHaveLength(3);
  });

  it("the scoped token still reaches its own organization", async () => {
    const { scoped } = await scopedClient("401");
    const response = await scoped.synchronize([{ organizationId: 25, name: "Sales Person" }]);
    expect(response.status).toBe(200);
    expect((await scoped.listOperators(25)).map((operator) => operator.name)).toEqual(["Sales Person"]);
  });
});

describe("open question 5: reactivateDeleted", () => {
  it("false: a deleted operator cannot go back to 0 or 1", async () => {
    const { client, emulator } = await startTestEmulator();
    expect((await client.setStatus(101, 2)).status).toBe(200);
    for (const status of [0, 1]) {
      const response = await client.setStatus(101, status);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ message: "operator is deleted" });
    }
    // Deleting again is harmless.
    expect((await client.setStatus(101, 2)).status).toBe(200);
    expect(emulator.operators(24)[0]?.status).toBe(2);
  });

  it("true: a deleted operator can be re-activated", async () => {
    const { client, emulator } = await startTestEmulator({ behaviour: { reactivateDeleted: true } });
    await client.setStatus(101, 2);
    expect((await client.setStatus(101, 0)).status).toBe(200);
    expect(emulator.operators(24)[0]?.status).toBe(0);
  });
});

describe("behaviour switches themselves", () => {
  it("start from the documented defaults", async () => {
    const { emulator } = await startTestEmulator();
    expect(emulator.behaviour()).toEqual({
      listDeleted: "hide",
      duplicateNames: "allow",
      listContentType: "text/plain",
      noAccess: "401",
      reactivateDeleted: false,
      latencyMs: 0,
      latencySpikeRate: 0,
      latencySpikeMs: 0,
      failureRate: 0,
      rateLimitPerSecond: null,
      rateLimitBurst: null,
      rateLimitRetryAfter: true,
      dropSyncRate: 0,
      hang: false,
      seed: 1,
      signedInTokenRequests: null,
    });
  });

  it("change at run time, and refuse unknown keys or bad values", async () => {
    const { client, emulator } = await startTestEmulator();
    emulator.setBehaviour({ listDeleted: "show" });
    await client.setStatus(101, 2);
    expect(await client.listOperators(24)).toHaveLength(3);
    expect(() => emulator.setBehaviour({ failureRate: 2 })).toThrow(/failureRate/);
    expect(() => emulator.setBehaviour({ listDeleted: "maybe" } as never)).toThrow(/listDeleted/);
    expect(() => emulator.setBehaviour({ typo: true } as never)).toThrow(/typo/);
    expect(emulator.behaviour().failureRate).toBe(0);
  });

  it("refuse a bad behaviour at start", async () => {
    await expect(startEmulator({ port: 0, behaviour: { latencyMs: -1 } })).rejects.toThrow(/latencyMs/);
  });
});

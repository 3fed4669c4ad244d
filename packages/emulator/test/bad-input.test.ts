import { describe, expect, it } from "vitest";
import { DEFAULT_EMULATOR_TOKEN } from "../src";
import { startTestEmulator } from "./spec-client";

const AUTHORIZATION = { authorization: `Bearer ${DEFAULT_EMULATOR_TOKEN}` };

/** Every refusal is a JSON { message } with the given status: never a crash, never a 500. */
async function expectJsonRefusal(response: Response, status: number, message: RegExp): Promise<void> {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const body = (await response.json()) as { message: string };
  expect(body.message).toMatch(message);
}

describe("bad input is answered with 400/404 JSON, never a crash", () => {
  it("malformed JSON", async () => {
    const { client } = await startTestEmulator();
    await expectJsonRefusal(
      await client.post("/api/operator/synchronize", '[{"organizationId": 24,'),
      400,
      /malformed JSON/,
    );
    await expectJsonRefusal(await client.post("/api/operator/status", "{id: 1}"), 400, /malformed JSON/);
    await expectJsonRefusal(await client.post("/api/operator/status", ""), 400, /empty/);
  });

  it("a Content-Type other than application/json, or none", async () => {
    const { client, emulator } = await startTestEmulator();
    const body = JSON.stringify([{ organizationId: 24, name: "Plain Text" }]);
    for (const contentType of ["text/plain", "application/x-www-form-urlencoded", "application/xml"]) {
      const response = await client.post("/api/operator/synchronize", body, {}, contentType);
      await expectJsonRefusal(response, 400, /Content-Type must be application\/json/);
    }
    const withoutType = await fetch(`${emulator.url}/api/operator/status`, {
      method: "POST",
      headers: AUTHORIZATION,
    });
    await expectJsonRefusal(withoutType, 400, /Content-Type must be application\/json/);
    expect(emulator.operators()).toHaveLength(3);
  });

  it.each([
    ["an object", { organizationId: 24, name: "Not In An Array" }],
    ["a string", "Alex Brown"],
    ["null", null],
  ])("a synchronize body that is %s, not an array", async (_label, body) => {
    const { client } = await startTestEmulator();
    const response = await client.synchronize(body);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      message: "Invalid operator data",
      errors: [{ field: "body", message: expect.stringContaining("JSON array") }],
    });
  });

  it("wrong types in synchronize entries, all reported at once", async () => {
    const { client, emulator } = await startTestEmulator();
    const response = await client.synchronize([
      { organizationId: "24", name: "String Id" },
      { organizationId: 24.5, name: "Fraction" },
      { organizationId: -1, name: "Negative" },
      { organizationId: 24, name: 42 },
      "not an object",
      { organizationId: 24, name: "Fine", extra: "ignored" },
    ]);
    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as { errors: Array<{ index: number; field: string }> };
    expect(errors.map(({ index, field }) => `${index}:${field}`)).toEqual([
      "0:organizationId",
      "1:organizationId",
      "2:organizationId",
      "3:name",
      "4:entry",
    ]);
    expect(emulator.operators()).toHaveLength(3);
  });

  it.each([
    [{ id: "101", status: 1 }, ["id"]],
    [{ id: 101.5, status: 1 }, ["id"]],
    [{ id: 101, status: 3 }, ["status"]],
    [{ id: 101, status: "1" }, ["status"]],
    [{}, ["id", "status"]],
  ])("wrong types in a status change: %j", async (body, fields) => {
    const { client } = await startTestEmulator();
    const response = await client.post("/api/operator/status", JSON.stringify(body));
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { message: string; errors: Array<{ field: string }> };
    expect(answer.message).toBe("Invalid status data");
    expect(answer.errors.map((error) => error.field)).toEqual(fields);
  });

  it("a status body that is an array", async () => {
    const { client } = await startTestEmulator();
    const response = await client.post("/api/operator/status", "[1, 2]");
    await expectJsonRefusal(response, 400, /Invalid status data/);
  });

  it("a body over bodyLimitBytes", async () => {
    const { client, emulator } = await startTestEmulator({ bodyLimitBytes: 1024 });
    const entries = Array.from({ length: 50 }, (_, index) => ({
      organizationId: 24,
      name: `Person ${index}`,
    }));
    const response = await client.synchronize(entries);
    await expectJsonRefusal(response, 400, /larger than 1024 bytes/);
    expect(emulator.operators()).toHaveLength(3);
  });

  it("a body over the default 1 MiB", async () => {
    const { client } = await startTestEmulator();
    const entries = Array.from({ length: 12_000 }, (_, index) => ({
      organizationId: 24,
      name: `P${index}`.padEnd(90, "."),
    }));
    const response = await client.synchronize(entries);
    await expectJsonRefusal(response, 400, /larger than 1048576 bytes/);
  });

  it("a prototype-poisoning body", async () => {
    const { client } = await startTestEmulator();
    const response = await client.post(
      "/api/operator/synchronize",
      '[{"__proto__": {"admin": true}, "name": "x"}]',
    );
    expect(response.status).toBe(400);
  });

  it("unknown routes and methods", async () => {
    const { client, emulator } = await startTestEmulator();
    await expectJsonRefusal(
      await fetch(`${emulator.url}/api/operators`, { headers: AUTHORIZATION }),
      404,
      /no route/,
    );
    await expectJsonRefusal(
      await fetch(`${emulator.url}/api/operator/status`, { method: "DELETE", headers: AUTHORIZATION }),
      404,
      /no route DELETE \/api\/operator\/status/,
    );
    await expectJsonRefusal(await fetch(`${emulator.url}/elsewhere`), 404, /no route/);
    await expectJsonRefusal(await client.post("/api/operator/rename", "{}"), 404, /no route/);
  });

  it.each(["abc", "1.5", "0", "-3", "", "24&organizationId=25", "99999999999999999999"])(
    "a list with organizationId=%s",
    async (organizationId) => {
      const { client } = await startTestEmulator();
      const response = await client.list(organizationId);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        message: "Invalid query",
        errors: [{ field: "organizationId", message: expect.stringContaining("organizationId") }],
      });
    },
  );

  it("a list without organizationId", async () => {
    const { emulator } = await startTestEmulator();
    const response = await fetch(`${emulator.url}/api/operator`, { headers: AUTHORIZATION });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: [{ message: "organizationId is required" }] });
  });

  it("never answered 500 to any of it", async () => {
    const { client, emulator } = await startTestEmulator({ bodyLimitBytes: 64 });
    await client.post("/api/operator/synchronize", "{{{");
    await client.post("/api/operator/synchronize", "[]", {}, "text/csv");
    await client.post("/api/operator/synchronize", JSON.stringify("x".repeat(100)));
    await client.list("%00");
    expect(Object.keys(emulator.counters().byStatus)).toEqual(["400"]);
  });
});

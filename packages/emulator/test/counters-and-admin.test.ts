import { describe, expect, it } from "vitest";
import { DEFAULT_EMULATOR_TOKEN } from "../src";
import { startTestEmulator } from "./spec-client";

describe("counters", () => {
  it("count every /api request by route and by status, rejected ones included", async () => {
    const { client, emulator } = await startTestEmulator();
    await client.list(24);
    await client.withToken("wrong").list(24);
    await client.list("abc");
    await client.synchronize([
      { organizationId: 24, name: "A" },
      { organizationId: 24, name: "B" },
    ]);
    await client.synchronize([{ organizationId: 24, name: "" }]);
    await client.setStatus(104, 1);
    await client.setStatus(9999, 1);
    await fetch(`${emulator.url}/api/unknown`);
    await fetch(`${emulator.url}/_emulator/counters`);

    expect(emulator.counters()).toEqual({
      total: 8,
      byRoute: {
        "GET /api/operator": 3,
        "POST /api/operator/synchronize": 2,
        "POST /api/operator/status": 2,
        "GET /api/company/organization": 0,
        "POST /api/company/get-token": 0,
        other: 1,
      },
      byStatus: { "200": 3, "400": 2, "401": 2, "404": 1 },
      operatorsSynchronized: 2,
    });

    emulator.resetCounters();
    expect(emulator.counters()).toMatchObject({ total: 0, byStatus: {}, operatorsSynchronized: 0 });
  });

  it("count reused entries under duplicateNames reuse as synchronized", async () => {
    const { client, emulator } = await startTestEmulator({ behaviour: { duplicateNames: "reuse" } });
    await client.synchronize([
      { organizationId: 24, name: "John Smith" },
      { organizationId: 24, name: "New One" },
    ]);
    expect(emulator.counters().operatorsSynchronized).toBe(2);
  });
});

describe("request log", () => {
  it("writes one line per request with method, path, status and time, and never a header value", async () => {
    const lines: string[] = [];
    const { client } = await startTestEmulator({
      log: (line) => lines.push(line),
      tokens: { "s3cret-token": "*" },
    });
    await client.withToken("s3cret-token").list(24);
    await client.withToken("guess").synchronize([]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^GET \/api\/operator\?organizationId=24 200 \d+ms$/);
    expect(lines[1]).toMatch(/^POST \/api\/operator\/synchronize 401 \d+ms$/);
    expect(lines.join("\n")).not.toMatch(/s3cret|guess|Bearer/);
  });
});

describe("admin routes under /_emulator", () => {
  it("serve and reset counters, and are not counted themselves", async () => {
    const { client, emulator } = await startTestEmulator();
    await client.list(24);
    const counters = await (await fetch(`${emulator.url}/_emulator/counters`)).json();
    expect(counters).toMatchObject({ total: 1, byRoute: { "GET /api/operator": 1 } });
    const reset = await fetch(`${emulator.url}/_emulator/counters/reset`, { method: "POST" });
    expect(await reset.json()).toMatchObject({ total: 0 });
    expect(emulator.counters().total).toBe(0);
  });

  it("read and patch the behaviour, validating the patch", async () => {
    const { emulator } = await startTestEmulator();
    const patch = (body: string) =>
      fetch(`${emulator.url}/_emulator/behaviour`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body,
      });
    const patched = await patch(JSON.stringify({ listDeleted: "show", rateLimitPerSecond: 5 }));
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ listDeleted: "show", rateLimitPerSecond: 5 });
    expect(await (await fetch(`${emulator.url}/_emulator/behaviour`)).json()).toEqual(emulator.behaviour());

    for (const bad of ['{"failureRate": 1.5}', '{"noAccess": "402"}', '{"nonsense": 1}', "[]", "{oops"]) {
      const refused = await patch(bad);
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ message: expect.any(String) });
    }
    expect(emulator.behaviour()).toMatchObject({ failureRate: 0, noAccess: "401" });
  });

  it("list every operator, deleted ones included, and the organizations", async () => {
    const { client, emulator } = await startTestEmulator();
    await client.setStatus(103, 2);
    const operators = await (await fetch(`${emulator.url}/_emulator/operators`)).json();
    expect(operators).toEqual(emulator.operators());
    expect(operators).toContainEqual({ id: 103, name: "Mike Wilson", status: 2, organizationId: 24 });
    const organizations = await (await fetch(`${emulator.url}/_emulator/organizations`)).json();
    expect(organizations).toEqual([
      { id: 24, name: "Customer Support" },
      { id: 25, name: "Sales" },
    ]);
  });

  it("change operators behind the API's back, as by hand in the ChatHub UI", async () => {
    const { client, emulator } = await startTestEmulator();
    const post = (path: string, body: unknown) =>
      fetch(`${emulator.url}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const created = await post("/_emulator/operators", { organizationId: 25, name: "Hand Made", status: 1 });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ id: 104, name: "Hand Made", status: 1, organizationId: 25 });
    expect((await post("/_emulator/operators/101/status", { status: 1 })).status).toBe(200);
    expect((await client.listOperators(24))[0]?.status).toBe(1);

    expect((await post("/_emulator/operators", { organizationId: 999, name: "X" })).status).toBe(400);
    expect((await post("/_emulator/operators", { organizationId: 24, name: " " })).status).toBe(400);
    expect((await post("/_emulator/operators/9999/status", { status: 1 })).status).toBe(404);
    expect((await post("/_emulator/operators/101/status", { status: 7 })).status).toBe(400);
    expect(emulator.counters().total).toBe(1);
  });

  it("report invariant violations (none)", async () => {
    const { emulator } = await startTestEmulator();
    expect(await (await fetch(`${emulator.url}/_emulator/invariants`)).json()).toEqual({ violations: [] });
  });

  it("need no token, and /api still does", async () => {
    const { emulator } = await startTestEmulator({ tokens: { other: "*" } });
    expect((await fetch(`${emulator.url}/_emulator/counters`)).status).toBe(200);
    const api = await fetch(`${emulator.url}/api/operator?organizationId=24`, {
      headers: { authorization: `Bearer ${DEFAULT_EMULATOR_TOKEN}` },
    });
    expect(api.status).toBe(401);
  });
});

describe("test helpers on the running emulator", () => {
  it("add organizations and operators, and refuse what the API would refuse", async () => {
    const { client, emulator } = await startTestEmulator();
    emulator.addOrganization({ id: 30, name: "Billing" });
    const added = emulator.addOperator({ organizationId: 30, name: "Ann Lee" });
    expect(added).toEqual({ id: 104, name: "Ann Lee", status: 0, organizationId: 30 });
    expect(await client.listOperators(30)).toEqual([
      { id: 104, name: "Ann Lee", status: 0, organization: { id: 30, name: "Billing" } },
    ]);
    expect(() => emulator.addOperator({ organizationId: 31, name: "Nobody" })).toThrow(/organization 31/);
    expect(() => emulator.addOperator({ organizationId: 30, name: "" })).toThrow(/blank/);
    expect(() => emulator.setOperatorStatus(9999, 1)).toThrow(/9999/);
    expect(emulator.checkInvariants()).toEqual([]);
  });

  it("return copies, so a test cannot corrupt the store by accident", async () => {
    const { emulator } = await startTestEmulator();
    const [first] = emulator.operators();
    if (first) first.status = 2;
    expect(emulator.operators()[0]?.status).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { TOO_MANY_REQUESTS_BODY } from "../src/documented-limits";
import { startTestEmulator } from "./spec-client";

/** What fetch reports when the server destroys the connection without answering. */
async function outcome(request: Promise<Response>): Promise<string | number> {
  try {
    return (await request).status;
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? String(error);
  }
}

describe("faults aimed at chosen calls (failCalls)", () => {
  it("hits exactly calls `call` to `call + times - 1` of its route, then is spent", async () => {
    const { client, emulator } = await startTestEmulator();
    emulator.failCalls({ route: "GET /api/operator", call: 2, times: 2, answer: 503 });
    const answers: (string | number)[] = [];
    for (let i = 0; i < 5; i += 1) answers.push(await outcome(client.list(24)));
    expect(answers).toEqual([200, 503, 503, 200, 200]);
    // Another route is not counted.
    expect((await client.setStatus(101, 1)).status).toBe(200);
  });

  it("500 answers at once and applies nothing", async () => {
    const { client, emulator } = await startTestEmulator();
    emulator.failCalls({ route: "POST /api/operator/status", answer: 500 });
    expect((await client.setStatus(101, 1)).status).toBe(500);
    expect(emulator.operators().find((operator) => operator.id === 101)?.status).toBe(0);
    expect((await client.setStatus(101, 1)).status).toBe(200);
  });

  it("429 refuses as the rate limit does, with Retry-After, applies nothing, at any pace", async () => {
    const { client, emulator } = await startTestEmulator();
    emulator.failCalls({ route: "POST /api/operator/status", times: 2, answer: 429 });
    const refused = await client.setStatus(101, 1);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(await refused.json()).toEqual(TOO_MANY_REQUESTS_BODY);
    emulator.setBehaviour({ rateLimitRetryAfter: false });
    expect((await client.setStatus(101, 1)).headers.get("retry-after")).toBeNull();
    expect(emulator.operators().find((operator) => operator.id === 101)?.status).toBe(0);
    expect((await client.setStatus(101, 1)).status).toBe(200);
    expect(emulator.counters().byStatus).toMatchObject({ "429": 2, "200": 1 });
  });

  it("a lost answer applies the call, then resets the connection", async () => {
    const { client, emulator } = await startTestEmulator();
    emulator.failCalls({ route: "POST /api/operator/synchronize", answer: "lost-answer" });
    const before = emulator.operators().length;
    expect(await outcome(client.synchronize([{ organizationId: 24, name: "Applied Unanswered" }]))).not.toBe(
      200,
    );
    expect(emulator.operators()).toHaveLength(before + 1);
    expect(emulator.counters().byStatus).toMatchObject({ dropped: 1 });
  });

  it("a timeout holds the call unanswered and applies nothing", async () => {
    const { client, emulator } = await startTestEmulator();
    emulator.failCalls({ route: "POST /api/operator/status", answer: "timeout" });
    const answer = await outcome(client.setStatus(101, 1, { signal: AbortSignal.timeout(300) }));
    expect(answer).not.toBe(200);
    expect(emulator.operators().find((operator) => operator.id === 101)?.status).toBe(0);
  });

  it("is armed, listed and cleared through the admin routes while the emulator runs", async () => {
    const { client, emulator } = await startTestEmulator();
    const admin = `${emulator.url}/_emulator/faults`;
    const armed = await fetch(admin, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ route: "GET /api/operator", answer: 500 }),
    });
    expect(armed.status).toBe(201);
    expect(await armed.json()).toEqual([
      { route: "GET /api/operator", call: 1, times: 1, answer: 500, remaining: 1 },
    ]);
    const refused = await fetch(admin, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ route: "operator", answer: 418 }),
    });
    expect(refused.status).toBe(400);
    expect((await fetch(admin, { method: "DELETE" })).status).toBe(200);
    expect(await (await fetch(admin)).json()).toEqual([]);
    expect((await client.list(24)).status).toBe(200);
  });
});

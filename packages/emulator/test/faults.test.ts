import { describe, expect, it, vi } from "vitest";
import { DEFAULT_EMULATOR_BEHAVIOUR, type EmulatorBehaviour, TOO_MANY_REQUESTS_BODY } from "../src";
import { FaultInjector } from "../src/faults";
import { startTestEmulator } from "./spec-client";

/** What fetch reports when the server destroys the connection without answering. */
async function connectionError(request: Promise<Response>): Promise<string> {
  try {
    const response = await request;
    return `answered ${response.status}`;
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? String(error);
  }
}

describe("injected faults", () => {
  // By how much, and that the request is held, apart: no test here reads a clock.
  it("latencyMs is the hold of every request, and latencySpikeRate 1 adds latencySpikeMs to it", () => {
    const faults = (patch: Partial<EmulatorBehaviour>) =>
      new FaultInjector(() => ({ ...DEFAULT_EMULATOR_BEHAVIOUR, ...patch }));
    expect(faults({ latencyMs: 150 }).delayMs()).toBe(150);
    expect(faults({ latencySpikeRate: 1, latencySpikeMs: 150 }).delayMs()).toBe(150);
    expect(faults({ latencyMs: 20, latencySpikeRate: 1, latencySpikeMs: 150 }).delayMs()).toBe(170);
    expect(faults({}).delayMs()).toBe(0);
  });

  it("holds a counted /api request unanswered for its latency", async () => {
    const { client, emulator } = await startTestEmulator({ behaviour: { latencyMs: 600_000 } });
    let answered = false;
    const listing = client.list(24).then(
      () => (answered = true),
      () => undefined, // dropped when the emulator closes
    );
    while (emulator.counters().total === 0) await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(answered).toBe(false);
    await emulator.close();
    await listing;
    expect(answered).toBe(false);
  });

  it("failureRate 1 answers 503 before doing anything, even to a bad token", async () => {
    const { client, emulator } = await startTestEmulator({ behaviour: { failureRate: 1 } });
    const synchronize = await client.synchronize([{ organizationId: 24, name: "Never Created" }]);
    expect(synchronize.status).toBe(503);
    expect(await synchronize.json()).toEqual({ message: expect.any(String) });
    expect((await client.withToken("wrong").list(24)).status).toBe(503);
    expect(emulator.operators()).toHaveLength(3);
  });

  it("failureRate is reproducible for a given seed", async () => {
    const statuses = async (seed: number) => {
      const { client } = await startTestEmulator({ behaviour: { failureRate: 0.5, seed } });
      const answers: number[] = [];
      for (let i = 0; i < 20; i += 1) answers.push((await client.list(24)).status);
      return answers;
    };
    const first = await statuses(7);
    expect(first).toContain(503);
    expect(first).toContain(200);
    expect(await statuses(7)).toEqual(first);
  });

  it("rateLimitPerSecond answers 429 with an integer Retry-After, then lets the client through again", async () => {
    let now = 1_000_000; // a clock the test steps: the window moves only when the test says so
    const { client, emulator } = await startTestEmulator({
      behaviour: { rateLimitPerSecond: 3 },
      clock: () => now,
    });
    const answers = await Promise.all(Array.from({ length: 5 }, () => client.list(24)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 429, 429]);
    for (const refused of answers.filter((answer) => answer.status === 429)) {
      const retryAfter = refused.headers.get("retry-after") ?? "";
      expect(retryAfter).toMatch(/^[1-9][0-9]*$/);
      expect(await refused.json()).toEqual(TOO_MANY_REQUESTS_BODY);
    }
    // Rate limiting comes before authentication.
    expect((await client.withToken("wrong").list(24)).status).toBe(429);

    now += 999;
    expect((await client.list(24)).status).toBe(429);
    now += 1;
    expect((await client.list(24)).status).toBe(200);
    expect(emulator.counters().byStatus).toMatchObject({ "200": 4, "429": 4 });
  });

  it("rateLimitBurst accepts a burst above the rate; rateLimitRetryAfter false sends no Retry-After", async () => {
    let now = 1_000_000;
    const { client, emulator } = await startTestEmulator({
      behaviour: { rateLimitPerSecond: 2, rateLimitBurst: 4, rateLimitRetryAfter: false },
      clock: () => now,
    });
    const answers = await Promise.all(Array.from({ length: 6 }, () => client.list(24)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 200, 429, 429]);
    for (const refused of answers.filter((answer) => answer.status === 429)) {
      expect(refused.headers.get("retry-after")).toBeNull();
      expect(await refused.json()).toEqual(TOO_MANY_REQUESTS_BODY);
    }
    // 2 per second: after 500 ms one more gets through, the next does not.
    now += 500;
    expect((await client.list(24)).status).toBe(200);
    expect((await client.list(24)).status).toBe(429);
    expect(emulator.behaviour()).toMatchObject({ rateLimitBurst: 4, rateLimitRetryAfter: false });
  });

  it("dropSyncRate 1 applies the synchronize and then resets the connection without an answer", async () => {
    const { client, emulator } = await startTestEmulator({ behaviour: { dropSyncRate: 1 } });
    const outcome = await connectionError(client.synchronize([{ organizationId: 24, name: "Ghost Writer" }]));
    expect(outcome).not.toMatch(/^answered/);
    expect(emulator.operators(24).map((operator) => operator.name)).toContain("Ghost Writer");
    expect(emulator.counters().byStatus).toEqual({ dropped: 1 });
    // Only synchronize answers are dropped.
    expect((await client.list(24)).status).toBe(200);
  });

  it("dropSyncRate does not drop a synchronize that failed validation", async () => {
    const { client } = await startTestEmulator({ behaviour: { dropSyncRate: 1 } });
    expect((await client.synchronize([{ organizationId: 24, name: "" }])).status).toBe(400);
  });

  it("hang: requests never answer, and close() releases them", async () => {
    const { client, emulator } = await startTestEmulator({ behaviour: { hang: true } });
    const timedOut = client.list(24, { signal: AbortSignal.timeout(300) });
    await expect(timedOut).rejects.toMatchObject({ name: "TimeoutError" });

    const heldUntilClose = connectionError(client.withToken("wrong").list(24));
    await vi.waitFor(() => expect(emulator.counters().total).toBe(2));
    // Were the held requests not released, close() would never resolve and the test time out.
    await emulator.close();
    expect(await heldUntilClose).not.toMatch(/^answered/);
  });

  it("close() also releases requests held by latency", async () => {
    const { client, emulator } = await startTestEmulator({ behaviour: { latencyMs: 60_000 } });
    const held = connectionError(client.list(24));
    await vi.waitFor(() => expect(emulator.counters().total).toBe(1));
    await emulator.close();
    expect(await held).not.toMatch(/^answered/);
  });
});

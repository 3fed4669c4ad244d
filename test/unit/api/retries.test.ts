import { describe, expect, it } from "vitest";
import { ChatHubAmbiguousError, ChatHubApiError } from "../../../src/api";
import { clientFor, emulator, failureOf, InstantTimer, refusingUrl, waitsOnRealTime } from "./support";

const LIST = "GET /api/operator";
const SYNCHRONIZE = "POST /api/operator/synchronize";
const STATUS = "POST /api/operator/status";

describe("retries of requests safe to repeat", () => {
  it("gets through intermittent 503s", async () => {
    const server = await emulator({ failureRate: 0.5, seed: 7 });
    const client = clientFor(server, { maxRetries: 8, listCacheTtlMs: 0 });
    for (let round = 0; round < 5; round += 1) expect(await client.listOperators(24)).toHaveLength(3);
    await client.setStatus(103, 0);
    const { byStatus } = server.counters();
    expect(byStatus["503"]).toBeGreaterThan(0);
    expect(server.operators(24).find((operator) => operator.id === 103)?.status).toBe(0);
  });

  it("gives up after maxRetries, having made 1 + maxRetries attempts", async () => {
    const server = await emulator({ failureRate: 1 });
    const client = clientFor(server, { maxRetries: 3 });
    const error = await failureOf(client.listOperators(24));
    expect(error).toMatchObject({ kind: "server", status: 503, retryable: true });
    expect((error as Error).message).toContain("after 4 attempts");
    expect(server.counters().byRoute[LIST]).toBe(4);

    await expect(client.setStatus(103, 0)).rejects.toMatchObject({ kind: "server" });
    expect(server.counters().byRoute[STATUS]).toBe(4);
  });

  it("waits as long as Retry-After asks on 429", async () => {
    const server = await emulator({ rateLimitPerSecond: 2 });
    // The emulator's limit runs on real time, so the waits must too; they are counted, not timed.
    const timer = waitsOnRealTime();
    const client = clientFor(server, { listCacheTtlMs: 0 }, timer);
    for (let round = 0; round < 3; round += 1) await client.listOperators(24);
    // The emulator says Retry-After: 1, and the retry waits at least that, whatever its backoff.
    expect(timer.waits.filter((ms) => ms >= 1000)).toHaveLength(1);
    expect(server.counters().byStatus["429"]).toBe(1);
    expect(server.counters().byRoute[LIST]).toBe(4);
  });

  it("reports persistent rate limiting", async () => {
    const server = await emulator({ rateLimitPerSecond: 1 });
    const client = clientFor(server, { maxRetries: 0, listCacheTtlMs: 0 });
    await client.listOperators(24);
    const error = await failureOf(client.listOperators(24));
    expect(error).toMatchObject({ kind: "rate-limited", status: 429, retryable: true });
    expect((error as Error).message).toContain("chathub:requestsPerSecond");
  });

  it("times out each attempt after timeoutMs, then reports a timeout", async () => {
    const server = await emulator({ hang: true });
    const timeoutMs = 150;
    const maxRetries = 2;
    // The timeout is axios's own, on real time; the backoff between attempts is counted.
    const timer = new InstantTimer();
    const client = clientFor(server, { timeoutMs, maxRetries, retryBaseDelayMs: 100 }, timer);
    const error = await failureOf(client.listOperators(24));
    expect(error).toMatchObject({ kind: "timeout", retryable: true });
    expect((error as Error).message).toContain(
      `timed out after ${timeoutMs} ms on each of ${maxRetries + 1} attempts`,
    );
    expect((error as Error).message).toContain("chathub:timeoutMs");
    expect(server.counters().byRoute[LIST]).toBe(maxRetries + 1);
    // One backoff before each retry: 100 then 200 ms, each with up to 20 % jitter.
    expect(timer.waits).toHaveLength(maxRetries);
    timer.waits.forEach((ms, index) => {
      expect(ms).toBeGreaterThanOrEqual(100 * 2 ** index);
      expect(ms).toBeLessThanOrEqual(100 * 2 ** index * 1.2);
    });
  });

  it("retries a refused connection, then reports a network error naming the base URL", async () => {
    const client = clientFor({ url: await refusingUrl() }, { maxRetries: 2 });
    const error = await failureOf(client.listOperators(24));
    expect(error).toMatchObject({ kind: "network", retryable: true });
    expect((error as Error).message).toContain("ECONNREFUSED");
    expect((error as Error).message).toContain("chathub:baseUrl");
    // Nothing listens there to count them: the error says how many attempts were made.
    expect((error as Error).message).toContain("after 3 attempts");
  });
});

describe("synchronize, which is not idempotent", () => {
  const alex = [{ organizationId: 24, name: "Alex Brown" }];

  it("is ambiguous, and never re-sent, when the answer is lost after it was applied", async () => {
    const server = await emulator({ dropSyncRate: 1 });
    const client = clientFor(server);
    const error = await failureOf(client.synchronize(alex));
    expect(error).toBeInstanceOf(ChatHubAmbiguousError);
    expect(error).toMatchObject({ kind: "ambiguous", retryable: false, sent: alex });
    expect((error as Error).message).toContain("reconcile");
    expect(server.counters().byRoute[SYNCHRONIZE]).toBe(1);
    expect(server.operators(24).filter((operator) => operator.name === "Alex Brown")).toHaveLength(1);
    // The caller reconciles by listing, which must not be a cached list from before the write.
    expect(await client.findOneByName(24, "alex brown")).toBeDefined();
  });

  it("is ambiguous, and not retried, on 503", async () => {
    const server = await emulator({ failureRate: 1 });
    const error = await failureOf(clientFor(server, { maxRetries: 5 }).synchronize(alex));
    expect(error).toBeInstanceOf(ChatHubAmbiguousError);
    expect(error).toMatchObject({ status: 503 });
    expect(server.counters().byRoute[SYNCHRONIZE]).toBe(1);
  });

  it("is ambiguous, and not retried, when it times out", async () => {
    const server = await emulator({ hang: true });
    const error = await failureOf(clientFor(server, { timeoutMs: 100, maxRetries: 5 }).synchronize(alex));
    expect(error).toBeInstanceOf(ChatHubAmbiguousError);
    expect((error as Error).message).toContain("timed out after 100 ms");
    expect(server.counters().byRoute[SYNCHRONIZE]).toBe(1);
  });

  it("is retried on 429, which ChatHub did not apply", async () => {
    const server = await emulator({ rateLimitPerSecond: 1 });
    const client = clientFor(server);
    await client.listOperators(25);
    const [created] = await client.synchronize(alex);
    expect(created?.name).toBe("Alex Brown");
    expect(server.counters().byRoute[SYNCHRONIZE]).toBe(2);
    expect(server.operators(24).filter((operator) => operator.name === "Alex Brown")).toHaveLength(1);
  });

  it("is retried on a refused connection, and then is a plain network error", async () => {
    const client = clientFor({ url: await refusingUrl() }, { maxRetries: 2 });
    const error = await failureOf(client.synchronize(alex));
    expect(error).toBeInstanceOf(ChatHubApiError);
    expect(error).not.toBeInstanceOf(ChatHubAmbiguousError);
    expect(error).toMatchObject({ kind: "network" });
    expect((error as Error).message).toContain("after 3 attempts");
  });
});

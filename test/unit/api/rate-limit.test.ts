import { TOO_MANY_REQUESTS_BODY } from "pulumi-chathub-emulator";
import { describe, expect, it } from "vitest";
import { type Answer, clientFor, emulator, failureOf, fakeServer, InstantTimer } from "./support";

describe("client-side rate limit", () => {
  it("spaces 20 concurrent calls at 10 requests per second: 19 waits of 100 ms", async () => {
    const server = await emulator();
    const timer = new InstantTimer();
    const client = clientFor(server, { requestsPerSecond: 10 }, timer);
    // Different organizations, so the calls cannot share one list.
    await Promise.all(Array.from({ length: 20 }, (_, index) => client.listOperators(1000 + index)));
    expect(timer.waits).toEqual(Array.from({ length: 19 }, () => 100));
    expect(server.counters().byRoute["GET /api/operator"]).toBe(20);
  });

  it("counts retries against the same budget", async () => {
    const server = await emulator({ failureRate: 0.5, seed: 3 });
    const timer = new InstantTimer();
    // No backoff, so that the timer moves by the spacing alone.
    const client = clientFor(server, { requestsPerSecond: 20, maxRetries: 10, retryBaseDelayMs: 0 }, timer);
    const started = timer.now();
    await Promise.all([24, 25, 26, 27].map((organizationId) => client.listOperators(organizationId)));
    const attempts = server.counters().total;
    expect(attempts).toBeGreaterThan(4);
    // Every attempt after the first, retried or not, waited its 50 ms turn.
    expect(timer.now() - started).toBe((attempts - 1) * 50);
  });
});

describe("pace on 429", () => {
  it("slows the whole client down when ChatHub refuses, so a pace set 4× too high still gets everything through", async () => {
    // Scaled down from 200/s against SMSBAT's 50/s with bursts of 75; no Retry-After, as documented.
    const server = await emulator({ rateLimitPerSecond: 20, rateLimitBurst: 30, rateLimitRetryAfter: false });
    const client = clientFor(server, { requestsPerSecond: 80, rateLimitBackoffMs: 200, maxRetries: 8 });
    const lists = await Promise.all(
      Array.from({ length: 100 }, (_, index) => client.listOperators(1000 + index)),
    );
    expect(lists).toHaveLength(100);
    const { total: attempts, byStatus } = server.counters();
    const rateLimited = byStatus["429"] ?? 0;
    // A client that kept its pace would be refused about as often as it is let through.
    expect(rateLimited).toBeLessThanOrEqual(20);
    expect(attempts).toBe(100 + rateLimited);
  });

  it("holds every call, not just the refused one, for Retry-After", async () => {
    const timer = new InstantTimer();
    const server = await fakeServer(({ url }): Answer => {
      if (!url.endsWith("=1000")) return { headers: { "content-type": "text/plain" }, body: "[]" };
      return { status: 429, headers: { "retry-after": "1" }, body: JSON.stringify(TOO_MANY_REQUESTS_BODY) };
    }, timer);
    const client = clientFor(server, { requestsPerSecond: 20, maxRetries: 0 }, timer);
    // The refusal first, answered, then three calls at once.
    await expect(client.listOperators(1000)).rejects.toMatchObject({ status: 429 });
    const results = await Promise.all(
      [1001, 1002, 1003].map((organizationId) => client.listOperators(organizationId)),
    );
    expect(results).toEqual([[], [], []]);
    const [refused, ...others] = server.requests;
    expect(others).toHaveLength(3);
    for (const request of others) {
      expect(request.receivedAt - (refused?.receivedAt ?? 0)).toBeGreaterThanOrEqual(1000);
    }
    // The first waits out the second; the others their turn at the pace the 429 halved (10/s).
    expect(timer.waits).toEqual([1000, 100, 100]);
  });

  it("without Retry-After, backs off exponentially and reports the documented 429 body", async () => {
    const timer = new InstantTimer();
    const server = await fakeServer(
      () => ({ status: 429, body: JSON.stringify(TOO_MANY_REQUESTS_BODY) }),
      timer,
    );
    const client = clientFor(server, { maxRetries: 3, rateLimitBackoffMs: 100 }, timer);
    const error = await failureOf(client.listOperators(24));
    const gaps = server.requests.slice(1).map((request, index) => {
      return request.receivedAt - (server.requests[index]?.receivedAt ?? 0);
    });
    expect(gaps).toHaveLength(3);
    // 100, 200, 400 ms, each with up to 20% jitter; the pace, halved by each 429, asks for less.
    gaps.forEach((gap, index) => {
      expect(gap).toBeGreaterThanOrEqual(100 * 2 ** index);
      expect(gap).toBeLessThanOrEqual(100 * 2 ** index * 1.2);
    });
    expect(error).toMatchObject({ kind: "rate-limited", status: 429 });
    expect((error as Error).message).toBe(
      "ChatHub kept rate-limiting GET /api/operator?organizationId=24 (organization 24) with 429 after 4 attempts: " +
        'Too Many Requests ("Rate limit exceeded. Please wait before sending more requests."). The limit is per company ' +
        "(SMSBAT documents 50 requests per second, bursts of 75): lower chathub:requestsPerSecond, or ask SMSBAT for a higher limit.",
    );
  });
});

import { TOO_MANY_REQUESTS_BODY } from "pulumi-chathub-emulator";
import { describe, expect, it } from "vitest";
import { type Answer, clientFor, emulator, FakeClock, failureOf, fakeServer } from "./support";

// On a FakeClock, time passes only by the waits the client asks for: the tests count those waits.

describe("client-side rate limit", () => {
  it("spaces 20 concurrent calls at 10 requests per second: 19 waits of 100 ms", async () => {
    const clock = new FakeClock();
    const server = await emulator();
    const client = clientFor(server, { requestsPerSecond: 10, clock });
    // Different organizations, so the calls cannot share one list.
    await Promise.all(Array.from({ length: 20 }, (_, index) => client.listOperators(1000 + index)));
    expect(clock.waits).toEqual(Array(19).fill(100));
    expect(server.counters().byRoute["GET /api/operator"]).toBe(20);
  });

  it("counts retries against the same budget", async () => {
    const clock = new FakeClock();
    const server = await emulator({ failureRate: 0.5, seed: 3 });
    // No backoff: every wait is the limiter's.
    const client = clientFor(server, { requestsPerSecond: 20, maxRetries: 10, retryBaseDelayMs: 0, clock });
    await Promise.all([24, 25, 26, 27].map((organizationId) => client.listOperators(organizationId)));
    const attempts = server.counters().total;
    expect(attempts).toBeGreaterThan(4);
    expect(clock.waits).toEqual(Array(attempts - 1).fill(50));
  });
});

describe("pace on 429", () => {
  it("slows the whole client down when ChatHub refuses, so a pace set 4× too high still gets everything through", async () => {
    // Scaled down from 200/s against SMSBAT's 50/s with bursts of 75; no Retry-After, as documented.
    // ChatHub's limit and the client count time on one clock.
    const clock = new FakeClock();
    const server = await emulator(
      { rateLimitPerSecond: 20, rateLimitBurst: 30, rateLimitRetryAfter: false },
      undefined,
      clock,
    );
    const client = clientFor(server, {
      requestsPerSecond: 80,
      rateLimitBackoffMs: 200,
      maxRetries: 8,
      clock,
    });
    const lists = await Promise.all(
      Array.from({ length: 100 }, (_, index) => client.listOperators(1000 + index)),
    );
    expect(lists).toHaveLength(100);
    const { total: attempts, byStatus } = server.counters();
    const rateLimited = byStatus["429"] ?? 0;
    // A client that kept its pace would be refused about as often as it is let through.
    expect(rateLimited).toBeGreaterThan(0);
    expect(rateLimited).toBeLessThanOrEqual(20);
    expect(attempts).toBe(100 + rateLimited);
  });

  it("holds every call, not just the refused one, for Retry-After", async () => {
    const clock = new FakeClock();
    const server = await fakeServer(({ url }): Answer => {
      if (!url.endsWith("=1000")) return { headers: { "content-type": "text/plain" }, body: "[]" };
      return { status: 429, headers: { "retry-after": "1" }, body: JSON.stringify(TOO_MANY_REQUESTS_BODY) };
    }, clock);
    const client = clientFor(server, { requestsPerSecond: 20, maxRetries: 0, clock });
    // The refusal first, answered, then three calls at once.
    await expect(client.listOperators(1000)).rejects.toMatchObject({ status: 429 });
    const results = await Promise.all(
      [1001, 1002, 1003].map((organizationId) => client.listOperators(organizationId)),
    );
    expect(results).toEqual([[], [], []]);
    const [refused, ...others] = server.requests;
    expect(others).toHaveLength(3);
    // The first waits out the one-second Retry-After; the others then keep the (slowed) spacing.
    expect(clock.waits[0]).toBe(1000);
    for (const request of others) {
      expect(request.receivedAt - (refused?.receivedAt ?? 0)).toBeGreaterThanOrEqual(1000);
    }
  });

  it("without Retry-After, backs off exponentially and reports the documented 429 body", async () => {
    const clock = new FakeClock();
    const server = await fakeServer(() => ({ status: 429, body: JSON.stringify(TOO_MANY_REQUESTS_BODY) }));
    const client = clientFor(server, { maxRetries: 3, rateLimitBackoffMs: 100, clock });
    const error = await failureOf(client.listOperators(24));
    expect(server.requests).toHaveLength(4);
    // 100, 200, 400 ms, each with up to 20% jitter; nothing else waits, the pace's gaps being shorter.
    expect(clock.waits).toHaveLength(3);
    clock.waits.forEach((wait, index) => {
      expect(wait).toBeGreaterThanOrEqual(100 * 2 ** index);
      expect(wait).toBeLessThanOrEqual(100 * 2 ** index * 1.2);
    });
    expect(error).toMatchObject({ kind: "rate-limited", status: 429 });
    expect((error as Error).message).toBe(
      "ChatHub kept rate-limiting GET /api/operator?organizationId=24 (organization 24) with 429 after 4 attempts: " +
        'Too Many Requests ("Rate limit exceeded. Please wait before sending more requests."). The limit is per company ' +
        "(SMSBAT documents 50 requests per second, bursts of 75): lower chathub:requestsPerSecond, or ask SMSBAT for a higher limit.",
    );
  });
});

import { describe, expect, it } from "vitest";
import { clientFor, emulator } from "./support";

describe("client-side rate limit", () => {
  it("spaces 20 concurrent calls at 10 requests per second over about 2 seconds", async () => {
    const server = await emulator();
    const client = clientFor(server, { requestsPerSecond: 10 });
    const started = Date.now();
    // Different organizations, so the calls cannot share one list.
    await Promise.all(Array.from({ length: 20 }, (_, index) => client.listOperators(1000 + index)));
    expect(Date.now() - started).toBeGreaterThanOrEqual(1800);
    expect(server.counters().byRoute["GET /api/operator"]).toBe(20);
  });

  it("counts retries against the same budget", async () => {
    const server = await emulator({ failureRate: 0.5, seed: 3 });
    const client = clientFor(server, { requestsPerSecond: 20, maxRetries: 10 });
    const started = Date.now();
    await Promise.all([24, 25, 26, 27].map((organizationId) => client.listOperators(organizationId)));
    const { attempts } = client.stats();
    expect(attempts).toBeGreaterThan(4);
    expect(Date.now() - started).toBeGreaterThanOrEqual((attempts - 1) * 50 - 10);
  });
});

import { describe, expect, it } from "vitest";
import type { Timer } from "../../../src/api";
import { clientFor, emulator } from "./support";

const LIST = "GET /api/operator";

describe("list coalescing and cache", () => {
  it("answers 50 concurrent lists of one organization with one request", async () => {
    const server = await emulator({ latencyMs: 50 });
    const client = clientFor(server);
    const lists = await Promise.all(Array.from({ length: 50 }, () => client.listOperators(24)));
    expect(server.counters().byRoute[LIST]).toBe(1);
    for (const list of lists) expect(list).toEqual(lists[0]);
  });

  // How long a list is kept is ListCache's (test/unit/api/list-cache.test.ts, on its own clock).
  it("reuses a list within listCacheTtlMs, and with listCacheTtlMs 0 asks each time", async () => {
    const server = await emulator();
    const caching = clientFor(server, { listCacheTtlMs: 60_000 });
    await caching.listOperators(24);
    await caching.statistics(24);
    expect(server.counters().byRoute[LIST]).toBe(1);
    const notCaching = clientFor(server, { listCacheTtlMs: 0 });
    await notCaching.listOperators(24);
    await notCaching.statistics(24);
    expect(server.counters().byRoute[LIST]).toBe(3);
  });

  it("keeps a list for listCacheTtlMs on the Timer it is given, one whose methods read `this` included", async () => {
    // A Timer written as a class, as a user's script may: its methods must be called on it.
    class SteppedTimer implements Timer {
      at = 5_000;
      now(): number {
        return this.at;
      }
      async sleep(ms: number): Promise<void> {
        this.at += ms;
      }
    }
    const timer = new SteppedTimer();
    const server = await emulator();
    const client = clientFor(server, { listCacheTtlMs: 1_000 }, timer);
    await client.listOperators(24);
    timer.at += 999;
    await client.listOperators(24);
    expect(server.counters().byRoute[LIST]).toBe(1);
    timer.at += 1;
    await client.listOperators(24);
    expect(server.counters().byRoute[LIST]).toBe(2);
  });

  it("writes synchronize and status changes through to their organization's cached list, exactly as ChatHub lists them", async () => {
    const server = await emulator();
    const client = clientFor(server, { listCacheTtlMs: 60_000 });
    await client.listOperators(24);
    await client.listOperators(25);

    await client.setStatus(103, 0);
    expect((await client.findById(24, 103))?.status).toBe(0);
    const [alex] = await client.synchronize([{ organizationId: 24, name: "Alex Brown" }]);
    expect(await client.findOneByName(24, "Alex Brown")).toEqual({
      ...alex,
      organization: { id: 24, name: "Customer Support" },
    });
    await client.listOperators(25);
    expect(server.counters().byRoute[LIST]).toBe(2);

    const writtenThrough = await client.listOperators(24);
    client.invalidate(24);
    expect(await client.listOperators(24)).toEqual(writtenThrough);
    expect(server.counters().byRoute[LIST]).toBe(3);
  });

  it("drops the organization's list after a delete, which ChatHub may or may not list", async () => {
    const server = await emulator();
    const client = clientFor(server, { listCacheTtlMs: 60_000 });
    await client.listOperators(24);
    await client.listOperators(25);
    await client.setStatus(103, 2);
    expect(await client.findById(24, 103)).toBeUndefined();
    await client.listOperators(25);
    expect(server.counters().byRoute[LIST]).toBe(3);
  });

  it("drops every list when setStatus cannot tell the operator's organization", async () => {
    const server = await emulator();
    const client = clientFor(server, { listCacheTtlMs: 60_000 });
    await client.listOperators(25);
    await client.setStatus(103, 0);
    await client.listOperators(25);
    expect(server.counters().byRoute[LIST]).toBe(2);
  });

  it("does not keep a list that was in flight while a write changed it", async () => {
    const server = await emulator({ latencyMs: 150 });
    const client = clientFor(server, { listCacheTtlMs: 60_000 });
    const racing = client.listOperators(24);
    // The write is sent once ChatHub has the list request (both answered after the same latency).
    while (server.counters().byRoute[LIST] !== 1) await new Promise((resolve) => setImmediate(resolve));
    await client.setStatus(103, 2, 24);
    expect((await racing).find((operator) => operator.id === 103)?.status).toBe(1);
    expect(await client.findById(24, 103)).toBeUndefined();
    expect(server.counters().byRoute[LIST]).toBe(2);
  });

  it("forgets lists on invalidate()", async () => {
    const server = await emulator();
    const client = clientFor(server, { listCacheTtlMs: 60_000 });
    await client.listOperators(24);
    client.invalidate(24);
    await client.listOperators(24);
    client.invalidate();
    await client.listOperators(24);
    expect(server.counters().byRoute[LIST]).toBe(3);
  });

  it("does not cache a failure", async () => {
    const server = await emulator({ failureRate: 1 });
    const client = clientFor(server, { maxRetries: 0 });
    await expect(client.listOperators(24)).rejects.toMatchObject({ kind: "server" });
    server.setBehaviour({ failureRate: 0 });
    expect(await client.listOperators(24)).toHaveLength(3);
  });
});

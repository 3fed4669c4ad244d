import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { ChatHubClient } from "../../../src/api";
import { OrganizationCreateBatcher } from "../../../src/core/create-batcher";
import { NameClashError } from "../../../src/core/errors";
import { clientFor, emulator, failureOf } from "../api/support";

const FAST = { quietMs: 5, maxWaitMs: 50, maxReconcileRounds: 5 };
const SYNCHRONIZE = "POST /api/operator/synchronize";

interface LateServer {
  url: string;
  operators: { id: number; name: string; status: 0 }[];
  synchronizeCalls: number;
  /** Applies the held first synchronize (and answers it, if anyone still listens). */
  applyLate(): void;
  close(): Promise<void>;
}

const servers: LateServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/**
 * A ChatHub of organization 24 whose first synchronize is held: applied only when the test calls
 * `applyLate` (after the client has given up: the spec's open question 6, a request that timed out
 * may still be applied), and answered with `answer` ("late": no answer until then; 504: a gateway
 * that gave up at once). Held, not delayed by a timer, so that a loaded machine changes nothing.
 */
async function heldFirstSynchronize(answer: "late" | 504): Promise<LateServer> {
  let nextId = 1;
  const state: LateServer = {
    url: "",
    operators: [],
    synchronizeCalls: 0,
    applyLate: () => {
      throw new Error("no synchronize is held");
    },
    close: async () => undefined,
  };
  const apply = (body: string) =>
    (JSON.parse(body) as { name: string }[]).map(({ name }) => {
      const operator = { id: nextId++, name, status: 0 as const };
      state.operators.push(operator);
      return operator;
    });
  const send = (response: ServerResponse, status: number, body: unknown) => {
    if (!response.destroyed && !response.headersSent)
      response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  };
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on("end", () => {
      if (request.method === "GET") {
        const listed = state.operators.map((o) => ({ ...o, organization: { id: 24, name: "Support" } }));
        return send(response, 200, listed);
      }
      state.synchronizeCalls += 1;
      if (state.synchronizeCalls > 1) return send(response, 200, apply(body));
      if (answer === 504) send(response, 504, { message: "gateway timeout" });
      state.applyLate = () => send(response, 200, apply(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  servers.push(state);
  return state;
}

describe("OrganizationCreateBatcher, when a synchronize's answer is lost", () => {
  it.each([
    // The list before it and the reconcile list after it are answered at once: 1 s is room for a loaded machine.
    ["it times out", "late" as const, { timeoutMs: 1000 }],
    ["a gateway answers 504", 504 as const, {}],
  ])("does not send it again when %s, since ChatHub may still create it", async (_title, answer, options) => {
    const server = await heldFirstSynchronize(answer);
    const client = new ChatHubClient({ baseUrl: server.url, token: "token", maxRetries: 0, ...options });
    const batcher = new OrganizationCreateBatcher(client, 24, FAST);

    const error = await failureOf(batcher.create("Alex Brown", false));
    expect((error as Error).message).toContain(
      'Could not confirm whether ChatHub created operator "Alex Brown"',
    );
    expect((error as Error).message).toContain("ChatHub may still be creating it");
    expect((error as Error).message).toContain("Run `pulumi up` again");
    // The batcher has given up: applied once, late. Before the fix the reconcile list did not show
    // it yet and it was sent again.
    server.applyLate();
    expect(server.synchronizeCalls).toBe(1);
    expect(server.operators.map((operator) => operator.name)).toEqual(["Alex Brown"]);
  });

  it("takes what was applied before the connection dropped from the list, without sending it again", async () => {
    const server = await emulator({ dropSyncRate: 1 });
    const batcher = new OrganizationCreateBatcher(clientFor(server), 24, FAST);
    const created = await batcher.create("Alex Brown", false);
    const live = server.operators(24).filter((operator) => operator.name === "Alex Brown");
    expect(live).toHaveLength(1);
    expect(created).toEqual({ id: live[0]?.id, name: "Alex Brown", status: 0, adopted: false });
    expect(server.counters().byRoute[SYNCHRONIZE]).toBe(1);
  });

  it("sends again what ChatHub refused with 503, once the list shows it was not created", async () => {
    // With seed 5, failureRate 0.2 fails exactly the 2nd request: the list passes, the synchronize
    // gets the 503, the reconcile list and the re-send pass.
    const server = await emulator({ failureRate: 0.2, seed: 5 });
    const batcher = new OrganizationCreateBatcher(clientFor(server, { maxRetries: 0 }), 24, FAST);
    const created = await batcher.create("Alex Brown", false);
    expect(server.counters().byStatus).toEqual({ "200": 3, "503": 1 });
    expect(server.counters().byRoute[SYNCHRONIZE]).toBe(2);
    expect(server.operators(24).filter((operator) => operator.name === "Alex Brown")).toEqual([
      { id: created.id, name: "Alex Brown", status: 0, organizationId: 24 },
    ]);
  });
});

describe("OrganizationCreateBatcher.createChecked (a whole roster at once)", () => {
  it("sends ⌈N/100⌉ synchronize calls and no list, in the names' order", async () => {
    const server = await emulator();
    const client = clientFor(server);
    const listed = await client.listOperators(24);
    server.resetCounters();
    const names = Array.from({ length: 250 }, (_, index) => `Agent ${index + 1}`);
    const results = await new OrganizationCreateBatcher(client, 24, FAST).createChecked(names, listed);
    expect(results.map((result) => result.status === "fulfilled" && result.value.name)).toEqual(names);
    expect(server.counters().byRoute).toMatchObject({ [SYNCHRONIZE]: 3, "GET /api/operator": 0 });
  });

  it("reconciles a lost answer by listing, without sending it again", async () => {
    const server = await emulator({ dropSyncRate: 1 });
    const client = clientFor(server);
    const results = await new OrganizationCreateBatcher(client, 24, FAST).createChecked(
      ["Alex Brown"],
      await client.listOperators(24),
    );
    expect(results[0]).toMatchObject({ status: "fulfilled", value: { name: "Alex Brown" } });
    expect(server.counters().byRoute[SYNCHRONIZE]).toBe(1);
    expect(server.operators(24).filter((operator) => operator.name === "Alex Brown")).toHaveLength(1);
  });
});

describe("OrganizationCreateBatcher, closing a batch", () => {
  it("sends it once its oldest create has waited maxWaitMs on its clock, however busy the arrivals", async () => {
    const server = await emulator();
    let now = 0;
    const options = { quietMs: 60_000, maxWaitMs: 60_000, maxReconcileRounds: 5 };
    const batcher = new OrganizationCreateBatcher(clientFor(server), 24, options, () => now);
    const alex = batcher.create("Alex Brown", false);
    now = 60_000; // Alex has waited maxWaitMs when Emma arrives: no more waiting for quiet.
    const emma = batcher.create("Emma Davis", false);
    expect((await Promise.all([alex, emma])).map((created) => created.name)).toEqual([
      "Alex Brown",
      "Emma Davis",
    ]);
    expect(server.counters().byRoute[SYNCHRONIZE]).toBe(1);
  });
});

describe("OrganizationCreateBatcher, between batches", () => {
  const LIST = "GET /api/operator";

  it("reuses the list its own synchronize wrote through, and still refuses a name an earlier batch created", async () => {
    const server = await emulator();
    const batcher = new OrganizationCreateBatcher(clientFor(server, { listCacheTtlMs: 60_000 }), 24, FAST);
    await batcher.create("Alex Brown", false);
    await batcher.create("Emma Davis", false);
    const clash = await failureOf(batcher.create("alex brown", false));
    expect(clash).toBeInstanceOf(NameClashError);
    expect(server.counters().byRoute).toMatchObject({ [LIST]: 1, [SYNCHRONIZE]: 2 });
    expect(server.operators(24).filter((operator) => /alex brown/i.test(operator.name))).toHaveLength(1);
  });

  // When a list expires is ListCache's, on its own clock (test/unit/api/list-cache.test.ts).
  it("lists again once that list is no longer cached, and so sees operators created elsewhere", async () => {
    const server = await emulator();
    const batcher = new OrganizationCreateBatcher(clientFor(server, { listCacheTtlMs: 0 }), 24, FAST);
    await batcher.create("Alex Brown", false);
    server.addOperator({ organizationId: 24, name: "Priya Patel" }); // by hand, in ChatHub's UI
    const clash = await failureOf(batcher.create("Priya Patel", false));
    expect(clash).toBeInstanceOf(NameClashError);
    expect(server.counters().byRoute).toMatchObject({ [LIST]: 2, [SYNCHRONIZE]: 1 });
    expect(server.operators(24).filter((operator) => operator.name === "Priya Patel")).toHaveLength(1);
  });
});

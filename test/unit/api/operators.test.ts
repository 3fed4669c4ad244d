import { describe, expect, it } from "vitest";
import { clientFor, emulator } from "./support";

describe("listOperators", () => {
  it("lists the seeded organization as the spec shows it", async () => {
    const client = clientFor(await emulator());
    expect(await client.listOperators(24)).toEqual([
      { id: 101, name: "John Smith", status: 0, organization: { id: 24, name: "Customer Support" } },
      { id: 102, name: "Sarah Johnson", status: 0, organization: { id: 24, name: "Customer Support" } },
      { id: 103, name: "Mike Wilson", status: 1, organization: { id: 24, name: "Customer Support" } },
    ]);
    expect(await client.listOperators(25)).toEqual([]);
  });

  it.each(["text/plain", "application/json"] as const)(
    "parses a list served as %s",
    async (listContentType) => {
      const client = clientFor(await emulator({ listContentType }));
      expect((await client.listOperators(24)).map((operator) => operator.id)).toEqual([101, 102, 103]);
    },
  );

  it("gives each caller its own copy of a cached list", async () => {
    const client = clientFor(await emulator());
    const first = await client.listOperators(24);
    first.pop();
    expect(await client.listOperators(24)).toHaveLength(3);
  });
});

describe("synchronize", () => {
  it("creates operators and returns them in request order", async () => {
    const server = await emulator();
    const client = clientFor(server);
    const created = await client.synchronize([
      { organizationId: 24, name: "Alex Brown" },
      { organizationId: 24, name: "Emma Davis" },
    ]);
    expect(created.map(({ name, status }) => ({ name, status }))).toEqual([
      { name: "Alex Brown", status: 0 },
      { name: "Emma Davis", status: 0 },
    ]);
    expect(server.operators(24).map((operator) => operator.name)).toContain("Emma Davis");
  });

  it("sends nothing for an empty roster", async () => {
    const server = await emulator();
    expect(await clientFor(server).synchronize([])).toEqual([]);
    expect(server.counters().total).toBe(0);
  });
});

describe("setStatus", () => {
  it("changes an operator's status (200 with an empty body)", async () => {
    const server = await emulator();
    const client = clientFor(server);
    await client.setStatus(103, 0);
    await client.setStatus(102, 2, 24);
    expect(server.operators(24).map(({ id, status }) => [id, status])).toEqual([
      [101, 0],
      [102, 2],
      [103, 0],
    ]);
  });
});

describe("helpers", () => {
  it("finds by id, and by name case-insensitively and trimmed", async () => {
    const client = clientFor(await emulator());
    expect((await client.findById(24, 102))?.name).toBe("Sarah Johnson");
    expect(await client.findById(24, 999)).toBeUndefined();
    expect((await client.findOneByName(24, "  john SMITH "))?.id).toBe(101);
    expect(await client.findOneByName(24, "Nobody")).toBeUndefined();
  });

  it("returns the first operator of a name not deleted", async () => {
    const server = await emulator({ duplicateNames: "allow", listDeleted: "show" });
    const client = clientFor(server);
    const [duplicate] = await client.synchronize([{ organizationId: 24, name: "john smith" }]);
    expect((await client.findOneByName(24, "John Smith"))?.id).toBe(101);
    await client.setStatus(101, 2);
    expect((await client.findOneByName(24, "JOHN SMITH"))?.id).toBe(duplicate?.id);
  });

  it("lists active operators only", async () => {
    const client = clientFor(await emulator());
    expect((await client.activeOperators(24)).map((operator) => operator.id)).toEqual([101, 102]);
  });

  it("counts statuses, with deleted operators shown or hidden", async () => {
    const server = await emulator({ listDeleted: "show" });
    server.setOperatorStatus(102, 2);
    const client = clientFor(server, { listCacheTtlMs: 0 });
    expect(await client.statistics(24)).toEqual({ total: 3, active: 1, inactive: 1, deleted: 1 });
    server.setBehaviour({ listDeleted: "hide" });
    expect(await client.statistics(24)).toEqual({ total: 2, active: 1, inactive: 1, deleted: 0 });
    expect(await client.statistics(25)).toEqual({ total: 0, active: 0, inactive: 0, deleted: 0 });
  });
});

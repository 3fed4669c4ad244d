import type * as pulumi from "@pulumi/pulumi";
import { DEFAULT_EMULATOR_TOKEN, type RunningEmulator } from "pulumi-chathub-emulator";
import { beforeEach, describe, expect, it } from "vitest";

import provider from "../../../src/dynamic/operator-module";

import { PROVIDER_KEY } from "../../../src/dynamic/protocol";
import { emulator, failureOf, fakeServer } from "../api/support";

// The provider's decisions, method by method, against the emulator (or a fake ChatHub where the
// emulator cannot answer the way a case needs). What the end-to-end tests show through the CLI in
// minutes, these show in milliseconds, one branch at a time.

const SERIALIZED = "exports.handler = () => require('pulumi-chathub/provider');";
const STATUS = "POST /api/operator/status";

/** Points the provider (one per process, like Pulumi's) at a server, with no pacing to wait for. */
async function configure(server: { url: string }, token = DEFAULT_EMULATOR_TOKEN): Promise<void> {
  const config: Record<string, string> = {
    "chathub:baseUrl": server.url,
    "chathub:token": token,
    "chathub:requestsPerSecond": "1000",
  };
  await provider.configure?.({
    config: { get: (key: string) => config[key] },
  } as pulumi.dynamic.ConfigureRequest);
}

/** Inputs as the engine hands them to create/update: checked, with the serialized provider. */
function inputs(values: Record<string, unknown>): Record<string, unknown> {
  return { status: "active", adopt: false, ...values, [PROVIDER_KEY]: SERIALIZED };
}

const create = (values: Record<string, unknown>) => provider.create(inputs(values));

let chathub: RunningEmulator;
beforeEach(async () => {
  chathub = await emulator();
  await configure(chathub);
});

const live = (name: string) => chathub.operators(24).filter((o) => o.name === name && o.status !== 2);

describe("check", () => {
  it.each([
    [{ organizationId: 24 }, "name", "name is required"],
    [{ organizationId: 24, name: "  " }, "name", "must not be blank"],
    [{ organizationId: 24, name: "Ann", status: "away" }, "status", 'must be "active" or "inactive"'],
    [{ organizationId: "24", name: "Ann" }, "organizationId", "must be a number"],
    [{ organizationId: 24, name: "Ann", adopt: "yes" }, "adopt", "must be true or false"],
    [{ organizationId: 24, name: "Ann", colour: "red" }, "colour", "is not a property of ChatHubOperator"],
    [{ organizationId: 24, name: "Ann", importFrom: "25/104" }, "importFrom", "names organization 25"],
  ])("refuses %j naming %s, and sends nothing", async (news, property, reason) => {
    const result = await provider.check?.({}, news);
    expect(result?.failures).toEqual([{ property, reason: expect.stringContaining(reason) }]);
    expect(chathub.counters().total).toBe(0);
  });

  it("accepts good inputs with their defaults, trimmed", async () => {
    const result = await provider.check?.({}, { organizationId: 24, name: " Ann Lee " });
    expect(result).toEqual({
      inputs: { organizationId: 24, name: "Ann Lee", status: "active", adopt: false },
    });
  });

  it("leaves values not known yet (preview) to the real run", async () => {
    const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    const result = await provider.check?.({}, { organizationId: unknown, name: "Ann" });
    expect(result?.failures).toBeUndefined();
    expect(result?.inputs).toMatchObject({ organizationId: unknown, name: "Ann" });
  });
});

describe("diff", () => {
  const olds = { organizationId: 24, name: "Ann Lee", status: "active", adopt: false, operatorId: 7 };
  it.each([
    ["nothing", {}, { changes: false, replaces: [], deleteBeforeReplace: false }],
    ["a status", { status: "inactive" }, { changes: true, replaces: [], deleteBeforeReplace: false }],
    ["a name", { name: "Ann Smith" }, { changes: true, replaces: ["name"], deleteBeforeReplace: false }],
    // ChatHub would see the new name as a clash with the old one: the old one goes first.
    [
      "only the case of a name",
      { name: "ANN LEE" },
      { changes: true, replaces: ["name"], deleteBeforeReplace: true },
    ],
    [
      "the organization",
      { organizationId: 25 },
      { changes: true, replaces: ["organizationId"], deleteBeforeReplace: false },
    ],
    [
      "adopt (it only matters when creating)",
      { adopt: true },
      { changes: false, replaces: [], deleteBeforeReplace: false },
    ],
  ])("changing %s", async (_title, change, expected) => {
    expect(
      await provider.diff?.("24/7", olds, inputs({ ...olds, operatorId: undefined, ...change })),
    ).toEqual(expected);
  });
});

describe("create", () => {
  it("creates an inactive operator: synchronize, then the status call", async () => {
    const result = await create({ organizationId: 24, name: "Ivy New", status: "inactive" });
    const [ivy] = live("Ivy New");
    expect(ivy?.status).toBe(1);
    expect(result).toEqual({
      id: `24/${ivy?.id}`,
      outs: expect.objectContaining({
        operatorId: ivy?.id,
        status: "inactive",
        organizationName: "Customer Support",
      }),
    });
  });

  it("refuses a name ChatHub already has (case-insensitive), saying how to adopt it", async () => {
    const [alex] = chathub.operators(24);
    const error = await failureOf(create({ organizationId: 24, name: alex?.name.toUpperCase() }));
    expect(String(error)).toContain(`import: "24/${alex?.id}"`);
    expect(chathub.counters().byRoute["POST /api/operator/synchronize"]).toBe(0);
  });

  it("adopts the live operator of that name instead, sending no synchronize", async () => {
    const [alex] = chathub.operators(24);
    const result = await create({ organizationId: 24, name: alex?.name, adopt: true });
    expect(result.id).toBe(`24/${alex?.id}`);
    expect(chathub.counters().byRoute["POST /api/operator/synchronize"]).toBe(0);
  });

  it("imports an operator that matches, and refuses one that does not or does not exist", async () => {
    const [alex] = chathub.operators(24);
    const id = `24/${alex?.id}`;
    expect((await create({ organizationId: 24, name: alex?.name, importFrom: id })).id).toBe(id);
    expect(
      String(await failureOf(create({ organizationId: 24, name: "Someone Else", importFrom: id }))),
    ).toContain("without changing it");
    expect(
      String(await failureOf(create({ organizationId: 24, name: "Nobody", importFrom: "24/9999" }))),
    ).toContain("has no live operator 9999");
    expect(chathub.counters().byRoute["POST /api/operator/synchronize"]).toBe(0);
  });

  it("creates one of two resources that want the same name in one batch, and refuses the other", async () => {
    const outcomes = await Promise.allSettled([
      create({ organizationId: 24, name: "Twin Name" }),
      create({ organizationId: 24, name: "twin name" }),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(String((outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult).reason)).toContain(
      "Another resource in this program is creating",
    );
    expect(chathub.operators(24).filter((o) => o.name.toLowerCase() === "twin name")).toHaveLength(1);
  });

  it("reports a failed status call after the create as a partial result Pulumi can load again", async () => {
    chathub.failCalls({ route: STATUS, answer: 500 });
    const error = (await failureOf(
      create({ organizationId: 24, name: "Half Done", status: "inactive" }),
    )) as {
      id: string;
      properties: Record<string, unknown>;
      message: string;
    };
    const [half] = live("Half Done");
    expect(error.message).toContain(`was created as 24/${half?.id}`);
    expect(error.id).toBe(`24/${half?.id}`);
    // What ChatHub has now (active), and the provider reference refresh/update/delete need.
    expect(error.properties).toMatchObject({
      status: "active",
      operatorId: half?.id,
      [PROVIDER_KEY]: SERIALIZED,
    });
    expect(Object.values(error.properties)).not.toContain(undefined);
  });

  it("leaves out an organization name it could not learn, rather than failing an applied create", async () => {
    // Organization 25 starts empty: its clash-check list cannot tell the name, so it is listed again.
    chathub.failCalls({ route: "GET /api/operator", call: 2, answer: 500 });
    const result = await create({ organizationId: 25, name: "No Org Name" });
    expect(chathub.armedCallFaults()).toEqual([]);
    expect(result.outs).not.toHaveProperty("organizationName");
    expect(Object.values(result.outs)).not.toContain(undefined);
  });
});

describe("a batch ChatHub refuses as a whole", () => {
  it("is split until the refused entry stands alone; its neighbours are created", async () => {
    let nextId = 500;
    const created: string[] = [];
    const chathubLike = await fakeServer(({ method, body }) => {
      if (method === "GET") return { body: "[]" };
      const entries = JSON.parse(body) as { name: string }[];
      if (entries.some((entry) => entry.name.includes("Refused"))) {
        return { status: 400, body: '{"message":"Invalid operator data"}' };
      }
      created.push(...entries.map((entry) => entry.name));
      const answer = entries.map((entry) => ({ id: nextId++, name: entry.name, status: 0 }));
      return { headers: { "content-type": "application/json" }, body: JSON.stringify(answer) };
    });
    await configure(chathubLike);
    const names = ["One", "Two", "Refused Three", "Four", "Five"];
    const outcomes = await Promise.allSettled(names.map((name) => create({ organizationId: 24, name })));
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      "fulfilled",
      "fulfilled",
      "rejected",
      "fulfilled",
      "fulfilled",
    ]);
    expect(created.sort()).toEqual(["Five", "Four", "One", "Two"]);
  });
});

describe("read, update and delete of an operator gone from ChatHub", () => {
  async function goneOperator(): Promise<{ id: string; olds: Record<string, unknown> }> {
    const result = await create({ organizationId: 24, name: "Soon Gone" });
    const operator = live("Soon Gone")[0];
    chathub.setOperatorStatus(operator?.id as number, 2);
    // The next pulumi command is a new provider process, with nothing cached.
    await configure(chathub);
    return { id: result.id, olds: result.outs };
  }

  it("read returns no id, so Pulumi drops it", async () => {
    const { id, olds } = await goneOperator();
    expect(await provider.read?.(id, olds)).toEqual({ id: "", props: {} });
  });

  it("update says it was deleted by hand and how to recover", async () => {
    const { id, olds } = await goneOperator();
    const error = await failureOf(
      provider.update?.(
        id,
        olds,
        inputs({ organizationId: 24, name: "Soon Gone", status: "inactive" }),
      ) as Promise<unknown>,
    );
    expect(String(error)).toContain("no longer exists in ChatHub");
    expect(String(error)).toContain("pulumi refresh");
  });

  it("delete succeeds: already gone is what it wants", async () => {
    const { id, olds } = await goneOperator();
    chathub.setBehaviour({ listDeleted: "hide" });
    await expect(provider.delete?.(id, olds)).resolves.toBeUndefined();
    const unknownId = "24/99999";
    await expect(provider.delete?.(unknownId, olds)).resolves.toBeUndefined();
  });
});

import {
  CheckRequest,
  CreateRequest,
  DeleteRequest,
  DiffRequest,
  ReadRequest,
} from "@pulumi/pulumi/proto/provider_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { failuresOf } from "../../../src/core/check-failures";
import type { DiffKind, ResourceBehaviour } from "../../../src/core/resource-behaviour";
import { ProviderRuntime } from "../../../src/core/runtime";
import { isUnknown } from "../../../src/core/unknown";
import type { PackageDeclaration, ResourceDeclaration } from "../../../src/declarations/declaration";
import { chathubPackage } from "../../../src/declarations/package";
import { packageSchema } from "../../../src/declarations/package-schema";
import { named } from "../../../src/declarations/pulumi-types";
import { referencePages } from "../../../src/declarations/reference-pages";
import { dynamicProvider } from "../../../src/dynamic/declared-provider";
import { PROVIDER_KEY, UNKNOWN_VALUE } from "../../../src/dynamic/protocol";
import { servedResources } from "../../../src/native/declared-resource";
import { UNKNOWN_SENTINEL } from "../../../src/native/server/properties";
import { type ProviderUnderTest, startProvider } from "../native/provider-harness";

// A resource of this test's own: declaring it is all it takes for the schema, the reference and
// both adapters to have it. Its behaviour keeps shifts in a map, as ChatHub would keep them.
const shiftInputs = z.object({
  organizationId: z.int().describe("The organization staffed."),
  hours: z.int().default(8).describe("How long the shift lasts."),
  kind: named(z.enum(["day", "night"]).describe("When it runs."), { name: "ShiftKind" }).optional(),
});
type Shift = z.infer<typeof shiftInputs>;
const shiftState = shiftInputs.extend({ shiftId: z.int() });
type ShiftState = z.infer<typeof shiftState>;

const shifts = new Map<number, ShiftState>();
let nextShiftId = 7;
const noShifts = () => {
  shifts.clear();
  nextShiftId = 7;
};

const shiftBehaviour: ResourceBehaviour<Shift, ShiftState, Partial<Shift>> = {
  recordName: "shift",
  state: shiftState,
  recordedInputs: shiftInputs.partial(),
  checkedInputs: (raw) => shiftInputs.parse(raw),
  async check(news, olds, { resource, warn }) {
    const unknown = Object.keys(news).filter((key) => isUnknown(news[key]));
    const given = Object.fromEntries(Object.entries(news).filter(([key]) => !unknown.includes(key)));
    const parsed = shiftInputs.partial({ organizationId: true }).safeParse(given);
    if (!parsed.success)
      return { ok: false, failures: failuresOf(parsed.error, resource, ["organizationId", "hours", "kind"]) };
    const inputs = { organizationId: 0, ...parsed.data };
    if (olds.hours !== undefined && inputs.hours < olds.hours)
      await warn(`${resource}: ${inputs.hours} hours is shorter`);
    return { ok: true, inputs, unknown };
  },
  diff(_id, olds, news) {
    const replaces = olds.organizationId === news.organizationId ? [] : ["organizationId"];
    const detailedDiff: Record<string, DiffKind> = olds.hours === news.hours ? {} : { hours: "update" };
    return { changes: replaces.length > 0 || olds.hours !== news.hours, replaces, detailedDiff };
  },
  async create(inputs) {
    const state = { ...inputs, shiftId: nextShiftId++ };
    shifts.set(state.shiftId, state);
    return { id: `${inputs.organizationId}/${state.shiftId}`, state };
  },
  async read(id) {
    const live = shifts.get(Number(id.split("/")[1]));
    if (live === undefined) return undefined;
    const { shiftId: _shiftId, ...inputs } = live;
    return { state: live, inputs };
  },
  async update(_id, olds, news) {
    const state = { ...news, shiftId: olds.shiftId };
    shifts.set(state.shiftId, state);
    return state;
  },
  async delete(_id, recorded) {
    shifts.delete(recorded.shiftId);
  },
  declaredPeople: () => [], // a shift names nobody
};

const shiftDeclaration: ResourceDeclaration = {
  token: "chathub:index:Shift",
  typeScriptName: "ChatHubShift",
  description: "A block of hours an organization is staffed.",
  inputs: shiftInputs,
  outputs: z.object({ shiftId: z.int().describe("The shift's id.") }),
  id: { format: '"<organizationId>/<shiftId>"', example: "24/7", name: "morning" },
  examples: { typescript: 'new ChatHubShift("morning", { organizationId: 24 });', yaml: "resources: {}" },
  behaviour: shiftBehaviour,
};

const withShift: PackageDeclaration = {
  ...chathubPackage,
  resources: [...chathubPackage.resources, shiftDeclaration],
};

describe("a resource declared in a test", () => {
  it("is in the derived package schema, typed, required and described as declared", () => {
    const schema = packageSchema(withShift, "0.0.0") as {
      resources: Record<string, Record<string, unknown>>;
      types: Record<string, unknown>;
    };
    expect(schema.resources["chathub:index:Shift"]).toEqual({
      description:
        'A block of hours an organization is staffed. Its id is "<organizationId>/<shiftId>", e.g. "24/7" (`pulumi import chathub:index:Shift morning 24/7`).',
      inputProperties: {
        organizationId: { type: "integer", description: "The organization staffed." },
        hours: { type: "integer", description: "How long the shift lasts." },
        kind: { $ref: "#/types/chathub:index:ShiftKind", description: "When it runs." },
      },
      requiredInputs: ["organizationId"],
      properties: {
        organizationId: { type: "integer", description: "The organization staffed." },
        hours: { type: "integer", description: "How long the shift lasts." },
        kind: { $ref: "#/types/chathub:index:ShiftKind", description: "When it runs." },
        shiftId: { type: "integer", description: "The shift's id." },
      },
      required: ["organizationId", "hours", "shiftId"],
    });
    expect(schema.types["chathub:index:ShiftKind"]).toEqual({
      type: "string",
      enum: [{ value: "day" }, { value: "night" }],
    });
  });

  it("has its reference page, and the index lists it", () => {
    const pages = referencePages(withShift);
    expect(pages["shift.md"]).toContain("| `hours` | integer | no | `8` | How long the shift lasts. |");
    expect(pages["shift.md"]).toContain("pulumi import chathub:index:Shift morning 24/7");
    expect(pages["README.md"]).toContain("| [`chathub:index:Shift`](shift.md) | `ChatHubShift` |");
    expect(pages["types.md"]).toContain("## ShiftKind");
  });

  it("leaves the package's own schema as it was", () => {
    expect(packageSchema(chathubPackage, "0.0.0")).not.toHaveProperty(["resources", "chathub:index:Shift"]);
  });
});

describe("a resource declared in a test, served by the dynamic provider", () => {
  const provider = dynamicProvider(shiftDeclaration, new ProviderRuntime());
  const serialized = "require('shift-provider')";
  beforeEach(noShifts);

  it("checks the inputs with the declared defaults, keeping the serialized provider and dropping the output placeholders", async () => {
    const checked = await provider.check?.(
      {},
      { organizationId: 24, shiftId: undefined, [PROVIDER_KEY]: serialized },
    );
    expect(checked).toEqual({ inputs: { organizationId: 24, hours: 8, [PROVIDER_KEY]: serialized } });
    const failed = await provider.check?.(
      {},
      { organizationId: 24, hours: "long", [PROVIDER_KEY]: serialized },
    );
    expect(failed?.failures).toEqual([
      { property: "hours", reason: "hours Invalid input: expected number, received string" },
    ]);
    const unknown = await provider.check?.({}, { organizationId: UNKNOWN_VALUE, [PROVIDER_KEY]: serialized });
    expect(unknown?.inputs).toEqual({ organizationId: UNKNOWN_VALUE, hours: 8, [PROVIDER_KEY]: serialized });
  });

  it("creates, diffs, updates, reads drift and deletes through its behaviour", async () => {
    const created = await provider.create({ organizationId: 24, hours: 8, [PROVIDER_KEY]: serialized });
    expect(created).toEqual({ id: "24/7", outs: { organizationId: 24, hours: 8, shiftId: 7 } });
    const olds = { ...created.outs, [PROVIDER_KEY]: serialized };
    expect(await provider.diff?.(created.id, olds, { organizationId: 24, hours: 8 })).toEqual({
      changes: false,
      replaces: [],
    });
    expect(await provider.diff?.(created.id, olds, { organizationId: 25, hours: 8 })).toEqual({
      changes: true,
      replaces: ["organizationId"],
    });
    const updated = await provider.update?.(created.id, olds, { organizationId: 24, hours: 6 });
    expect(updated).toEqual({ outs: { organizationId: 24, hours: 6, shiftId: 7 } });
    shifts.set(7, { organizationId: 24, hours: 12, shiftId: 7 }); // changed by hand
    expect(await provider.read?.(created.id, olds)).toEqual({
      id: "24/7",
      props: { organizationId: 24, hours: 12, shiftId: 7 },
      inputs: { organizationId: 24, hours: 12 },
    });
    await provider.delete?.(created.id, olds);
    expect(shifts.size).toBe(0);
    expect(await provider.read?.(created.id, olds)).toEqual({ id: "", props: {} });
  });

  it("says to refresh when the record is not one its state schema reads", async () => {
    await expect(provider.delete?.("24/7", { organizationId: 24 })).rejects.toThrow(
      "The stack's record of shift 24/7 is not one this version can read (shiftId Invalid input: expected number, received undefined). Run `pulumi refresh`",
    );
  });
});

describe("a resource declared in a test, served by the native provider", () => {
  const URN = "urn:pulumi:dev::shop::chathub:index:Shift::morning";
  const struct = (value: Record<string, unknown>) => Struct.fromJavaScript(value as never);
  let native: ProviderUnderTest;
  beforeEach(async () => {
    noShifts();
    native = await startProvider({
      name: "chathub",
      version: "0.0.0",
      schema: packageSchema(withShift, "0.0.0"),
      checkConfig: async () => [],
      configure: async () => {},
      resources: servedResources([shiftDeclaration], new ProviderRuntime()),
      functions: {},
    });
  });
  afterEach(() => native.stop());

  it("checks with the declared defaults, keeps unknowns, and logs the behaviour's warning under the resource", async () => {
    const check = (olds: Record<string, unknown>, news: Record<string, unknown>) =>
      native.call("check", new CheckRequest().setUrn(URN).setOlds(struct(olds)).setNews(struct(news)));
    const checked = await check({}, { organizationId: 24 });
    expect(checked.getInputs().toJavaScript()).toEqual({ organizationId: 24, hours: 8 });
    const unknown = await check({}, { organizationId: UNKNOWN_SENTINEL, kind: "day" });
    expect(unknown.getInputs().toJavaScript()).toEqual({
      organizationId: UNKNOWN_SENTINEL,
      hours: 8,
      kind: "day",
    });
    const failed = await check({}, { organizationId: 24, kind: "noon" });
    expect(
      failed.getFailuresList().map((failure: { getProperty(): string }) => failure.getProperty()),
    ).toEqual(["kind"]);
    await check({ organizationId: 24, hours: 8 }, { organizationId: 24, hours: 4 });
    expect(native.logs).toEqual([
      { severity: 2, message: "chathub:index:Shift: 4 hours is shorter", urn: URN },
    ]);
    // A null in the recorded inputs is an absent input, not a record to refresh.
    const afterNull = await check({ organizationId: 24, hours: null }, { organizationId: 24 });
    expect(afterNull.getFailuresList()).toEqual([]);
  });

  it("creates, diffs in detail, reads and deletes through its behaviour", async () => {
    const created = await native.call(
      "create",
      new CreateRequest().setUrn(URN).setProperties(struct({ organizationId: 24, hours: 8 })),
    );
    expect(created.getId()).toBe("24/7");
    const outs = created.getProperties().toJavaScript();
    expect(outs).toEqual({ organizationId: 24, hours: 8, shiftId: 7 });
    const diff = await native.call(
      "diff",
      new DiffRequest()
        .setId("24/7")
        .setUrn(URN)
        .setOlds(struct(outs))
        .setOldInputs(struct({ organizationId: 24, hours: 8 }))
        .setNews(struct({ organizationId: 24, hours: 10 })),
    );
    expect(Object.fromEntries(diff.toObject().detaileddiffMap)).toEqual({
      hours: { kind: 4, inputdiff: true },
    });
    const read = await native.call(
      "read",
      new ReadRequest().setId("24/7").setUrn(URN).setProperties(struct(outs)),
    );
    expect(read.getInputs().toJavaScript()).toEqual({ organizationId: 24, hours: 8 });
    await native.call("delete", new DeleteRequest().setId("24/7").setUrn(URN).setProperties(struct(outs)));
    expect(shifts.size).toBe(0);
    const gone = await native.call(
      "read",
      new ReadRequest().setId("24/7").setUrn(URN).setProperties(struct(outs)),
    );
    expect(gone.getId()).toBe("");
  });
});

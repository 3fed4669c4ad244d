import * as grpc from "@grpc/grpc-js";
import { PluginAttach } from "@pulumi/pulumi/proto/plugin_pb";
import {
  CheckRequest,
  ConfigureRequest,
  ConstructRequest,
  CreateRequest,
  DeleteRequest,
  DiffRequest,
  DiffResponse,
  GetMappingsRequest,
  GetSchemaRequest,
  InvokeRequest,
  PropertyDiff,
  ReadRequest,
  UpdateRequest,
} from "@pulumi/pulumi/proto/provider_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UNKNOWN } from "../../../src/core/unknown";
import { SECRET_SIGNATURE, SIGNATURE_KEY, UNKNOWN_SENTINEL } from "../../../src/native/server/properties";
import {
  initFailedDetail,
  type ProviderUnderTest,
  rpcError,
  startEngine,
  startProvider,
} from "./provider-harness";
import { GET_WIDGET, type RecordedCall, toyProvider, WIDGET } from "./toy-provider";

const URN = `urn:pulumi:dev::shop::${WIDGET}::big`;
const secret = (value: unknown) => ({ [SIGNATURE_KEY]: SECRET_SIGNATURE, value });
const struct = (value: Record<string, unknown>) => Struct.fromJavaScript(value as never);

let provider: ProviderUnderTest;
let calls: RecordedCall[];
const detailedDiff = (response: DiffResponse) => Object.fromEntries(response.toObject().detaileddiffMap);
const callsTo = (method: string) => calls.filter((c) => c.method === method).map((c) => c.args);

beforeEach(async () => {
  const toy = toyProvider();
  calls = toy.calls;
  provider = await startProvider(toy.definition);
});
afterEach(() => provider.stop());

describe("plugin information", () => {
  it("reports the definition's version and its schema as JSON", async () => {
    const info = await provider.call("getPluginInfo", new Empty());
    expect(info.getVersion()).toBe("1.2.3");
    const schema = await provider.call("getSchema", new GetSchemaRequest());
    expect(JSON.parse(schema.getSchema())).toEqual({
      name: "toy",
      resources: { [WIDGET]: { inputProperties: {} } },
    });
  });

  it("answers UNIMPLEMENTED for what it does not serve (components, Call, List, Handshake)", async () => {
    const error = await rpcError(provider.call("construct", new ConstructRequest()));
    expect(error.code).toBe(grpc.status.UNIMPLEMENTED);
  });

  it("maps to no other provider", async () => {
    const mappings = await provider.call("getMappings", new GetMappingsRequest().setKey("terraform"));
    expect(mappings.getProvidersList()).toEqual([]);
  });
});

describe("provider configuration", () => {
  it("CheckConfig hands the definition plain values (not the engine's `version`) and returns the news untouched, secrets still wrapped", async () => {
    const news = { token: secret("t0k3n"), baseUrl: "http://127.0.0.1:8080", version: "0.1.0" };
    const response = await provider.call("checkConfig", new CheckRequest().setUrn(URN).setNews(struct(news)));
    expect(response.getInputs().toJavaScript()).toEqual(news);
    expect(response.getFailuresList()).toEqual([]);
    expect(callsTo("checkConfig")).toEqual([[{ token: "t0k3n", baseUrl: "http://127.0.0.1:8080" }]]);
  });

  it("CheckConfig returns the definition's failures", async () => {
    const response = await provider.call(
      "checkConfig",
      new CheckRequest().setNews(struct({ region: "mars" })),
    );
    expect(response.getFailuresList().map((f: { toObject(): unknown }) => f.toObject())).toEqual([
      { property: "region", reason: "no widgets on mars: use 'earth'" },
    ]);
  });

  it("Configure reads `args` by bare name as typed, unwrapping secrets and leaving out the engine's `version`, nulls and unknowns", async () => {
    const request = new ConfigureRequest().setArgs(
      struct({
        token: secret("t0k3n"),
        requestsPerSecond: 5,
        version: "0.1.0",
        verbose: true,
        region: null,
        size: UNKNOWN_SENTINEL,
      }),
    );
    request.getVariablesMap().set("toy:config:token", "not-this-one");
    const response = await provider.call("configure", request);
    expect(callsTo("configure")).toEqual([[{ token: "t0k3n", requestsPerSecond: 5, verbose: true }]]);
    expect(response.getAcceptsecrets()).toBe(false);
    expect(response.getSupportspreview()).toBe(true);
    expect(response.getAcceptresources()).toBe(false);
  });

  it("Configure falls back to `variables` (`toy:config:token` or `toy:token`) when there are no args", async () => {
    const request = new ConfigureRequest();
    request.getVariablesMap().set("toy:config:token", "t0k3n");
    request.getVariablesMap().set("toy:baseUrl", "http://127.0.0.1:8080");
    request.getVariablesMap().set("other:config:token", "someone else's");
    await provider.call("configure", request);
    expect(callsTo("configure")).toEqual([[{ token: "t0k3n", baseUrl: "http://127.0.0.1:8080" }]]);
  });

  it("DiffConfig calls a changed token an update, never a replacement", async () => {
    const request = new DiffRequest()
      .setUrn("urn:pulumi:dev::shop::pulumi:providers:toy::second")
      .setOldInputs(struct({ token: "old", baseUrl: "u" }))
      .setOlds(struct({ token: "old", baseUrl: "u" }))
      .setNews(struct({ token: secret("new"), baseUrl: "u", requestsPerSecond: 2 }));
    const response: DiffResponse = await provider.call("diffConfig", request);
    expect(response.getChanges()).toBe(DiffResponse.DiffChanges.DIFF_SOME);
    expect(response.getReplacesList()).toEqual([]);
    expect(detailedDiff(response)).toEqual({
      requestsPerSecond: { kind: PropertyDiff.Kind.ADD, inputdiff: true },
      token: { kind: PropertyDiff.Kind.UPDATE, inputdiff: true },
    });

    const same = new DiffRequest()
      .setOldInputs(struct({ token: "old" }))
      .setNews(struct({ token: secret("old") }));
    expect((await provider.call("diffConfig", same)).getChanges()).toBe(DiffResponse.DiffChanges.DIFF_NONE);
  });
});

describe("resources", () => {
  it("Check hands the handler unknowns as UNKNOWN and secrets unwrapped, and returns its inputs and failures", async () => {
    const news = { name: secret("big"), size: 3, parts: [{ size: UNKNOWN_SENTINEL }] };
    const response = await provider.call(
      "check",
      new CheckRequest().setUrn(URN).setType(WIDGET).setNews(struct(news)),
    );
    expect(callsTo("check")).toEqual([[{}, { name: "big", size: 3, parts: [{ size: UNKNOWN }] }, URN]]);
    expect(response.getInputs().toJavaScript()).toEqual({
      color: "blue",
      name: "big",
      size: 3,
      parts: [{ size: UNKNOWN_SENTINEL }],
    });

    const failed = await provider.call(
      "check",
      new CheckRequest().setUrn(URN).setNews(struct({ size: "huge" })),
    );
    expect(failed.getFailuresList().map((f: { toObject(): unknown }) => f.toObject())).toEqual([
      { property: "size", reason: "size must be a number, e.g. size: 3" },
    ]);
  });

  it("Diff maps the detailed diff, path by path, and says it has one", async () => {
    const request = new DiffRequest()
      .setId("w-1")
      .setUrn(URN)
      .setOlds(struct({ name: "big", size: 1, serial: 42 }))
      .setOldInputs(struct({ name: "big", size: 1 }))
      .setNews(struct({ name: "big", size: 2 }));
    const response: DiffResponse = await provider.call("diff", request);
    expect(response.getChanges()).toBe(DiffResponse.DiffChanges.DIFF_SOME);
    expect(response.getHasdetaileddiff()).toBe(true);
    expect(response.getDiffsList()).toEqual(["parts"]);
    expect(detailedDiff(response)).toEqual({
      "parts[1].size": { kind: PropertyDiff.Kind.UPDATE, inputdiff: false },
      "parts[2]": { kind: PropertyDiff.Kind.ADD, inputdiff: true },
    });
    expect(callsTo("diff")).toEqual([
      ["w-1", { name: "big", size: 1, serial: 42 }, { name: "big", size: 2 }, URN, { name: "big", size: 1 }],
    ]);
  });

  it("Diff maps replacements, and no change as DIFF_NONE", async () => {
    const replace: DiffResponse = await provider.call(
      "diff",
      new DiffRequest()
        .setUrn(URN)
        .setOlds(struct({ name: "big" }))
        .setNews(struct({ name: "small" })),
    );
    expect(replace.getReplacesList()).toEqual(["name"]);
    expect(replace.getDeletebeforereplace()).toBe(true);
    expect(replace.getHasdetaileddiff()).toBe(false);

    const none: DiffResponse = await provider.call(
      "diff",
      new DiffRequest()
        .setUrn(URN)
        .setOlds(struct({ name: "big", size: 1 }))
        .setNews(struct({ name: "big", size: 1 })),
    );
    expect(none.getChanges()).toBe(DiffResponse.DiffChanges.DIFF_NONE);
  });

  it("a preview Create answers with the inputs, unknowns kept, without calling the handler", async () => {
    const inputs = { name: "big", size: UNKNOWN_SENTINEL };
    const response = await provider.call(
      "create",
      new CreateRequest().setUrn(URN).setPreview(true).setProperties(struct(inputs)),
    );
    expect(response.getId()).toBe("");
    expect(response.getProperties().toJavaScript()).toEqual(inputs);
    expect(callsTo("create")).toEqual([]);
  });

  it("Create returns the handler's id and outputs, and its warning reaches the engine under the resource's URN", async () => {
    const response = await provider.call(
      "create",
      new CreateRequest().setUrn(URN).setProperties(struct({ name: "big", size: 3 })),
    );
    expect(response.getId()).toBe("w-1");
    expect(response.getProperties().toJavaScript()).toEqual({ name: "big", size: 3, serial: 42 });
    expect(provider.logs).toEqual([{ severity: 2, message: "widget big is large", urn: URN }]);
  });

  it("a failed Create is a gRPC error with the handler's message only", async () => {
    const error = await rpcError(
      provider.call(
        "create",
        new CreateRequest().setUrn(URN).setProperties(struct({ name: "big", fail: true })),
      ),
    );
    expect(error.details).toBe("widget big: no widgets today; try tomorrow");
    expect(initFailedDetail(error)).toBeUndefined();
  });

  it("a Create that fails halfway hands the engine the partial state as ErrorResourceInitFailed", async () => {
    const inputs = { name: "big", size: 3, failHalfway: true };
    const error = await rpcError(
      provider.call("create", new CreateRequest().setUrn(URN).setProperties(struct(inputs))),
    );
    expect(error.details).toBe("widget big was made but not painted");
    const detail = initFailedDetail(error);
    expect(detail?.getId()).toBe("w-7");
    expect(detail?.getProperties()?.toJavaScript()).toEqual({ ...inputs, painted: false });
    expect(detail?.getReasonsList()).toEqual(["widget big was made but not painted"]);
    expect(detail?.getInputs()?.toJavaScript()).toEqual(inputs);
  });

  it("a preview Update answers with the news without calling the handler", async () => {
    const news = { name: "big", size: UNKNOWN_SENTINEL };
    const response = await provider.call(
      "update",
      new UpdateRequest()
        .setId("w-1")
        .setUrn(URN)
        .setPreview(true)
        .setOlds(struct({ name: "big" }))
        .setNews(struct(news)),
    );
    expect(response.getProperties().toJavaScript()).toEqual(news);
    expect(callsTo("update")).toEqual([]);
  });

  it("Update hands the handler olds, news and old inputs; a half-done update is a partial result", async () => {
    const request = new UpdateRequest()
      .setId("w-1")
      .setUrn(URN)
      .setOlds(struct({ name: "big", size: 1, serial: 42 }))
      .setOldInputs(struct({ name: "big", size: 1 }))
      .setNews(struct({ name: "big", size: 5 }));
    const response = await provider.call("update", request);
    expect(response.getProperties().toJavaScript()).toEqual({ name: "big", size: 5, serial: 42 });
    expect(callsTo("update")[0]).toEqual([
      "w-1",
      { name: "big", size: 1, serial: 42 },
      { name: "big", size: 5 },
      URN,
      { name: "big", size: 1 },
    ]);

    const error = await rpcError(
      provider.call("update", request.setNews(struct({ name: "big", size: 5, failHalfway: true }))),
    );
    const detail = initFailedDetail(error);
    expect(detail?.getId()).toBe("w-1");
    expect(detail?.getProperties()?.toJavaScript()).toEqual({ name: "big", size: 2, serial: 42 });
    expect(detail?.getInputs()?.toJavaScript()).toEqual({ name: "big", size: 5, failHalfway: true });
  });

  it("Read returns id, state and inputs; an empty id says the resource is gone", async () => {
    const response = await provider.call(
      "read",
      new ReadRequest()
        .setId("w-1")
        .setUrn(URN)
        .setProperties(struct({ name: "big", serial: 42 })),
    );
    expect(response.getId()).toBe("w-1");
    expect(response.getProperties().toJavaScript()).toEqual({ name: "big", serial: 43 });
    expect(response.getInputs().toJavaScript()).toEqual({ name: "big", size: 1 });

    const gone = await provider.call("read", new ReadRequest().setId("gone").setUrn(URN));
    expect(gone.getId()).toBe("");
  });

  it("Delete hands the handler the id and the recorded state", async () => {
    await provider.call(
      "delete",
      new DeleteRequest()
        .setId("w-1")
        .setUrn(URN)
        .setProperties(struct({ name: "big" })),
    );
    expect(callsTo("delete")).toEqual([["w-1", { name: "big" }, URN]]);
  });

  it("a type the definition lacks is an error naming it", async () => {
    const error = await rpcError(
      provider.call("check", new CheckRequest().setUrn("urn:pulumi:dev::shop::toy:index:Gadget::g")),
    );
    expect(error.details).toBe("the toy provider has no resource type toy:index:Gadget");
  });
});

describe("functions", () => {
  it("Invoke calls the function by token and returns its result", async () => {
    const response = await provider.call(
      "invoke",
      new InvokeRequest().setTok(GET_WIDGET).setArgs(struct({ name: secret("big") })),
    );
    expect(response.getReturn().toJavaScript()).toEqual({ name: "big", parts: [{ size: 1 }, { size: 2 }] });
    expect(callsTo("invoke")).toEqual([[{ name: "big" }, ""]]);
  });

  it("a failing function is a gRPC error with its message; an unknown one names the token", async () => {
    const failed = await rpcError(
      provider.call("invoke", new InvokeRequest().setTok(GET_WIDGET).setArgs(struct({ name: "nobody" }))),
    );
    expect(failed.details).toBe("no widget is named nobody; list them with getWidgets");
    expect(failed.details).not.toMatch(/\n\s+at /);
    const unknown = await rpcError(
      provider.call("invoke", new InvokeRequest().setTok("toy:index:getGadget")),
    );
    expect(unknown.details).toBe("the toy provider has no function toy:index:getGadget");
  });
});

describe("a plugin started by hand (PULUMI_DEBUG_PROVIDERS)", () => {
  it("logs through the engine that Attach names", async () => {
    const toy = toyProvider();
    const detached = await startProvider(toy.definition, { withEngine: false });
    const engine = await startEngine();
    try {
      await detached.call("attach", new PluginAttach().setAddress(engine.address));
      await detached.call(
        "create",
        new CreateRequest().setUrn(URN).setProperties(struct({ name: "big", size: 3 })),
      );
      expect(engine.logs).toEqual([{ severity: 2, message: "widget big is large", urn: URN }]);
    } finally {
      detached.stop();
      engine.stop();
    }
  });

  it("a warning the engine cannot take does not fail the operation it is about", async () => {
    const detached = await startProvider(toyProvider().definition, { withEngine: false });
    try {
      await detached.call("attach", new PluginAttach().setAddress("127.0.0.1:1")); // nothing listens there
      const response = await detached.call(
        "create",
        new CreateRequest().setUrn(URN).setProperties(struct({ name: "big", size: 3 })),
      );
      expect(response.getId()).toBe("w-1");
    } finally {
      detached.stop();
    }
  });
});

/**
 * A small NativeProviderDefinition for the server's tests: one resource type and one function,
 * each recording the calls it gets, so a test sees exactly what the server handed the handler.
 */
import { PartialFailure } from "../../../src/core/partial-failure";
import type {
  CallContext,
  DiffResult,
  NativeProviderDefinition,
  PropertyMap,
} from "../../../src/native/handler";

export const WIDGET = "toy:index:Widget";
export const GET_WIDGET = "toy:index:getWidget";

export interface RecordedCall {
  method: string;
  args: unknown[];
}

export function toyProvider(): { definition: NativeProviderDefinition; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const record = (method: string, ...args: unknown[]) => calls.push({ method, args });
  const warn = (context: CallContext, message: string) => context.log("warning", message);

  const definition: NativeProviderDefinition = {
    name: "toy",
    version: "1.2.3",
    schema: { name: "toy", resources: { [WIDGET]: { inputProperties: {} } } },
    async checkConfig(news) {
      record("checkConfig", news);
      return news.region === "mars"
        ? [{ property: "region", reason: "no widgets on mars: use 'earth'" }]
        : [];
    },
    async configure(config) {
      record("configure", config);
    },
    resources: {
      [WIDGET]: {
        async check(olds, news, context) {
          record("check", olds, news, context.urn);
          if (typeof news.size !== "number") {
            return {
              inputs: news,
              failures: [{ property: "size", reason: "size must be a number, e.g. size: 3" }],
            };
          }
          return { inputs: { color: "blue", ...news } };
        },
        async diff(id, olds, news, context, oldInputs): Promise<DiffResult> {
          record("diff", id, olds, news, context.urn, oldInputs);
          if (olds.name !== news.name) {
            return { changes: true, replaces: ["name"], deleteBeforeReplace: true };
          }
          if (olds.size === news.size) return { changes: false, detailedDiff: {} };
          return {
            changes: true,
            detailedDiff: {
              "parts[1].size": { kind: "update" },
              "parts[2]": { kind: "add", inputDiff: true },
            },
          };
        },
        async create(inputs, context) {
          record("create", inputs, context.urn);
          if (inputs.fail) throw new Error(`widget ${String(inputs.name)}: no widgets today; try tomorrow`);
          if (inputs.failHalfway) {
            throw new PartialFailure(`widget ${String(inputs.name)} was made but not painted`, "w-7", {
              ...inputs,
              painted: false,
            });
          }
          await warn(context, `widget ${String(inputs.name)} is large`);
          return { id: "w-1", outs: { ...inputs, serial: 42 } };
        },
        async read(id, props, inputs, context) {
          record("read", id, props, inputs, context.urn);
          if (id === "gone") return { id: "", props: {} };
          return { id, props: { ...props, serial: 43 }, inputs: { name: props.name ?? "imported", size: 1 } };
        },
        async update(id, olds, news, context, oldInputs) {
          record("update", id, olds, news, context.urn, oldInputs);
          if (news.failHalfway)
            throw new PartialFailure("half the parts were swapped", id, { ...olds, size: 2 });
          return { outs: { ...news, serial: olds.serial as number } };
        },
        async delete(id, props, context) {
          record("delete", id, props, context.urn);
        },
      },
    },
    functions: {
      async [GET_WIDGET](args: PropertyMap, context: CallContext) {
        record("invoke", args, context.urn);
        if (args.name === "nobody") throw new Error("no widget is named nobody; list them with getWidgets");
        return { name: args.name ?? null, parts: [{ size: 1 }, { size: 2 }] };
      },
    },
  };
  return { definition, calls };
}

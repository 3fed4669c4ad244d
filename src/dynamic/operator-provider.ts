import type * as pulumi from "@pulumi/pulumi";
import { failureMessage } from "../core/check-failures";
import { diffOperator } from "../core/operator/diff";
import { checkOperatorInputs, type OperatorInputs } from "../core/operator/inputs";
import * as core from "../core/operator/operations";
import { recordedOperator, recordedOperatorPart } from "../core/recorded-state";
import { asPartialResult, storable } from "./partial-result";
import { coreInputs, engineInputs, UNKNOWN_VALUE } from "./protocol";
import { providerRuntime as runtime } from "./shared-runtime";

/** The outputs ChatHubOperator declares as placeholders among its inputs. */
const OUTPUTS = ["operatorId", "organizationName"] as const;

/**
 * The dynamic ChatHubOperator: the engine's calls turned into the core's (src/core/operator),
 * the serialized provider and unknown markers kept on this side.
 */
export const operatorProvider: pulumi.dynamic.ResourceProvider = {
  async configure(request) {
    runtime.configure(request.config);
  },

  async check(olds, news) {
    const result = await core.checkOperator(runtime, coreInputs(news, OUTPUTS));
    if (!result.ok) return { inputs: news, failures: result.failures };
    const note = core.datedOperatorNote(result.inputs, olds.status);
    // The provider's stderr is shown by the CLI: a dynamic provider has no other way to say why.
    if (note !== undefined) console.error(`warning: ChatHubOperator ${note}`);
    // Unknown values stay as they are; the real run checks them.
    const unknowns = Object.fromEntries(result.unknown.map((key) => [key, UNKNOWN_VALUE]));
    return { inputs: engineInputs({ ...result.inputs, ...unknowns }, news) };
  },

  async diff(id, olds, news) {
    return diffOperator(id, recordedOperator(olds, id), checked(news));
  },

  async create(inputs) {
    const { id, state } = await asPartialResult(inputs, () => core.createOperator(runtime, checked(inputs)));
    return { id, outs: storable(state) };
  },

  async read(id, props) {
    const found = await core.readOperator(runtime, id, recordedOperatorPart(props, id));
    if (!found) return { id: "", props: {} };
    // Inputs that mirror what is live (SDK >= 3.216): the next diff compares the program with
    // ChatHub, so `preview --diff` prints `status: "inactive" => "active"`, not a bare update.
    return { id, props: found.state, inputs: found.inputs };
  },

  async update(id, olds, news) {
    return {
      outs: storable(await core.updateOperator(runtime, id, recordedOperator(olds, id), checked(news))),
    };
  },

  async delete(id) {
    await core.deleteOperator(runtime, id);
  },
};

/** Inputs that check() already accepted (create, diff and update get them from the engine). */
function checked(raw: Record<string, unknown>): OperatorInputs {
  const result = checkOperatorInputs(coreInputs(raw, OUTPUTS));
  if (!result.ok) throw new Error(`invalid ChatHubOperator inputs: ${failureMessage(result.failures)}`);
  return result.inputs;
}

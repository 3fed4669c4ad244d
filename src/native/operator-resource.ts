import { failureMessage } from "../core/check-failures";
import { diffOperator } from "../core/operator/diff";
import { checkOperatorInputs, DATED_PROPERTIES, type OperatorInputs } from "../core/operator/inputs";
import * as core from "../core/operator/operations";
import { recordedOperator, recordedOperatorPart } from "../core/recorded-state";
import { UNKNOWN } from "../core/unknown";
import { OPERATOR_TOKEN } from "../declarations/package";
import { nativeRuntime as runtime } from "./config";
import type { DiffResult, PropertyMap, ResourceHandler } from "./handler";
import { plain } from "./plain";

/** `chathub:index:Operator`: the core's operator (src/core/operator), as the native provider serves it. */
export const operatorResource: ResourceHandler = {
  async check(olds, news, context) {
    const result = await core.checkOperator(runtime, news, OPERATOR_TOKEN);
    if (!result.ok) return { inputs: news, failures: result.failures };
    const note = core.datedOperatorNote(result.inputs, olds.status);
    if (note !== undefined) await context.log("warning", `${OPERATOR_TOKEN} ${note}`);
    const unknowns: PropertyMap = Object.fromEntries(result.unknown.map((key) => [key, UNKNOWN]));
    return { inputs: { ...plain(result.inputs), ...unknowns } };
  },

  async diff(id, olds, news) {
    const diff = diffOperator(id, recordedOperator(olds, id), checked(news));
    const detailedDiff: DiffResult["detailedDiff"] = {};
    for (const property of diff.replaces)
      detailedDiff[property] = { kind: "update-replace", inputDiff: true };
    if (olds.status !== news.status) detailedDiff.status = { kind: "update", inputDiff: true };
    for (const key of DATED_PROPERTIES)
      if (olds[key] !== news[key])
        detailedDiff[key] = { kind: olds[key] === undefined ? "add" : "update", inputDiff: true };
    return { ...diff, detailedDiff };
  },

  async create(inputs) {
    const { id, state } = await core.createOperator(runtime, checked(inputs));
    return { id, outs: plain(state) };
  },

  async read(id, props) {
    // An import reads with no properties: everything comes from ChatHub.
    const found = await core.readOperator(runtime, id, recordedOperatorPart(props, id));
    if (!found) return { id: "", props: {} };
    return { id, props: plain(found.state), inputs: plain(found.inputs) };
  },

  async update(id, olds, news) {
    return {
      outs: plain(await core.updateOperator(runtime, id, recordedOperator(olds, id), checked(news))),
    };
  },

  async delete(id) {
    await core.deleteOperator(runtime, id);
  },
};

function checked(raw: PropertyMap): OperatorInputs {
  const result = checkOperatorInputs(raw, OPERATOR_TOKEN);
  if (!result.ok) throw new Error(`invalid ${OPERATOR_TOKEN} inputs: ${failureMessage(result.failures)}`);
  return result.inputs;
}

import { z } from "zod";
import { failureMessage } from "../check-failures";
import { operatorStateSchema } from "../recorded-state";
import type { ResourceBehaviour, ResourceDiff } from "../resource-behaviour";
import { diffOperator } from "./diff";
import { checkOperatorInputs, DATED_PROPERTIES, type OperatorInputs, type OperatorState } from "./inputs";
import * as core from "./operations";

/** What check() reads of the recorded inputs: the status, for the note on what a date changes. */
const recordedInputsSchema = z.object({ status: z.unknown().optional() });

/** An operator (src/core/operator), as both adapters serve it. */
export const operatorBehaviour: ResourceBehaviour<
  OperatorInputs,
  OperatorState,
  z.infer<typeof recordedInputsSchema>
> = {
  recordName: "operator",
  state: operatorStateSchema,
  recordedInputs: recordedInputsSchema,

  checkedInputs(raw, resource) {
    const result = checkOperatorInputs(raw, resource);
    if (!result.ok) throw new Error(`invalid ${resource} inputs: ${failureMessage(result.failures)}`);
    return result.inputs;
  },

  async check(news, olds, context) {
    const result = await core.checkOperator(context.runtime, news, context.resource);
    if (!result.ok) return result;
    const note = core.datedOperatorNote(result.inputs, olds.status);
    if (note !== undefined) await context.warn(`${context.resource} ${note}`);
    // Values not known yet stay so; the real run checks them.
    return { ok: true, inputs: result.inputs, unknown: result.unknown };
  },

  diff(id, olds, news) {
    const diff = diffOperator(id, olds, news);
    const detailedDiff: ResourceDiff["detailedDiff"] = {};
    for (const property of diff.replaces) detailedDiff[property] = "update-replace";
    if (olds.status !== news.status) detailedDiff.status = "update";
    for (const key of DATED_PROPERTIES)
      if (olds[key] !== news[key]) detailedDiff[key] = olds[key] === undefined ? "add" : "update";
    return { ...diff, detailedDiff };
  },

  create(inputs, { runtime }) {
    return core.createOperator(runtime, inputs);
  },

  // An import reads with nothing recorded: everything comes from ChatHub. The inputs mirror what
  // is live, so the next diff compares the program with ChatHub (`status: "inactive" => "active"`).
  read(id, recorded, _recordedInputs, { runtime }) {
    return core.readOperator(runtime, id, recorded ?? {});
  },

  update(id, olds, news, { runtime }) {
    return core.updateOperator(runtime, id, olds, news);
  },

  delete(id, _recorded, { runtime }) {
    return core.deleteOperator(runtime, id);
  },

  declaredPeople: (properties) => [properties],
};

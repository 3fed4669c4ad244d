import type * as pulumi from "@pulumi/pulumi";
import { recordReaders } from "../core/recorded-state";
import type { BehaviourContext } from "../core/resource-behaviour";
import type { ProviderRuntime } from "../core/runtime";
import type { ResourceDeclaration } from "../declarations/declaration";
import { classBehaviour } from "./class-forms";
import { addedOutputs } from "./dynamic-type";
import { asPartialResult, storable } from "./partial-result";
import { coreInputs, engineInputs, stackSettings, UNKNOWN_VALUE } from "./protocol";

/**
 * A declared resource as a dynamic provider (the TypeScript class's): the engine's calls turned
 * into its behaviour's, the serialized provider and unknown markers kept on this side. Nothing
 * here is a rule of a resource; each one is its declaration's (src/declarations/).
 */
export function dynamicProvider(
  declaration: Pick<ResourceDeclaration, "token" | "typeScriptName" | "inputs" | "outputs" | "behaviour">,
  runtime: ProviderRuntime,
): pulumi.dynamic.ResourceProvider {
  const behaviour = classBehaviour(declaration);
  const resource = declaration.typeScriptName;
  const placeholders = addedOutputs(declaration);
  // The provider's stderr is shown by the CLI: a dynamic provider has no other way to warn.
  const context: BehaviourContext = {
    runtime,
    resource,
    warn: async (message) => void console.error(`warning: ${message}`),
  };
  const { state, inputs: recordedInputs } = recordReaders(behaviour);
  const checked = (props: Record<string, unknown>) =>
    behaviour.checkedInputs(coreInputs(props, placeholders), resource);

  return {
    async configure(request) {
      runtime.configure(stackSettings(request.config));
    },

    async check(olds, news) {
      const outcome = await behaviour.check(coreInputs(news, placeholders), recordedInputs(olds), context);
      if (outcome.ok === false) return { inputs: news, failures: outcome.failures };
      if (outcome.ok === "unknown") return { inputs: news };
      // Values not known yet stay as they are; the real run checks them.
      const unknowns = Object.fromEntries((outcome.unknown ?? []).map((key) => [key, UNKNOWN_VALUE]));
      return { inputs: engineInputs({ ...outcome.inputs, ...unknowns }, news) };
    },

    async diff(id, olds, news) {
      const { detailedDiff: _drawnByTheEngine, ...diff } = behaviour.diff(
        id,
        state(olds, id),
        checked(news),
        recordedInputs(olds, id),
      );
      return diff;
    },

    async create(inputs) {
      const { id, state: created } = await asPartialResult(inputs, () =>
        behaviour.create(checked(inputs), context),
      );
      return { id, outs: storable(created) };
    },

    async read(id, props) {
      const found = await behaviour.read(id, state(props, id), recordedInputs(props, id), context);
      if (!found) return { id: "", props: {} };
      // Inputs that mirror what is live (SDK >= 3.216): the next diff compares the program with ChatHub.
      return { id, props: storable(found.state), inputs: found.inputs };
    },

    async update(id, olds, news) {
      const previous = state(olds, id);
      return {
        outs: storable(
          await asPartialResult(news, () => behaviour.update(id, previous, checked(news), context)),
        ),
      };
    },

    async delete(id, props) {
      await behaviour.delete(id, state(props, id), context);
    },
  };
}

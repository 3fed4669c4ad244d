import { PartialFailure, recastPartialFailure } from "../core/partial-failure";
import { recordReaders } from "../core/recorded-state";
import type { AnyResourceBehaviour, BehaviourContext, ResourceDiff } from "../core/resource-behaviour";
import type { ProviderRuntime } from "../core/runtime";
import { UNKNOWN } from "../core/unknown";
import type { CallContext, DiffResult, PropertyMap, ResourceHandler } from "./handler";
import { plain } from "./plain";

/**
 * A declared resource as the native provider serves it: the engine's properties parsed with the
 * behaviour's schemas, its answers written back as plain properties. Nothing here is a rule of a
 * resource; each one is its declaration's (src/declarations/).
 */
export function servedResource(
  declaration: { token: string; behaviour: AnyResourceBehaviour },
  runtime: ProviderRuntime,
): ResourceHandler {
  const { token: resource, behaviour } = declaration;
  const contextOf = (call: CallContext): BehaviourContext => ({
    runtime,
    resource,
    warn: (message) => call.log("warning", message),
  });
  const { state, inputs: recordedInputs } = recordReaders(behaviour);
  const checked = (props: PropertyMap) => behaviour.checkedInputs(props, resource);
  // A PartialFailure's state as the engine records it: plain properties.
  const partial = <T>(operation: () => Promise<T>) =>
    recastPartialFailure(
      operation,
      (failure) => new PartialFailure(failure.message, failure.id, plain(failure.state)),
    );

  return {
    async check(olds, news, call) {
      const outcome = await behaviour.check(news, recordedInputs(olds), contextOf(call));
      if (outcome.ok === false) return { inputs: news, failures: outcome.failures };
      if (outcome.ok === "unknown") return { inputs: news };
      const unknowns: PropertyMap = Object.fromEntries((outcome.unknown ?? []).map((key) => [key, UNKNOWN]));
      return { inputs: { ...plain(outcome.inputs), ...unknowns } };
    },

    async diff(id, olds, news, _call, oldInputs) {
      return detailed(behaviour.diff(id, state(olds, id), checked(news), recordedInputs(oldInputs, id)));
    },

    async create(inputs, call) {
      const { id, state: created } = await partial(() => behaviour.create(checked(inputs), contextOf(call)));
      return { id, outs: plain(created) };
    },

    async read(id, props, inputs, call) {
      // An import reads with nothing recorded.
      const recorded = Object.keys(props).length === 0 ? undefined : state(props, id);
      const found = await behaviour.read(id, recorded, recordedInputs(inputs, id), contextOf(call));
      if (!found) return { id: "", props: {} };
      return { id, props: plain(found.state), inputs: plain(found.inputs) };
    },

    async update(id, olds, news, call) {
      const outs = await partial(() => behaviour.update(id, state(olds, id), checked(news), contextOf(call)));
      return { outs: plain(outs) };
    },

    async delete(id, props, call) {
      await behaviour.delete(id, state(props, id), contextOf(call));
    },
  };
}

/** A behaviour's diff as the engine's: every path an input change. */
function detailed(diff: ResourceDiff): DiffResult {
  const { detailedDiff, ...rest } = diff;
  if (detailedDiff === undefined) return rest;
  const paths = Object.entries(detailedDiff).map(([path, kind]) => [path, { kind, inputDiff: true }]);
  return { ...rest, detailedDiff: Object.fromEntries(paths) };
}

/** Every declared resource, by type token. */
export function servedResources(
  declarations: readonly { token: string; behaviour: AnyResourceBehaviour }[],
  runtime: ProviderRuntime,
): Record<string, ResourceHandler> {
  return Object.fromEntries(
    declarations.map((declaration) => [declaration.token, servedResource(declaration, runtime)]),
  );
}

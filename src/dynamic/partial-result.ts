import { recastPartialFailure } from "../core/partial-failure";
import { PROVIDER_KEY } from "./protocol";

/**
 * An operation that failed after part of it was applied in ChatHub, in the form Pulumi's dynamic
 * provider host turns into a partial result: the engine records the resource under `id` with
 * these properties as its outputs, so the next `up` finishes the job instead of creating the
 * resource again.
 */
export interface PartialResultError extends Error {
  id: string;
  properties: Record<string, unknown>;
  reasons: string[];
}

/**
 * Runs a core operation; a PartialFailure it throws becomes the host's partial result. The
 * serialized provider is carried over from `inputs`: the host adds it to every successful result
 * but not to a partial one, and without it refresh, update and destroy cannot load the provider
 * for this resource again.
 */
export function asPartialResult<T>(inputs: Record<string, unknown>, operation: () => Promise<T>): Promise<T> {
  return recastPartialFailure(operation, (failure) => {
    const properties = storable({ ...failure.state, [PROVIDER_KEY]: inputs[PROVIDER_KEY] });
    const partial: PartialResultError = Object.assign(new Error(failure.message), {
      id: failure.id,
      properties,
      reasons: [failure.message],
    });
    return partial;
  });
}

/**
 * The properties as Pulumi can store them: without undefined values, which the protobuf Struct
 * that carries them to the engine refuses ("Unexpected struct type"), failing an operation that
 * ChatHub has already applied.
 */
export function storable<T extends object>(properties: T): T {
  return Object.fromEntries(Object.entries(properties).filter(([, value]) => value !== undefined)) as T;
}

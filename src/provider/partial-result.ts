import { PROVIDER_KEY } from "./operator-inputs";

/**
 * An operation that failed after part of it was applied in ChatHub. Pulumi's dynamic provider
 * host turns an error carrying `id` and `properties` into a partial result: the engine records
 * the resource under `id` with these properties as its outputs, so the next `up` finishes the
 * job instead of creating the resource again.
 */
export interface PartialResultError extends Error {
  id: string;
  properties: Record<string, unknown>;
  reasons: string[];
}

/**
 * The error to throw when an operation fails halfway. `state` is what is true in ChatHub now.
 * The serialized provider is carried over from `inputs`: the host adds it to every successful
 * result but not to a partial one, and without it refresh, update and destroy cannot load the
 * provider for this resource again.
 */
export function partialResultError(
  message: string,
  id: string,
  state: Record<string, unknown>,
  inputs: Record<string, unknown>,
): PartialResultError {
  const properties = storable({ ...state, [PROVIDER_KEY]: inputs[PROVIDER_KEY] });
  return Object.assign(new Error(message), { id, properties, reasons: [message] });
}

/**
 * The properties as Pulumi can store them: without undefined values, which the protobuf Struct
 * that carries them to the engine refuses ("Unexpected struct type"), failing an operation that
 * ChatHub has already applied.
 */
export function storable<T extends object>(properties: T): T {
  return Object.fromEntries(Object.entries(properties).filter(([, value]) => value !== undefined)) as T;
}

/**
 * A value not known yet: an output of another resource, during preview. Each adapter turns its
 * protocol's marker into this one, so the core never sees how Pulumi spells it.
 */
export const UNKNOWN: unique symbol = Symbol("chathub.unknown");
export type Unknown = typeof UNKNOWN;

export function isUnknown(value: unknown): value is Unknown {
  return value === UNKNOWN;
}

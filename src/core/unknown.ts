/**
 * A value not known yet: an output of another resource, during preview. Each adapter turns its
 * protocol's marker into this one, so the core never sees how Pulumi spells it.
 */
export const UNKNOWN: unique symbol = Symbol("chathub.unknown");
export type Unknown = typeof UNKNOWN;

/**
 * How the engine spells a value not known yet on the wire (sdk/go/common/resource/plugin/rpc.go),
 * for the two edges that translate it: the dynamic provider's protocol and the gRPC server.
 */
export const ENGINE_UNKNOWN_MARKER = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function isUnknown(value: unknown): value is Unknown {
  return value === UNKNOWN;
}

/**
 * Pulumi's wire form of property values (a protobuf Struct with two magic markers) turned into the
 * plain values handlers see, and back. The engine spells "not known yet" as a fixed string and a
 * secret as an object tagged with a signature key; handlers see UNKNOWN and the bare value.
 */
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { ENGINE_UNKNOWN_MARKER, isUnknown, UNKNOWN } from "../../core/unknown";
import type { PropertyMap, PropertyValue } from "../handler";

/** The engine's marker for a value not known during preview. */
export const UNKNOWN_SENTINEL = ENGINE_UNKNOWN_MARKER;
/** The key whose value tags an object as a special value, and the tag of a secret. */
export const SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIGNATURE = "1b47061264138c4ac30d75fd1eb44270";

type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

function fromWire(value: JsonValue): PropertyValue {
  if (value === UNKNOWN_SENTINEL) return UNKNOWN;
  if (Array.isArray(value)) return value.map(fromWire);
  if (value !== null && typeof value === "object") {
    if (value[SIGNATURE_KEY] === SECRET_SIGNATURE) return fromWire(value.value ?? null);
    const plain: Record<string, PropertyValue> = {};
    for (const [key, item] of Object.entries(value)) plain[key] = fromWire(item);
    return plain;
  }
  return value;
}

function toWire(value: PropertyValue | undefined): JsonValue | undefined {
  if (value === undefined) return undefined;
  if (isUnknown(value)) return UNKNOWN_SENTINEL;
  if (Array.isArray(value)) return value.map((item) => toWire(item) ?? null);
  if (value !== null && typeof value === "object") {
    const wire: Record<string, JsonValue> = {};
    for (const [key, item] of Object.entries(value)) {
      const converted = toWire(item);
      if (converted !== undefined) wire[key] = converted; // a Struct has no "undefined"
    }
    return wire;
  }
  return value;
}

/** A request's Struct as plain values: secrets unwrapped, unknowns as UNKNOWN. */
export function propertiesFromStruct(struct: Struct | undefined): PropertyMap {
  if (!struct) return {};
  return fromWire(struct.toJavaScript() as JsonValue) as PropertyMap;
}

/** Plain values as a response's Struct: UNKNOWN as the engine's marker, undefined keys left out. */
export function propertiesToStruct(properties: PropertyMap): Struct {
  return Struct.fromJavaScript(toWire(properties) as Record<string, JsonValue>);
}

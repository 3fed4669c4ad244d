import type { PropertyMap, PropertyValue } from "./handler";

/** A core value as properties: plain data, without the undefined values a Struct cannot carry. */
export function plain(value: object): PropertyMap {
  return JSON.parse(JSON.stringify(value)) as PropertyMap;
}

/** A list of core values as one property value, likewise plain. */
export function plainList(values: readonly object[]): PropertyValue[] {
  return JSON.parse(JSON.stringify(values)) as PropertyValue[];
}

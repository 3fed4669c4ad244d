import type { PropertyMap } from "./handler";

/** A core value as properties: plain data, without the undefined values a Struct cannot carry. */
export function plain(value: object): PropertyMap {
  return JSON.parse(JSON.stringify(value)) as PropertyMap;
}

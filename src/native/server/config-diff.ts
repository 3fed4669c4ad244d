/**
 * DiffConfig: what changed in the provider's own configuration. A changed token, endpoint or pace
 * never replaces the provider (that would replace every resource it manages): it is an update.
 */
import { isDeepStrictEqual } from "node:util";
import type { DiffResult, PropertyMap } from "../handler";

export function diffConfig(olds: PropertyMap, news: PropertyMap): DiffResult {
  const detailedDiff: NonNullable<DiffResult["detailedDiff"]> = {};
  for (const key of new Set([...Object.keys(olds), ...Object.keys(news)])) {
    const before = olds[key];
    const after = news[key];
    if (isDeepStrictEqual(before, after)) continue;
    const kind = before === undefined ? "add" : after === undefined ? "delete" : "update";
    detailedDiff[key] = { kind, inputDiff: true };
  }
  return { changes: Object.keys(detailedDiff).length > 0, replaces: [], detailedDiff };
}

/** A handler's DiffResult as the engine's DiffResponse. */
import { DiffResponse, PropertyDiff } from "@pulumi/pulumi/proto/provider_pb";
import type { DiffKind, DiffResult } from "../handler";

const KINDS: Record<DiffKind, PropertyDiff.Kind> = {
  add: PropertyDiff.Kind.ADD,
  "add-replace": PropertyDiff.Kind.ADD_REPLACE,
  delete: PropertyDiff.Kind.DELETE,
  "delete-replace": PropertyDiff.Kind.DELETE_REPLACE,
  update: PropertyDiff.Kind.UPDATE,
  "update-replace": PropertyDiff.Kind.UPDATE_REPLACE,
};

/** The top-level property a detailed-diff path is under: `operators[3].status` → `operators`. */
function topLevelProperty(path: string): string {
  return /^[^.[]+/.exec(path)?.[0] ?? path;
}

export function diffResponse(result: DiffResult): DiffResponse {
  const response = new DiffResponse()
    .setChanges(result.changes ? DiffResponse.DiffChanges.DIFF_SOME : DiffResponse.DiffChanges.DIFF_NONE)
    .setReplacesList(result.replaces ?? [])
    .setDeletebeforereplace(result.deleteBeforeReplace ?? false);
  if (result.detailedDiff) {
    response.setHasdetaileddiff(true);
    const map = response.getDetaileddiffMap();
    for (const [path, diff] of Object.entries(result.detailedDiff)) {
      map.set(path, new PropertyDiff().setKind(KINDS[diff.kind]).setInputdiff(diff.inputDiff ?? false));
    }
    response.setDiffsList([...new Set(Object.keys(result.detailedDiff).map(topLevelProperty))]);
  }
  return response;
}

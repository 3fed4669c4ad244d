import type { PreviewStep, ResourceState } from "./preview-json";

/**
 * One resource's steps taken together. A replacement is several steps for one URN
 * (create-replacement, replace, delete-replaced): read as one change from the old state to the new.
 */
export interface ResourceSteps {
  urn: string;
  type: string;
  /** What happens to the resource: created, updated, replaced or deleted. */
  change: "create" | "update" | "replace" | "delete";
  oldState: ResourceState | undefined;
  newState: ResourceState | undefined;
}

const REPLACING = new Set(["replace", "create-replacement", "delete-replaced"]);
/** Steps that change nothing in ChatHub: as recorded, a refresh (shown by the next change), a read, an import. */
const UNCHANGING = new Set([
  "same",
  "refresh",
  "read",
  "import",
  "discard",
  "read-discard",
  "remove-pending-replace",
]);

export function resourceSteps(steps: readonly PreviewStep[]): ResourceSteps[] {
  const byUrn = new Map<string, PreviewStep[]>();
  for (const step of steps) {
    if (UNCHANGING.has(step.op)) continue;
    byUrn.set(step.urn, [...(byUrn.get(step.urn) ?? []), step]);
  }
  return [...byUrn].flatMap(([urn, group]) => {
    const oldState = group.find((step) => step.oldState)?.oldState;
    const newState = group.find((step) => step.newState)?.newState;
    const type = newState?.type ?? oldState?.type;
    const change = changeOf(group);
    return type === undefined || change === undefined ? [] : [{ urn, type, change, oldState, newState }];
  });
}

function changeOf(group: readonly PreviewStep[]): ResourceSteps["change"] | undefined {
  const ops = new Set(group.map((step) => step.op));
  if ([...ops].some((op) => REPLACING.has(op))) return "replace";
  if (ops.has("create")) return "create";
  if (ops.has("update")) return "update";
  if (ops.has("delete")) return "delete";
  return undefined;
}

import type { PreviewStep } from "./preview-json";
import { shownId, shownName } from "./shown-value";

/**
 * Organization names as the preview's resources record them (a ChatHubOperator's
 * `organizationName` output, in any step, changed or not), by organization id. No request is made
 * for the others: they are shown by id.
 */
export function organizationNames(steps: readonly PreviewStep[]): Map<number, string> {
  const names = new Map<number, string>();
  for (const step of steps) {
    for (const state of [step.oldState, step.newState]) {
      for (const properties of [state?.outputs, state?.inputs]) {
        const id = shownId(properties?.organizationId);
        const name = shownName(properties?.organizationName);
        if (id !== undefined && name !== undefined && !names.has(id)) names.set(id, name);
      }
    }
  }
  return names;
}

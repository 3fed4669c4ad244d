/**
 * What an organization roster's `unmanaged` does to a live person it does not name, written once
 * for the roster (src/core/organization-roster/) and the removal budget (removal-budget.ts),
 * which counts those people among the removals. The declaration describes the choices
 * (src/declarations/organization-roster.ts).
 */

/** The choices of a roster's `unmanaged`. */
export const UNMANAGED_MODES = ["ignore", "deactivate", "delete"] as const;
export type UnmanagedMode = (typeof UNMANAGED_MODES)[number];

/** What `unmanaged` does to one person. */
export type UnmanagedChange = "deactivate" | "delete";

/**
 * The rule: "delete" deletes everyone; "deactivate" deactivates the active (the inactive are
 * left); "ignore" leaves everyone.
 */
export function unmanagedChange(mode: UnmanagedMode, active: boolean): UnmanagedChange | undefined {
  if (mode === "delete") return "delete";
  if (mode === "deactivate" && active) return "deactivate";
  return undefined;
}

import type { Removal } from "../core/removal-budget";

/** What a deployment does to one person, as a support lead reads it. */
export type ChangeKind =
  | "added"
  | "adopted"
  | "reactivated"
  | "deactivated"
  | "deleted"
  | "renamed"
  | "unmanaged-deactivated"
  | "unmanaged-deleted";

/** One person's change; a name the JSON does not show (a secret, not known yet) is undefined. */
export interface PersonChange {
  organizationId: number;
  kind: ChangeKind;
  name: string | undefined;
  /** A rename's old name. */
  from?: string | undefined;
  /** ChatHub's operator id, where the JSON has it (unmanaged people always). */
  operatorId?: number;
  /** Added as inactive. */
  inactive?: boolean;
  /** Why a date (activeFrom, activeUntil) is the cause, e.g. "inactive from 2026-12-31: activeUntil passed". */
  dated?: string;
}

/** A dated person's status change that a later scheduled `up` applies (src/roster/active-window.ts). */
export interface DatedChangeDue {
  organizationId: number;
  name: string;
  /** When (ms since the epoch). */
  at: number;
  /** e.g. "inactive from 2026-12-31: activeUntil 2026-12-30". */
  reason: string;
}

/** How much of an organization roster's removal budget (src/core/removal-budget.ts) the deployment uses. */
export interface BudgetUse {
  organizationId: number;
  /** The roster's name in the program. */
  roster: string;
  removals: readonly Removal[];
  /** People whose dates take them out of service: deliberate, not counted against the budget. */
  datedRemovals: number;
  /** The most people it may take out of service; Infinity when "unlimited". */
  budget: number;
  /** `maxRemovals` as the program gives it; undefined for the default. */
  setting: number | "unlimited" | undefined;
  liveOperators: number;
}

/** What one resource's steps say: the people changed, and notes on what the JSON cannot tell. */
export interface ResourceChanges {
  changes: PersonChange[];
  budgets: BudgetUse[];
  /** Per organization: e.g. a new roster's unmanaged people, known only at `up`. */
  notes: { organizationId: number | undefined; text: string }[];
}

export const NO_CHANGES: ResourceChanges = { changes: [], budgets: [], notes: [] };

// Generated from src/declarations/ by `npm run declarations`: edit the declarations, not this file.
import type * as pulumi from "@pulumi/pulumi";

export interface ChatHubOperatorArgs {
  /** The ChatHub organization the operator answers chats for, e.g. 24. */
  organizationId: pulumi.Input<number>;
  /**
   * Display name, 1–100 characters, unique in the organization (case-insensitive). Changing it
   * replaces the operator.
   */
  name: pulumi.Input<string>;
  /** "active" (default) or "inactive". Deleting an operator is deleting the resource. */
  status?: pulumi.Input<"active" | "inactive">;
  /**
   * Take over a live operator of the same name instead of failing with a name clash: to bring an
   * existing roster under Pulumi, or to re-run an `up` that was interrupted.
   */
  adopt?: pulumi.Input<boolean>;
  /**
   * Dated entries: the person is active from this moment on, and inactive (never deleted) before it.
   * An ISO 8601 date ("2026-12-31": the whole day in `timeZone`) or date-time
   * ("2026-12-31T18:00:00Z"; without an offset, a wall time in `timeZone`).
   */
  activeFrom?: pulumi.Input<string>;
  /**
   * Dated entries: the person is active until this moment (a date: through its end), and inactive
   * (never deleted) after it. An ISO 8601 date ("2026-12-31": the whole day in `timeZone`) or
   * date-time ("2026-12-31T18:00:00Z"; without an offset, a wall time in `timeZone`). A declared
   * status "inactive" stays inactive inside the window.
   */
  activeUntil?: pulumi.Input<string>;
  /**
   * The time zone in which the dates of `activeFrom` and `activeUntil` are days: an IANA name, e.g.
   * "Europe/Kyiv" (default UTC).
   */
  timeZone?: pulumi.Input<string>;
}

/** A ChatHub operator: an agent who answers chats for an organization. */
export interface ChatHubOperatorOutputs {
  /** ChatHub's id for the operator, e.g. 104. */
  readonly operatorId: pulumi.Output<number>;
  /** The organization's name as ChatHub reports it. */
  readonly organizationName: pulumi.Output<string | undefined>;
}

export interface ChatHubOrganizationRosterArgs {
  /** The ChatHub organization this roster owns, e.g. 24. */
  organizationId: pulumi.Input<number>;
  /**
   * Required: what `up` does to live operators the roster does not name. "ignore" leaves them and
   * reports them in `unmanagedOperators`; "deactivate" makes them inactive; "delete" gives them
   * status 2.
   */
  unmanaged: "ignore" | "deactivate" | "delete";
  /**
   * The removal budget: the most people one deployment may take out of service here (deleted or
   * deactivated, managed or unmanaged; a rename removes the old name; a deactivation caused by an
   * entry's `activeFrom`/`activeUntil` dates does not count). Over it, preview and up fail before
   * any change, naming the people. Default: 10 people or 10% of the live operators, whichever is
   * larger. Raise it for a deliberate reorganisation; "unlimited" turns it off. Removing the roster
   * itself is `protect`'s to guard.
   */
  maxRemovals?: number | "unlimited";
  /**
   * The organization's time zone, in which the entries' `activeFrom` and `activeUntil` dates are
   * days: an IANA name, e.g. "Europe/Kyiv" (default UTC).
   */
  timeZone?: string;
  /** The operators, inline. Give this or `file`. */
  operators?: readonly RosterEntry[];
  /** A roster file (.yaml, .yml or .csv), relative to the program's folder. Give this or `operators`. */
  file?: string;
}

/**
 * The authoritative roster of one organization: `up` creates the missing, sets statuses, deletes
 * entries removed from the roster, and applies `unmanaged` to everyone else; live operators of the
 * same name are adopted, never duplicated.
 */
export interface ChatHubOrganizationRosterOutputs {
  /** ChatHub's operator id of every entry, by key. */
  readonly operatorIds: pulumi.Output<Record<string, number>>;
  /** Total, active and inactive people of the roster. */
  readonly counts: pulumi.Output<RosterCounts>;
  /** Live operators the roster does not name, after this up's actions (or the last refresh). */
  readonly unmanagedOperators: pulumi.Output<UnmanagedOperator[]>;
}

export interface GetOperatorsArgs {
  /** The ChatHub organization, e.g. 24. */
  organizationId: number;
}

export interface RosterEntry {
  /** Display name, 1–100 characters, unique in the organization (case-insensitive). */
  name: string;
  /** "active" (default) or "inactive". */
  status?: "active" | "inactive";
  /**
   * A stable key for the person (default: derived from the name, e.g. "alex-brown"). Keep it when
   * renaming.
   */
  key?: string;
  /** Take over this live operator, "<organizationId>/<operatorId>" (e.g. "24/104"), as it is. */
  import?: string;
  /**
   * Dated entries: the person is active from this moment on, and inactive (never deleted) before it.
   * An ISO 8601 date ("2026-12-31": the whole day in `timeZone`) or date-time
   * ("2026-12-31T18:00:00Z"; without an offset, a wall time in `timeZone`).
   */
  activeFrom?: string;
  /**
   * Dated entries: the person is active until this moment (a date: through its end), and inactive
   * (never deleted) after it. An ISO 8601 date ("2026-12-31": the whole day in `timeZone`) or
   * date-time ("2026-12-31T18:00:00Z"; without an offset, a wall time in `timeZone`). A declared
   * status "inactive" stays inactive inside the window.
   */
  activeUntil?: string;
}

export interface RosterCounts {
  /** People the roster manages. */
  total: number;
  /** Of them, active. */
  active: number;
  /** Of them, inactive. */
  inactive: number;
}

export interface UnmanagedOperator {
  /** ChatHub's operator id. */
  id: number;
  /** Display name. */
  name: string;
  status: "active" | "inactive";
}

import { z } from "zod";

/**
 * Dated entries (temporary staff): `activeFrom` and `activeUntil` bound when a person is active.
 * A date is the whole day in the organization's time zone (an IANA name, default UTC): active
 * from the start of `activeFrom`'s day, through the end of `activeUntil`'s. A date-time is that
 * moment (in the time zone when it has no offset of its own). Outside the window the person is
 * inactive, never deleted: the window can be moved and they come back. Time zones come from the
 * platform's Intl, so no time zone database is shipped with the package.
 */

export const DEFAULT_TIME_ZONE = "UTC";

export interface ActiveWindow {
  activeFrom?: string | undefined;
  activeUntil?: string | undefined;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/;

const DATE_FIX =
  'write an ISO 8601 date or date-time, e.g. "2026-12-31" (the whole day) or "2026-12-31T18:00:00Z"';

/** Why a time zone is not an IANA name the platform knows, or undefined when it is one. */
export function timeZoneProblem(value: unknown): string | undefined {
  if (typeof value === "string" && value.trim() !== "") {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: value });
      return undefined;
    } catch {
      // falls through to the message
    }
  }
  return `must be an IANA time zone name, e.g. "Europe/Kyiv" or "America/New_York" (got ${JSON.stringify(value) ?? String(value)}); leave it out for UTC`;
}

/** Why a value is not an ISO 8601 date or date-time, or undefined when it is one. */
export function dateProblem(value: unknown): string | undefined {
  if (typeof value !== "string") return `must be a text date: ${DATE_FIX}`;
  const parts = DATE.exec(value) ?? DATE_TIME.exec(value);
  if (!parts) return `is not an ISO 8601 date or date-time (got ${JSON.stringify(value)}): ${DATE_FIX}`;
  const [year, month, day, hour = 0, minute = 0, second = 0] = parts.slice(1, 7).map(Number) as number[];
  const check = new Date(Date.UTC(year as number, (month as number) - 1, day as number));
  const realDay =
    check.getUTCFullYear() === year && check.getUTCMonth() + 1 === month && check.getUTCDate() === day;
  if (!realDay || (hour as number) > 23 || (minute as number) > 59 || (second as number) > 59) {
    return `is not a real date or time (got ${JSON.stringify(value)}): ${DATE_FIX}`;
  }
  return undefined;
}

// A string to the package schema; every message (a number given, a bad value) is timeZoneProblem's.
export const timeZoneSchema = z
  .string({ error: (issue) => timeZoneProblem(issue.input) })
  .refine((value) => timeZoneProblem(value) === undefined, {
    error: (issue) => timeZoneProblem(issue.input),
  });

// A string to the package schema; every message (a number given, a bad value) is dateProblem's.
export const activeDateSchema = z
  .string({ error: (issue) => dateProblem(issue.input) })
  .refine((value) => dateProblem(value) === undefined, { error: (issue) => dateProblem(issue.input) });

const ACTIVE_DATES =
  'An ISO 8601 date ("2026-12-31": the whole day in `timeZone`) or date-time ("2026-12-31T18:00:00Z"; without an offset, a wall time in `timeZone`).';

/** Dated entries' start, as an operator or a roster entry writes it. */
export const activeFromSchema = activeDateSchema.describe(
  `Dated entries: the person is active from this moment on, and inactive (never deleted) before it. ${ACTIVE_DATES}`,
);

/** Dated entries' end. */
export const activeUntilSchema = activeDateSchema.describe(
  `Dated entries: the person is active until this moment (a date: through its end), and inactive (never deleted) after it. ${ACTIVE_DATES} A declared status "inactive" stays inactive inside the window.`,
);

/** The window's bounds as instants (ms): from inclusive, until exclusive. */
function bounds(window: ActiveWindow, timeZone: string): { from?: number; until?: number } {
  const result: { from?: number; until?: number } = {};
  if (window.activeFrom !== undefined) result.from = instantOf(window.activeFrom, timeZone, 0);
  if (window.activeUntil !== undefined) result.until = instantOf(window.activeUntil, timeZone, 1);
  return result;
}

/** Why a window is not one (it ends before it starts), or undefined; the dates are assumed valid. */
export function windowOrderProblem(window: ActiveWindow, timeZone = DEFAULT_TIME_ZONE): string | undefined {
  if (window.activeFrom === undefined || window.activeUntil === undefined) return undefined;
  if (timeZoneProblem(timeZone) !== undefined) return undefined; // reported on timeZone itself
  const { from, until } = bounds(window, timeZone);
  if ((from as number) < (until as number)) return undefined;
  return `activeUntil ${window.activeUntil} is before activeFrom ${window.activeFrom}: the person would never be active; swap the dates or correct one of them`;
}

/** Where now stands in a window: inside or not, and why, as previews say it. */
export interface WindowPosition {
  open: boolean;
  /** e.g. "inactive from 2026-12-31: activeUntil passed". */
  reason: string;
}

/** The position of `now` in the window; undefined when the entry has no dates. */
export function windowPosition(
  window: ActiveWindow,
  timeZone: string | undefined,
  now: Date,
): WindowPosition | undefined {
  if (window.activeFrom === undefined && window.activeUntil === undefined) return undefined;
  const { from, until } = bounds(window, timeZone ?? DEFAULT_TIME_ZONE);
  const at = now.getTime();
  if (from !== undefined && at < from) {
    return { open: false, reason: `inactive until ${window.activeFrom}: activeFrom not reached` };
  }
  if (until !== undefined && at >= until) {
    return {
      open: false,
      reason: `inactive from ${endLabel(window.activeUntil as string)}: activeUntil passed`,
    };
  }
  return {
    open: true,
    reason:
      window.activeFrom !== undefined
        ? `active from ${window.activeFrom}: activeFrom reached`
        : `active until ${window.activeUntil}`,
  };
}

/** The status a dated entry has now: its declared one inside the window, inactive outside it. */
export function datedStatus<S extends "active" | "inactive">(
  declared: S,
  window: ActiveWindow,
  timeZone: string | undefined,
  now: Date,
): "active" | "inactive" {
  const position = windowPosition(window, timeZone, now);
  return position === undefined || position.open ? declared : "inactive";
}

/** Whether a window is set and closed now: an inactivity written down with a date. */
export function isDatedInactive(window: ActiveWindow, timeZone: string | undefined, now: Date): boolean {
  return windowPosition(window, timeZone, now)?.open === false;
}

/** The dates of a window that are set, for a record that keeps only what is given. */
export function windowOf(value: ActiveWindow): ActiveWindow {
  const window: ActiveWindow = {};
  if (value.activeFrom !== undefined) window.activeFrom = value.activeFrom;
  if (value.activeUntil !== undefined) window.activeUntil = value.activeUntil;
  return window;
}

/** The first moment an `activeUntil` no longer covers: the next day for a date, the moment itself otherwise. */
function endLabel(activeUntil: string): string {
  const day = DATE.exec(activeUntil);
  if (!day) return activeUntil;
  const next = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]) + 1));
  return next.toISOString().slice(0, 10);
}

/**
 * The instant (ms) a date or date-time means. A date is the start of its day (`dayOffset` 1: of
 * the next day) in the time zone; a date-time without an offset is a wall time in the time zone.
 */
function instantOf(value: string, timeZone: string, dayOffset: 0 | 1): number {
  const day = DATE.exec(value);
  if (day) return zonedInstant(Number(day[1]), Number(day[2]), Number(day[3]) + dayOffset, 0, 0, 0, timeZone);
  const parts = DATE_TIME.exec(value) as RegExpExecArray;
  if (parts[8] !== undefined) return new Date(value).getTime();
  const [year, month, date, hour, minute, second = 0] = parts.slice(1, 7).map((part) => Number(part ?? 0));
  const fraction = parts[7] === undefined ? 0 : Math.round(Number(parts[7]) * 1000);
  return (
    zonedInstant(
      year as number,
      month as number,
      date as number,
      hour as number,
      minute as number,
      second as number,
      timeZone,
    ) + fraction
  );
}

/** The instant a wall time in a time zone names (twice corrected, for a change of offset between). */
function zonedInstant(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  timeZone: string,
): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const first = wall - offsetAt(wall, timeZone);
  return wall - offsetAt(first, timeZone);
}

/** The time zone's offset from UTC (ms) at an instant, from Intl. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** A status change to explain: `before` is the status last recorded (undefined for someone new). */
export interface StatusChange {
  window: ActiveWindow;
  timeZone: string | undefined;
  now: Date;
  before: "active" | "inactive" | undefined;
  after: "active" | "inactive";
}

/**
 * Why a date changes someone's status, e.g. `inactive from 2026-12-31: activeUntil passed`;
 * undefined when no date is the cause.
 */
export function datedReason({ window, timeZone, now, before, after }: StatusChange): string | undefined {
  const position = windowPosition(window, timeZone, now);
  if (position === undefined || before === after) return undefined;
  const closedNow = !position.open && after === "inactive";
  const openedNow =
    position.open && after === "active" && before === "inactive" && window.activeFrom !== undefined;
  return closedNow || openedNow ? position.reason : undefined;
}

/**
 * What a preview says when a date changes someone's status:
 * `<who>: inactive from 2026-12-31: activeUntil passed`, or undefined (see datedReason).
 */
export function datedChangeNote(who: string, change: StatusChange): string | undefined {
  const reason = datedReason(change);
  return reason === undefined ? undefined : `${who}: ${reason}`;
}

/** A bound of a window still ahead: the instant (ms) and what it does, as a summary says it. */
export interface DatedChangeAhead {
  at: number;
  /** e.g. "inactive from 2026-12-31: activeUntil 2026-12-30" or "window opens 2026-12-11: activeFrom". */
  reason: string;
}

/**
 * The bounds of the window that fall after `now` and no later than `now + horizonMs`: what the
 * scheduled `up` of those days will apply. An activeFrom opens the window: the person is then
 * as their status says (active unless it says inactive).
 */
export function datedChangesAhead(
  window: ActiveWindow,
  timeZone: string | undefined,
  now: Date,
  horizonMs: number,
): DatedChangeAhead[] {
  const { from, until } = bounds(window, timeZone ?? DEFAULT_TIME_ZONE);
  const ahead = (at: number | undefined) =>
    at !== undefined && at > now.getTime() && at <= now.getTime() + horizonMs;
  const changes: DatedChangeAhead[] = [];
  if (ahead(from)) {
    changes.push({ at: from as number, reason: `window opens ${window.activeFrom}: activeFrom` });
  }
  if (ahead(until)) {
    const activeUntil = window.activeUntil as string;
    changes.push({
      at: until as number,
      reason: `inactive from ${endLabel(activeUntil)}: activeUntil ${activeUntil}`,
    });
  }
  return changes;
}

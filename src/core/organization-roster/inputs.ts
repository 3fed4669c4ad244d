import { z } from "zod";
import { DESIRED_STATUSES, type DesiredStatus, organizationIdSchema } from "../../api";
import { reportedNameSchema } from "../../api/operator-rules";
import {
  datedChangeNote,
  datedStatus,
  isDatedInactive,
  timeZoneSchema,
  windowOrderProblem,
} from "../../roster/active-window";
import { rosterEntrySchema } from "../../roster/roster-entry-schema";
import { type Checked, type CheckFailure, failureMessage, failuresOf } from "../check-failures";
import { now } from "../clock";
import { maxRemovalsSchema } from "../removal-budget";
import { isUnknown } from "../unknown";
import { UNMANAGED_CHOICES, UNMANAGED_MODES } from "./unmanaged";

/** One person of the roster, by key: a roster entry without its key. */
export const rosterMemberSchema = rosterEntrySchema.omit({ key: true });
export type RosterMember = z.infer<typeof rosterMemberSchema>;

/** An organization roster as the core works with it: the people by key (each adapter builds the map). */
export const organizationRosterInputsSchema = z.strictObject({
  organizationId: organizationIdSchema.describe("The ChatHub organization this roster owns, e.g. 24."),
  unmanaged: z
    .enum(UNMANAGED_MODES, { error: `is missing or unknown: ${UNMANAGED_CHOICES}` })
    .describe(
      'Required: what `up` does to live operators the roster does not name. "ignore" leaves them and reports them in `unmanagedOperators`; "deactivate" makes them inactive; "delete" gives them status 2.',
    ),
  operators: z.record(z.string(), rosterMemberSchema),
  // The removal budget (src/core/removal-budget.ts).
  maxRemovals: maxRemovalsSchema
    .describe(
      "The removal budget: the most people one deployment may take out of service here (deleted or deactivated, managed or unmanaged; a rename removes the old name; a deactivation caused by an entry's `activeFrom`/`activeUntil` dates does not count). Over it, preview and up fail before any change, naming the people. Default: 10 people or 10% of the live operators, whichever is larger. Raise it for a deliberate reorganisation; \"unlimited\" turns it off. Removing the roster itself is `protect`'s to guard.",
    )
    .optional(),
  timeZone: timeZoneSchema
    .describe(
      "The organization's time zone, in which the entries' `activeFrom` and `activeUntil` dates are days: an IANA name, e.g. \"Europe/Kyiv\" (default UTC).",
    )
    .optional(),
});
export type OrganizationRosterInputs = z.infer<typeof organizationRosterInputsSchema>;

const ACCEPTED = Object.keys(organizationRosterInputsSchema.shape);

/** Its description and type name are the declaration's (src/declarations/organization-roster.ts). */
export const unmanagedOperatorSchema = z.object({
  id: z.int().describe("ChatHub's operator id."),
  name: reportedNameSchema,
  status: z.enum(DESIRED_STATUSES),
});
export type UnmanagedOperator = z.infer<typeof unmanagedOperatorSchema>;

/** How many people a roster manages, and of them how many are active and inactive. */
export const rosterCountsSchema = z.object({
  total: z.int().describe("People the roster manages."),
  active: z.int().describe("Of them, active."),
  inactive: z.int().describe("Of them, inactive."),
});
export type RosterCounts = z.infer<typeof rosterCountsSchema>;

/**
 * A person as the state stores them: the status only when inactive (active is the default, as in
 * a roster entry), which keeps the roster's state entry under 200 bytes per operator.
 */
export type StoredMember = Omit<RosterMember, "status"> & { status?: RosterMember["status"] };

export function storedMember(member: RosterMember): StoredMember {
  const { status, ...rest } = member;
  return status === "inactive" ? member : rest;
}

export function expandedMember(member: StoredMember): RosterMember {
  return { ...member, status: member.status ?? "active" };
}

/**
 * The state: the managed people as they are live (what refresh hands back as inputs), their ids,
 * and the unmanaged people seen by the last up or refresh.
 */
export interface OrganizationRosterState extends Omit<OrganizationRosterInputs, "operators"> {
  operators: Record<string, StoredMember>;
  operatorIds: Record<string, number>;
  counts: RosterCounts;
  unmanagedOperators: UnmanagedOperator[];
}

/**
 * Validates a roster; a value still unknown at preview leaves the whole check for the real run.
 * Each dated person's `status` comes back as it is now (inactive outside their window, by the
 * clock of src/core/clock.ts): what the diff, the plan and the removal budget work with.
 */
export function checkOrganizationRosterInputs(
  raw: Record<string, unknown>,
  resource = "ChatHubOrganizationRoster",
): Checked<OrganizationRosterInputs> {
  const candidate: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined || value === null) continue;
    if (isUnknown(value)) return { ok: "unknown" };
    candidate[key] = value;
  }
  const parsed = organizationRosterInputsSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, failures: failuresOf(parsed.error, resource, ACCEPTED) };
  const roster = parsed.data;
  const failures: CheckFailure[] = [];
  const moment = now();
  for (const [key, member] of Object.entries(roster.operators)) {
    const order = windowOrderProblem(member, roster.timeZone);
    if (order !== undefined) {
      const property = `operators.${key}.activeUntil`;
      failures.push({ property, reason: `${property} (${JSON.stringify(member.name)}): ${order}` });
    }
    member.status = datedStatus(member.status, member, roster.timeZone, moment);
  }
  return failures.length > 0 ? { ok: false, failures } : { ok: true, inputs: roster };
}

/** Whether this person of the roster is inactive now because of their dates (not counted as a removal). */
export function isDatedMember(roster: OrganizationRosterInputs, key: string, moment: Date = now()): boolean {
  const member = roster.operators[key];
  return member !== undefined && isDatedInactive(member, roster.timeZone, moment);
}

/**
 * What a preview says of each person a date changes since the last record (`recorded`: their
 * status then, by key; undefined for someone new), e.g. `"Ana Silva" (ana): inactive from
 * 2026-12-31: activeUntil passed`.
 */
export function datedRosterNotes(
  roster: OrganizationRosterInputs,
  recorded: (key: string) => DesiredStatus | undefined,
): string[] {
  const moment = now();
  return Object.entries(roster.operators).flatMap(([key, member]) => {
    const who = `${JSON.stringify(member.name)} (${key})`;
    const change = { window: member, timeZone: roster.timeZone, now: moment, after: member.status };
    const note = datedChangeNote(who, { ...change, before: recorded(key) });
    return note === undefined ? [] : [note];
  });
}

/** Parses inputs that check() already accepted (create and update get them from the engine). */
export function parseCheckedRosterInputs(raw: Record<string, unknown>): OrganizationRosterInputs {
  const result = checkOrganizationRosterInputs(raw);
  if (result.ok !== true) {
    const why = result.ok === false ? failureMessage(result.failures) : "unknown values";
    throw new Error(`invalid organization roster inputs: ${why}`);
  }
  return result.inputs;
}

import { z } from "zod";
import {
  DESIRED_STATUSES,
  type DesiredStatus,
  operatorNameSchema,
  operatorRefSchema,
  organizationIdSchema,
} from "../api";
import { maxRemovalsSchema } from "../core/removal-budget";
import { PROVIDER_KEY, UNKNOWN_VALUE } from "./operator-inputs";

/** What `up` does to live operators the roster does not name. */
export const UNMANAGED_MODES = ["ignore", "deactivate", "delete"] as const;
export type UnmanagedMode = (typeof UNMANAGED_MODES)[number];

/** What each mode does, for the message that asks for a choice. */
export const UNMANAGED_CHOICES =
  'set unmanaged to one of "ignore" (leave operators the roster does not name as they are, and only report them), ' +
  '"deactivate" (make them inactive) or "delete" (give them status 2)';

/**
 * Live operators the roster does not name appear in `read`'s inputs under keys no roster entry
 * can have (a roster key has no space or "#"), so a preview lists them as people: `- unmanaged #107`.
 */
export const UNMANAGED_KEY_PREFIX = "unmanaged #";

export function unmanagedKey(operatorId: number): string {
  return `${UNMANAGED_KEY_PREFIX}${operatorId}`;
}

export function isUnmanagedKey(key: string): boolean {
  return key.startsWith(UNMANAGED_KEY_PREFIX);
}

/** One person of the roster, by key: what the engine's own diff prints. */
export const rosterMemberSchema = z.strictObject({
  name: operatorNameSchema,
  status: z.enum(DESIRED_STATUSES, { error: 'must be "active" or "inactive"' }),
  import: operatorRefSchema.optional(),
});
export type RosterMember = z.infer<typeof rosterMemberSchema>;

/** A ChatHubOrganizationRoster's inputs, as the provider checks them (the program checked entries first). */
export const organizationRosterInputsSchema = z.strictObject({
  organizationId: organizationIdSchema,
  unmanaged: z.enum(UNMANAGED_MODES, { error: `is missing or unknown: ${UNMANAGED_CHOICES}` }),
  operators: z.record(z.string(), rosterMemberSchema),
  maxRemovals: maxRemovalsSchema.optional(), // the removal budget (src/core/removal-budget.ts)
});
export type OrganizationRosterInputs = z.infer<typeof organizationRosterInputsSchema>;

/** A live operator the roster does not name. */
export interface UnmanagedOperator {
  id: number;
  name: string;
  status: DesiredStatus;
}

export interface RosterCounts {
  total: number;
  active: number;
  inactive: number;
}

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

/** The outputs the program declares as placeholders: not inputs. */
const OUTPUT_KEYS = new Set(["operatorIds", "counts", "unmanagedOperators"]);

export type CheckedRosterInputs =
  | { ok: true; inputs: OrganizationRosterInputs }
  | { ok: false; failures: { property: string; reason: string }[] }
  | { ok: "unknown" };

/** Validates what check() receives; values still unknown at preview are left for the real run. */
export function checkOrganizationRosterInputs(raw: Record<string, unknown>): CheckedRosterInputs {
  const candidate: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === PROVIDER_KEY || OUTPUT_KEYS.has(key) || value === undefined || value === null) continue;
    if (value === UNKNOWN_VALUE) return { ok: "unknown" };
    candidate[key] = value;
  }
  const parsed = organizationRosterInputsSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, inputs: parsed.data };
  return {
    ok: false,
    failures: parsed.error.issues.map((issue) => {
      const property = issue.path.map(String).join(".");
      if (issue.code === "unrecognized_keys") {
        return {
          property: issue.keys.join(", "),
          reason: `${issue.keys.map((key) => `"${key}"`).join(", ")} is not a property here: remove it or fix its spelling`,
        };
      }
      return { property, reason: `${property} ${issue.message}` };
    }),
  };
}

/** Parses inputs that check() already accepted (create and update get them from the engine). */
export function parseCheckedRosterInputs(raw: Record<string, unknown>): OrganizationRosterInputs {
  const result = checkOrganizationRosterInputs(raw);
  if (result.ok !== true) {
    const why =
      result.ok === false ? result.failures.map((failure) => failure.reason).join("; ") : "unknown values";
    throw new Error(`invalid ChatHubOrganizationRoster inputs: ${why}`);
  }
  return result.inputs;
}

import { z } from "zod";
import { DESIRED_STATUSES } from "../api";
import { reportedNameSchema } from "../api/operator-rules";
import {
  rosterCountsSchema,
  rosterMemberSchema,
  unmanagedOperatorSchema,
} from "./organization-roster/inputs";
import { UNMANAGED_MODES } from "./organization-roster/unmanaged";

/**
 * What a stack recorded for a resource, parsed rather than trusted: the engine hands back
 * whatever an earlier version (or a hand-edited `pulumi stack import`) stored. A field of the
 * wrong shape is an error that says so and how to recover, not a wrong request to ChatHub.
 */

const id = z.number().int().positive();
const status = z.enum(DESIRED_STATUSES);

export const operatorStateSchema = z.object({
  organizationId: id,
  name: z.string(),
  status,
  adopt: z.boolean().default(false),
  importFrom: z.string().optional(),
  activeFrom: z.string().optional(),
  activeUntil: z.string().optional(),
  timeZone: z.string().optional(),
  operatorId: id,
  organizationName: z.string().optional(),
});

/**
 * A person as a roster's record holds them: a roster entry's properties without its key, the
 * status only when inactive, the name as ChatHub reported it (an import records live names as they are).
 */
export const recordedMemberSchema = z.object(rosterMemberSchema.shape).extend({
  name: reportedNameSchema,
  status: rosterMemberSchema.shape.status.unwrap().optional(),
});

export const rosterStateSchema = z
  .object({
    organizationId: id,
    unmanaged: z.enum(UNMANAGED_MODES),
    operators: z.record(z.string(), recordedMemberSchema),
    operatorIds: z.record(z.string(), id),
    counts: rosterCountsSchema,
    unmanagedOperators: z.array(unmanagedOperatorSchema),
  })
  .partial();

/**
 * How an adapter reads what the engine recorded for a resource, with its behaviour's schemas. A
 * null input is an absent one, as the engine treats it (an older record may hold one).
 */
export function recordReaders<State, Recorded>(behaviour: {
  recordName: string;
  state: z.ZodType<State>;
  recordedInputs: z.ZodType<Recorded>;
}) {
  const what = (id: string) => `${behaviour.recordName} ${id}`.trim();
  return {
    state: (raw: Record<string, unknown>, id: string): State => parsed(behaviour.state, raw, what(id)),
    inputs: (raw: Record<string, unknown>, id = ""): Recorded =>
      parsed(behaviour.recordedInputs, withoutNulls(raw), what(id)),
  };
}

function withoutNulls(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== null));
}

/** A recorded value parsed with its schema, or the error that says how to recover. */
export function parsed<T>(schema: z.ZodType<T>, raw: unknown, what: string): T {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.map(String).join(".")} ${issue.message}`);
  throw new Error(
    `The stack's record of ${what} is not one this version can read (${problems.join("; ")}). ` +
      "Run `pulumi refresh` to read it again from ChatHub.",
  );
}

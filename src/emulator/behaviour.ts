import { z } from "zod";

const fraction = z.number().min(0).max(1);
const milliseconds = z.number().min(0).max(600_000);

/**
 * Every switch the emulator has. The first five answer the spec's open questions one
 * way or the other; the rest inject faults. Each is documented on `EmulatorBehaviour`.
 */
export const emulatorBehaviourSchema = z.strictObject({
  listDeleted: z.enum(["show", "hide"]),
  duplicateNames: z.enum(["allow", "reuse"]),
  listContentType: z.enum(["text/plain", "application/json"]),
  noAccess: z.enum(["401", "403", "empty"]),
  reactivateDeleted: z.boolean(),
  latencyMs: milliseconds,
  latencySpikeRate: fraction,
  latencySpikeMs: milliseconds,
  failureRate: fraction,
  rateLimitPerSecond: z.number().positive().nullable(),
  rateLimitBurst: z.number().min(1).nullable(),
  rateLimitRetryAfter: z.boolean(),
  dropSyncRate: fraction,
  hang: z.boolean(),
  seed: z.number().int(),
  signedInTokenRequests: z.number().int().positive().nullable(),
});

/** A partial update; unknown keys are refused so a typo cannot silently do nothing. */
export const emulatorBehaviourPatchSchema = emulatorBehaviourSchema.partial();

export interface EmulatorBehaviour {
  /** Open question 1: does the list include deleted (status 2) operators? */
  listDeleted: "show" | "hide";
  /** Open question 2: does synchronize with an existing live name (case-insensitive) create a duplicate, or return the existing operator? */
  duplicateNames: "allow" | "reuse";
  /** Open question 3: the list's Content-Type; the body is JSON either way. */
  listContentType: "text/plain" | "application/json";
  /** Open question 4: what a token without access to an organization gets ("empty": an empty list, 400/404 on writes). */
  noAccess: "401" | "403" | "empty";
  /** Open question 5: may a deleted operator go back to status 0 or 1? */
  reactivateDeleted: boolean;
  /** Milliseconds added to every /api request. */
  latencyMs: number;
  /** Fraction (0..1) of /api requests that get `latencySpikeMs` more. */
  latencySpikeRate: number;
  /** Extra milliseconds for a latency spike. */
  latencySpikeMs: number;
  /** Fraction (0..1) of /api requests answered 503 before anything is done. */
  failureRate: number;
  /** Requests per second, over all /api routes, beyond which the answer is 429 (SMSBAT's documented body); null = unlimited. */
  rateLimitPerSecond: number | null;
  /**
   * With a burst, the limit is a token bucket of this size refilled at `rateLimitPerSecond` (SMSBAT
   * documents 75 for 50/s); null keeps the original rule: at most `rateLimitPerSecond` in any one second.
   */
  rateLimitBurst: number | null;
  /** Whether a 429 carries a Retry-After header (SMSBAT does not promise one). */
  rateLimitRetryAfter: boolean;
  /** Fraction (0..1) of successful synchronize calls that are applied and then lose their connection without an answer. */
  dropSyncRate: number;
  /** When true, every /api request never answers (until the emulator closes). */
  hang: boolean;
  /** Seed of the pseudo-random generator behind the fractions, so runs are reproducible. */
  seed: number;
  /** A token obtained from POST /api/company/get-token expires (401) after this many requests; null = never. */
  signedInTokenRequests: number | null;
}

// Compile-time check that the interface and the schema describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesInterface: Same<z.infer<typeof emulatorBehaviourSchema>, EmulatorBehaviour> = true;
void schemaMatchesInterface;

export const DEFAULT_EMULATOR_BEHAVIOUR: Readonly<EmulatorBehaviour> = Object.freeze({
  listDeleted: "hide",
  duplicateNames: "allow",
  listContentType: "text/plain",
  noAccess: "401",
  reactivateDeleted: false,
  latencyMs: 0,
  latencySpikeRate: 0,
  latencySpikeMs: 0,
  failureRate: 0,
  rateLimitPerSecond: null,
  rateLimitBurst: null,
  rateLimitRetryAfter: true,
  dropSyncRate: 0,
  hang: false,
  seed: 1,
  signedInTokenRequests: null,
});

/** Validates a partial behaviour, throwing an Error that names every bad key. */
export function parseBehaviourPatch(input: unknown): Partial<EmulatorBehaviour> {
  const parsed = emulatorBehaviourPatchSchema.safeParse(input);
  if (!parsed.success) throw new Error(`invalid emulator behaviour: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

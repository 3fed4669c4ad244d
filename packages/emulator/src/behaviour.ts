import { z } from "zod";

const fraction = z.number().min(0).max(1);
const milliseconds = z.number().min(0).max(600_000);

interface Switch<S extends z.ZodType> {
  schema: S;
  default: z.infer<S>;
  /** The `emulator` command's flag for it (commander syntax); none for switches set only from code. */
  flag?: string;
  /** What it does, in one sentence: the command's help and this switch's documentation. */
  help: string;
}

const define = <S extends z.ZodType>(definition: Switch<S>): Switch<S> => definition;

/**
 * Every switch the emulator has, defined once: its values, its default, its command-line flag and
 * what it does. The first five answer the spec's open questions one way or the other; the rest
 * inject faults or model the documented limits. The schema, the type, the defaults and the
 * `emulator` command's options are all derived from this table.
 */
export const EMULATOR_SWITCHES = {
  listDeleted: define({
    schema: z.enum(["show", "hide"]),
    default: "hide",
    flag: "--list-deleted <mode>",
    help: "open question 1: whether the list shows deleted (status 2) operators",
  }),
  duplicateNames: define({
    schema: z.enum(["allow", "reuse"]),
    default: "allow",
    flag: "--duplicate-names <mode>",
    help: "open question 2: synchronize with an existing live name (case-insensitive) creates a duplicate, or returns the existing operator",
  }),
  listContentType: define({
    schema: z.enum(["text/plain", "application/json"]),
    default: "text/plain",
    flag: "--list-content-type <type>",
    help: "open question 3: the list's Content-Type (the body is JSON either way)",
  }),
  noAccess: define({
    schema: z.enum(["401", "403", "empty"]),
    default: "401",
    flag: "--no-access <mode>",
    help: "open question 4: the answer to a token without access to an organization (empty: an empty list, 400/404 on writes)",
  }),
  reactivateDeleted: define({
    schema: z.boolean(),
    default: false,
    flag: "--reactivate-deleted",
    help: "open question 5: let a deleted operator go back to status 0 or 1",
  }),
  latencyMs: define({
    schema: milliseconds,
    default: 0,
    flag: "--latency-ms <ms>",
    help: "milliseconds added to every /api request",
  }),
  latencySpikeRate: define({
    schema: fraction,
    default: 0,
    flag: "--latency-spike-rate <fraction>",
    help: "fraction (0..1) of /api requests delayed by --latency-spike-ms more",
  }),
  latencySpikeMs: define({
    schema: milliseconds,
    default: 0,
    flag: "--latency-spike-ms <ms>",
    help: "length of a latency spike in milliseconds",
  }),
  failureRate: define({
    schema: fraction,
    default: 0,
    flag: "--failure-rate <fraction>",
    help: "fraction (0..1) of /api requests answered 503 before anything is done",
  }),
  rateLimitPerSecond: define({
    schema: z.number().positive().nullable(),
    default: null,
    flag: "--rate-limit <per-second>",
    help: "requests per second, over all /api routes, beyond which the answer is 429 with SMSBAT's documented body (none: unlimited)",
  }),
  rateLimitBurst: define({
    schema: z.number().min(1).nullable(),
    default: null,
    flag: "--rate-limit-burst <requests>",
    help: "make --rate-limit a token bucket of this size (SMSBAT documents 75 for 50/s); none: at most --rate-limit in any one second",
  }),
  rateLimitRetryAfter: define({
    schema: z.boolean(),
    default: true,
    flag: "--no-retry-after",
    help: "answer 429 without a Retry-After header, as SMSBAT may (it promises none)",
  }),
  dropSyncRate: define({
    schema: fraction,
    default: 0,
    flag: "--drop-sync-rate <fraction>",
    help: "fraction (0..1) of successful synchronize calls applied and then answered with a connection reset",
  }),
  hang: define({
    schema: z.boolean(),
    default: false,
    flag: "--hang",
    help: "never answer any /api request (until the emulator closes)",
  }),
  seed: define({
    schema: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1),
    default: 1,
    flag: "--seed <n>",
    help: "seed of the pseudo-random fault decisions, so runs are reproducible",
  }),
  signedInTokenRequests: define({
    schema: z.number().int().positive().nullable(),
    default: null,
    flag: "--signed-in-token-requests <n>",
    help: "a token obtained from POST /api/company/get-token expires (401) after this many requests (none: never)",
  }),
};

export type EmulatorSwitchName = keyof typeof EMULATOR_SWITCHES;

type SwitchSchemas = { [K in EmulatorSwitchName]: (typeof EMULATOR_SWITCHES)[K]["schema"] };

function eachSwitch<T>(pick: (definition: Switch<z.ZodType>) => T): Record<EmulatorSwitchName, T> {
  return Object.fromEntries(
    Object.entries(EMULATOR_SWITCHES).map(([name, definition]) => [name, pick(definition)]),
  ) as Record<EmulatorSwitchName, T>;
}

export const emulatorBehaviourSchema = z.strictObject(
  eachSwitch((definition) => definition.schema) as SwitchSchemas,
);

/** A partial update; unknown keys are refused so a typo cannot silently do nothing. */
export const emulatorBehaviourPatchSchema = emulatorBehaviourSchema.partial();

/** The emulator's switches; each is described in EMULATOR_SWITCHES. */
export type EmulatorBehaviour = z.infer<typeof emulatorBehaviourSchema>;

export const DEFAULT_EMULATOR_BEHAVIOUR: Readonly<EmulatorBehaviour> = Object.freeze(
  eachSwitch((definition) => definition.default) as EmulatorBehaviour,
);

/** Validates a partial behaviour, throwing an Error that names every bad key. */
export function parseBehaviourPatch(input: unknown): Partial<EmulatorBehaviour> {
  const parsed = emulatorBehaviourPatchSchema.safeParse(input);
  if (!parsed.success) throw new Error(`invalid emulator behaviour: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

import { z } from "zod";

/**
 * What an armed fault does to the calls it hits:
 * - 500 / 503: answered at once, nothing applied;
 * - 429: refused as the rate limit refuses (SMSBAT's body, `Retry-After: 1` unless the switch
 *   `rateLimitRetryAfter` is off), nothing applied: a 429 a test can count on, at any client pace;
 * - "lost-answer": the call is applied, then its connection is reset instead of answered;
 * - "timeout": held without an answer and not applied, until the client gives up (the emulator
 *   resets the connection after `TIMEOUT_HOLD_MS` or when it closes).
 */
export const callFaultAnswerSchema = z.union([
  z.literal(429),
  z.literal(500),
  z.literal(503),
  z.enum(["lost-answer", "timeout"]),
]);

export type CallFaultAnswer = z.infer<typeof callFaultAnswerSchema>;

/** "Fail calls `call` … `call + times - 1` of `route`, counted from when the fault was armed." */
export const callFaultSchema = z.strictObject({
  /** "METHOD /path", e.g. "POST /api/operator/status" (the path without its query string). */
  route: z.string().regex(/^(GET|POST|PUT|PATCH|DELETE) \/api(\/\S*)?$/, {
    error: 'must be "METHOD /api/…", e.g. "POST /api/operator/status"',
  }),
  /** The first call hit, 1 for the next one. */
  call: z.number().int().positive().default(1),
  /** How many calls in a row it hits (e.g. more than the client's retries, to exhaust them). */
  times: z.number().int().positive().default(1),
  answer: callFaultAnswerSchema,
});

export type CallFault = z.input<typeof callFaultSchema>;

/** How long a "timeout" call is held at most: far longer than any client waits for an answer. */
export const TIMEOUT_HOLD_MS = 120_000;

interface ArmedFault {
  fault: z.infer<typeof callFaultSchema>;
  /** Calls of the route seen since the fault was armed. */
  seen: number;
}

/** An armed fault, as the admin route reports it. */
export interface ArmedCallFault {
  route: string;
  call: number;
  times: number;
  answer: CallFaultAnswer;
  /** Calls it has yet to hit. */
  remaining: number;
}

/**
 * Faults aimed at chosen calls of one route ("the 2nd status call fails with 500"), for tests that
 * walk a fault through every call boundary of an operation. Armed and cleared while the emulator
 * runs, so a test can aim at a deployment that is under way. Each fault is forgotten once spent.
 */
export class CallFaults {
  #armed: ArmedFault[] = [];

  /** Arms a fault; throws on a malformed one. */
  arm(fault: CallFault): void {
    const parsed = callFaultSchema.safeParse(fault);
    if (!parsed.success) throw new Error(`invalid call fault: ${z.prettifyError(parsed.error)}`);
    this.#armed.push({ fault: parsed.data, seen: 0 });
  }

  clear(): void {
    this.#armed = [];
  }

  list(): ArmedCallFault[] {
    return this.#armed.map(({ fault, seen }) => ({
      ...fault,
      remaining: Math.min(fault.times, fault.call + fault.times - 1 - seen),
    }));
  }

  /** Counts one call of `route` and tells which fault, if any, hits it (the first armed wins). */
  take(route: string): CallFaultAnswer | undefined {
    let answer: CallFaultAnswer | undefined;
    for (const armed of this.#armed) {
      if (armed.fault.route !== route) continue;
      armed.seen += 1;
      const { call, times } = armed.fault;
      if (answer === undefined && armed.seen >= call && armed.seen < call + times)
        answer = armed.fault.answer;
    }
    this.#armed = this.#armed.filter(({ fault, seen }) => seen < fault.call + fault.times - 1);
    return answer;
  }
}

import type { z } from "zod";

/** A problem with one input property, as every adapter reports it (at `pulumi preview`). */
export interface CheckFailure {
  property: string;
  reason: string;
}

/** What a check makes of its inputs: checked, refused with reasons, or not knowable yet (preview). */
export type Checked<T> =
  | { ok: true; inputs: T }
  | { ok: false; failures: CheckFailure[] }
  | { ok: "unknown" };

/**
 * The one way input problems become failures: a property path and a sentence that starts with
 * it. An unrecognized key is told apart from a bad value, with what to do about it: `resource`
 * names what was given it (as the user's language spells it) and `accepted` what it takes.
 */
export function failuresOf(error: z.ZodError, resource: string, accepted: readonly string[]): CheckFailure[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      const where = issue.path.length > 0 ? `${issue.path.map(String).join(".")} of ${resource}` : resource;
      return issue.keys.map((key) => ({
        property: [...issue.path.map(String), key].join("."),
        reason: `"${key}" is not a property of ${where}; it accepts ${accepted.join(", ")}: remove it or fix its spelling`,
      }));
    }
    const property = issue.path.map(String).join(".");
    return [{ property, reason: property === "" ? issue.message : `${property} ${issue.message}` }];
  });
}

/** The failures as one message, for an operation that got inputs check() should have refused. */
export function failureMessage(failures: readonly CheckFailure[]): string {
  return failures.map((failure) => failure.reason).join("; ");
}

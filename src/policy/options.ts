import type { EnforcementLevel } from "@pulumi/policy";
import { z } from "zod";

/** What a team asks of its rosters; each rule given becomes one policy. */
export interface ChatHubRosterPolicyOptions {
  /** Every organization the stack declares people for keeps at least this many active. */
  minActivePerOrganization?: number;
  /** Every declared operator's name matches this, e.g. /^\p{Lu}\p{L}+( \p{Lu}\p{L}+)+$/u. */
  namePattern?: RegExp;
  /** "forbidden": no organization roster may set `unmanaged: "delete"`. */
  unmanagedDelete?: "forbidden" | "allowed";
  /** A person (a name, compared as ChatHub does) is declared in one organization at most. */
  onePersonOneOrganization?: boolean;
  /** Of every policy (default "mandatory"); the pack's config can still set each one's level. */
  enforcementLevel?: EnforcementLevel;
}

const optionsSchema = z.strictObject({
  minActivePerOrganization: z.int().min(1, "must be at least 1").optional(),
  namePattern: z
    .instanceof(RegExp, { error: "must be a regular expression, e.g. /^\\p{Lu}\\p{L}+( \\p{Lu}\\p{L}+)+$/u" })
    .optional(),
  unmanagedDelete: z.enum(["forbidden", "allowed"], { error: 'must be "forbidden" or "allowed"' }).optional(),
  onePersonOneOrganization: z.boolean({ error: "must be true or false" }).optional(),
  enforcementLevel: z
    .enum(["advisory", "mandatory", "remediate", "disabled"], {
      error: 'must be "advisory", "mandatory", "remediate" or "disabled"',
    })
    .optional(),
});

/** The options, checked: a mistake in the policy project stops it with every problem named. */
export function parsePolicyOptions(options: unknown): ChatHubRosterPolicyOptions {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) =>
      issue.code === "unrecognized_keys"
        ? `unknown option ${issue.keys.map((key) => JSON.stringify(key)).join(", ")}; the options are ${Object.keys(optionsSchema.shape).join(", ")}`
        : `${issue.path.join(".")} ${issue.message}`,
    );
    throw new Error(`chathubRosterPolicies: ${problems.join("; ")}`);
  }
  const chosen = parsed.data;
  const rules = [
    chosen.minActivePerOrganization,
    chosen.namePattern,
    chosen.unmanagedDelete,
    chosen.onePersonOneOrganization,
  ];
  if (rules.every((rule) => rule === undefined)) {
    throw new Error(
      "chathubRosterPolicies: no rule chosen; give at least one of minActivePerOrganization, namePattern, unmanagedDelete, onePersonOneOrganization",
    );
  }
  return chosen as ChatHubRosterPolicyOptions;
}

import { z } from "zod";
import { desiredStatusSchema, operatorNameSchema, operatorRefSchema } from "../api";
import { DESIRED_STATUS_DESCRIPTION } from "../api/status";
import { activeFromSchema, activeUntilSchema } from "./active-window";
import { describeKeyProblem } from "./roster-keys";

/**
 * A roster person, declared once: every other shape of them (the core's person by key, the
 * recorded one, the listed state's, the summary's, the TypeScript argument and the package
 * schema's RosterEntry) is derived from this schema, so a new property is one edit here.
 */

/**
 * An entry as the roster checks it. Name, status and import follow the operator rules
 * (src/api/operator-rules.ts), so a roster and a ChatHubOperator say the same things.
 */
export const rosterEntrySchema = z.strictObject(
  {
    name: operatorNameSchema,
    status: desiredStatusSchema("to delete an operator, remove its entry").describe(
      DESIRED_STATUS_DESCRIPTION,
    ),
    key: z
      .string({ error: 'must be a string: a short stable id such as "emma"' })
      .trim()
      .superRefine((key, context) => {
        const problem = describeKeyProblem(key);
        if (problem !== undefined) context.addIssue({ code: "custom", message: problem });
      })
      .describe(
        'A stable key for the person (default: derived from the name, e.g. "alex-brown"). Keep it when renaming.',
      )
      .optional(),
    import: operatorRefSchema
      .describe('Take over this live operator, "<organizationId>/<operatorId>" (e.g. "24/104"), as it is.')
      .optional(),
    activeFrom: activeFromSchema.optional(),
    activeUntil: activeUntilSchema.optional(),
  },
  { error: 'must be a mapping with at least a name, e.g. { name: "Alex Brown" }' },
);

/**
 * One operator of a roster, as a program, a YAML file or a CSV file writes it (documented for
 * programs in src/resources/declared-args.ts, which is generated from this schema).
 */
export type RosterEntry = z.input<typeof rosterEntrySchema>;

/** An entry as parsed: its status defaulted, every property given and nothing else. */
export type ParsedRosterEntry = z.output<typeof rosterEntrySchema>;

import { z } from "zod";
import { organizationRosterBehaviour } from "../core/organization-roster/behaviour";
import {
  organizationRosterInputsSchema,
  rosterCountsSchema,
  unmanagedOperatorSchema,
} from "../core/organization-roster/inputs";
import { maxRemovalsSchema } from "../core/removal-budget";
import { rosterEntrySchema } from "../roster/roster-entry-schema";
import type { ResourceDeclaration } from "./declaration";
import { named, wireTypes } from "./pulumi-types";
import { OPERATOR_STATUS_TYPE } from "./shared-types";

named(rosterEntrySchema, { name: "RosterEntry", description: "One person of a roster." });
named(rosterEntrySchema.shape.status, OPERATOR_STATUS_TYPE);
named(organizationRosterInputsSchema.shape.unmanaged, {
  name: "UnmanagedMode",
  description: "What `up` does to live operators an organization roster does not name.",
});
// A number of people or "unlimited": its own check (src/core/removal-budget.ts) says which.
wireTypes.add(maxRemovalsSchema, {
  pulumi: { oneOf: [{ type: "integer" }, { type: "string" }] },
  typeScript: 'number | "unlimited"',
});
named(rosterCountsSchema, { name: "RosterCounts" });

named(unmanagedOperatorSchema, {
  name: "UnmanagedOperator",
  description: "A live operator the roster does not name.",
});
named(unmanagedOperatorSchema.shape.status, OPERATOR_STATUS_TYPE);

// A program lists the people (or names a file of them); the core gets them by key.
const inputs = organizationRosterInputsSchema.omit({ operators: true }).extend({
  operators: z.array(rosterEntrySchema).describe("The operators, inline. Give this or `file`.").optional(),
  file: z
    .string()
    .describe(
      "A roster file (.yaml, .yml or .csv), relative to the program's folder. Give this or `operators`.",
    )
    .optional(),
});

/** `chathub:index:OrganizationRoster`, and ChatHubOrganizationRoster in TypeScript. */
export const organizationRosterDeclaration = {
  token: "chathub:index:OrganizationRoster",
  typeScriptName: "ChatHubOrganizationRoster",
  description:
    "The authoritative roster of one organization: `up` creates the missing, sets statuses, deletes entries removed from the roster, and applies `unmanaged` to everyone else; live operators of the same name are adopted, never duplicated.",
  inputs,
  typeScriptPlain: ["unmanaged", "maxRemovals", "timeZone", "operators", "file"],
  outputs: z.object({
    // Always recorded, whether the program listed them or named a file.
    operators: inputs.shape.operators.unwrap(),
    operatorIds: z.record(z.string(), z.int()).describe("ChatHub's operator id of every entry, by key."),
    counts: rosterCountsSchema.describe("Total, active and inactive people of the roster."),
    unmanagedOperators: z
      .array(unmanagedOperatorSchema)
      .describe("Live operators the roster does not name, after this up's actions (or the last refresh)."),
  }),
  id: {
    format: "the organization id",
    example: "24",
    name: "support",
    brings: 'brings an organization under code, every live person an entry, `unmanaged: "ignore"`',
  },
  examples: {
    typescript: `import { ChatHubOrganizationRoster } from "pulumi-chathub";

const support = new ChatHubOrganizationRoster("support", {
    organizationId: 24,
    unmanaged: "ignore",
    operators: [
        { name: "Alex Brown" },
        { name: "Emma Davis", status: "inactive" },
    ],
});

export const counts = support.counts;`,
    yaml: `resources:
  support:
    type: chathub:index:OrganizationRoster
    properties:
      organizationId: 24
      unmanaged: ignore
      operators:
        - name: Alex Brown
        - name: Emma Davis
          status: inactive
outputs:
  counts: \${support.counts}`,
  },
  behaviour: organizationRosterBehaviour,
} satisfies ResourceDeclaration;

import { z } from "zod";
import { type ChatHubClient, organizationIdSchema } from "../api";
import {
  findOrganization,
  operatorsReport,
  operatorsReportSchema,
  organizationInfoSchema,
  visibleOrganizations,
} from "../core/queries";
import type { FunctionDeclaration } from "./declaration";
import { named, wireTypes } from "./pulumi-types";

/** The lookups: read-only, with the provider's credentials. */

const liveOperatorSchema = named(operatorsReportSchema.shape.operators.element, { name: "LiveOperator" });
// A status ChatHub reports (deleted included, where it lists them): a string on the wire, as it always was.
wireTypes.add(liveOperatorSchema.shape.status, { pulumi: { type: "string" }, typeScript: "string" });
named(operatorsReportSchema.shape.statistics, { name: "OperatorStatistics" });
const organizationSchema = named(organizationInfoSchema, { name: "Organization" });

export const getOperatorsDeclaration = {
  token: "chathub:index:getOperators",
  typeScriptName: "getOperators",
  description: "An organization's operators as ChatHub lists them now, managed or not. Read-only.",
  inputs: z.object({ organizationId: organizationIdSchema.describe("The ChatHub organization, e.g. 24.") }),
  typeScriptArgs: "GetOperatorsArgs",
  invoke: ({ organizationId }: { organizationId: number }, client: ChatHubClient) =>
    operatorsReport(client, organizationId),
  outputs: operatorsReportSchema,
  examples: {
    typescript: `import { getOperatorsOutput } from "pulumi-chathub";

const support = getOperatorsOutput({ organizationId: 24 });

export const activeNames = support.active.apply((active) => active.map((operator) => operator.name));`,
    yaml: `variables:
  support:
    fn::invoke:
      function: chathub:index:getOperators
      arguments:
        organizationId: 24
outputs:
  activeCount: \${support.statistics.active}`,
  },
} satisfies FunctionDeclaration;

export const getOrganizationsDeclaration = {
  token: "chathub:index:getOrganizations",
  typeScriptName: "getOrganizations",
  description: "The organizations the company's credentials can see. Read-only.",
  invoke: async (_args: Record<string, never>, client: ChatHubClient) => ({
    organizations: await visibleOrganizations(client),
  }),
  outputs: z.object({
    organizations: z.array(organizationSchema).describe("Every visible organization."),
  }),
  examples: {
    typescript: `import { getOrganizationsOutput } from "pulumi-chathub";

export const organizations = getOrganizationsOutput().organizations;`,
    yaml: `variables:
  visible:
    fn::invoke:
      function: chathub:index:getOrganizations
outputs:
  organizations: \${visible.organizations}`,
  },
} satisfies FunctionDeclaration;

export const getOrganizationDeclaration = {
  token: "chathub:index:getOrganization",
  typeScriptName: "getOrganization",
  description:
    "One organization, by name (case-insensitive) or by id. Not found is an error that lists the visible organizations.",
  inputs: z
    .object({
      name: z.string().describe('The organization\'s name, e.g. "Customer Support".').optional(),
      id: z.int().describe("The organization's id, e.g. 24.").optional(),
    })
    .refine((query) => query.name !== undefined || query.id !== undefined, {
      error: 'give the organization\'s name (e.g. "Customer Support") or its id',
    }),
  outputs: organizationSchema,
  // The declared rule (a name or an id) has been checked: without an id, there is a name.
  invoke: ({ id, name = "" }: { id?: number; name?: string }, client: ChatHubClient) =>
    findOrganization(client, id !== undefined ? { id } : { name }),
  examples: {
    typescript: `import { ChatHubOperator, getOrganizationOutput } from "pulumi-chathub";

const support = getOrganizationOutput({ name: "Customer Support" });

new ChatHubOperator("alex", { organizationId: support.id, name: "Alex Brown" });`,
    yaml: `variables:
  support:
    fn::invoke:
      function: chathub:index:getOrganization
      arguments:
        name: Customer Support
resources:
  alex:
    type: chathub:index:Operator
    properties:
      organizationId: \${support.id}
      name: Alex Brown`,
  },
} satisfies FunctionDeclaration;

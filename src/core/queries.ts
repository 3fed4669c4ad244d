import { z } from "zod";
import { type ChatHubClient, type OrganizationQuery, statusName } from "../api";
import { reportedNameSchema } from "../api/operator-rules";
import { rosterStatistics } from "../api/roster-queries";
import { STATUS_NAMES } from "../api/status";

/**
 * What the lookups report, as zod schemas with their descriptions: the functions' declarations
 * (src/declarations/lookups.ts) give them their names in the package schema and the reference.
 */

export const liveOperatorSchema = z.object({
  id: z.int().describe("ChatHub's operator id, e.g. 104."),
  name: reportedNameSchema,
  status: z
    .enum(STATUS_NAMES)
    .describe('"active", "inactive", or "deleted" where ChatHub lists deleted operators.'),
});
export type LiveOperator = z.infer<typeof liveOperatorSchema>;

export const operatorsReportSchema = z.object({
  organizationId: z.int().describe("The organization asked for."),
  organizationName: z
    .string()
    .describe("Its name as ChatHub reports it (absent when it has no operators).")
    .optional(),
  operators: z.array(liveOperatorSchema).describe("Every operator ChatHub lists."),
  active: z.array(liveOperatorSchema).describe("Operators that can receive chats now."),
  statistics: z.object({
    total: z.int().describe("Operators listed."),
    active: z.int().describe("Active."),
    inactive: z.int().describe("Inactive."),
    deleted: z.int().describe("Deleted (0 where ChatHub hides deleted operators)."),
  }),
});
export type OperatorsReport = z.infer<typeof operatorsReportSchema>;

export const organizationInfoSchema = z.object({
  id: z.int().describe("ChatHub's organization id, e.g. 24."),
  name: z.string().describe("Its name."),
});
export type OrganizationInfo = z.infer<typeof organizationInfoSchema>;

/** getOperators in every language (described by its declaration, src/declarations/lookups.ts), from one list. */
export async function operatorsReport(
  client: ChatHubClient,
  organizationId: number,
): Promise<OperatorsReport> {
  const listed = await client.listOperators(organizationId);
  const operators = listed.map((operator) => ({
    id: operator.id,
    name: operator.name,
    status: statusName(operator.status),
  }));
  return {
    organizationId,
    organizationName: listed[0]?.organization.name,
    operators,
    active: operators.filter((operator) => operator.status === "active"),
    statistics: rosterStatistics(listed),
  };
}

/** getOrganizations in every language (described by its declaration). */
export async function visibleOrganizations(client: ChatHubClient): Promise<OrganizationInfo[]> {
  return (await client.listOrganizations()).map(({ id, name }) => ({ id, name }));
}

/** getOrganization in every language (described by its declaration). */
export async function findOrganization(
  client: ChatHubClient,
  query: OrganizationQuery,
): Promise<OrganizationInfo> {
  const { id, name } = await client.getOrganization(query);
  return { id, name };
}

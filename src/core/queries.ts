import {
  type ChatHubClient,
  type OperatorStatistics,
  type OperatorStatusName,
  type OrganizationQuery,
  statusName,
} from "../api";
import { rosterStatistics } from "../api/roster-queries";

/** An operator as the lookups report it (src/declarations/lookups.ts describes each property). */
export interface LiveOperator {
  id: number;
  name: string;
  /** "deleted" only where ChatHub lists deleted operators. */
  status: OperatorStatusName;
}

export interface OperatorsReport {
  organizationId: number;
  /** The organization's name as ChatHub reports it; undefined when it has no operators. */
  organizationName: string | undefined;
  /** Every operator ChatHub lists for the organization. */
  operators: LiveOperator[];
  /** Operators that can receive chats now, e.g. to pick from when balancing load. */
  active: LiveOperator[];
  /** Total, active, inactive and deleted counts (deleted is 0 where ChatHub hides deleted operators). */
  statistics: OperatorStatistics;
}

export interface OrganizationInfo {
  /** ChatHub's organization id, e.g. 24: what an operator's organizationId takes. */
  id: number;
  name: string;
}

/** An organization's operators as ChatHub lists them now (one list): getOperators in every language. */
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

/** The organizations the credentials can see: getOrganizations in every language. */
export async function visibleOrganizations(client: ChatHubClient): Promise<OrganizationInfo[]> {
  return (await client.listOrganizations()).map(({ id, name }) => ({ id, name }));
}

/** One organization by name or id; not found is an error that lists the visible ones. */
export async function findOrganization(
  client: ChatHubClient,
  query: OrganizationQuery,
): Promise<OrganizationInfo> {
  const { id, name } = await client.getOrganization(query);
  return { id, name };
}

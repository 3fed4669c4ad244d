import * as pulumi from "@pulumi/pulumi";
import { type OperatorStatistics, type OperatorStatusName, statusName } from "../api";
import { rosterStatistics } from "../api/roster-queries";
import { programClient } from "./program-client";

export interface GetOperatorsArgs {
  /** The ChatHub organization, e.g. 24. */
  organizationId: number;
}

export interface LiveOperator {
  /** ChatHub's operator id, e.g. 104. */
  id: number;
  name: string;
  /** "deleted" only where ChatHub lists deleted operators. */
  status: OperatorStatusName;
}

export interface GetOperatorsResult {
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

/**
 * Reads an organization's operators as ChatHub lists them now, whether Pulumi manages them or not.
 * Uses the same configuration as the provider (chathub:token, chathub:baseUrl, …). Read-only: it
 * runs at every preview and update, and changes nothing.
 */
export async function getOperators(args: GetOperatorsArgs): Promise<GetOperatorsResult> {
  const client = await programClient();
  const listed = await client.listOperators(args.organizationId);
  const operators = listed.map((operator) => ({
    id: operator.id,
    name: operator.name,
    status: statusName(operator.status),
  }));
  return {
    organizationId: args.organizationId,
    organizationName: listed[0]?.organization.name,
    operators,
    active: operators.filter((operator) => operator.status === "active"),
    statistics: rosterStatistics(listed),
  };
}

/** getOperators for an organization id that is an Output (or a plain value), as an Output. */
export function getOperatorsOutput(args: {
  organizationId: pulumi.Input<number>;
}): pulumi.Output<GetOperatorsResult> {
  return pulumi.output(args.organizationId).apply((organizationId) => getOperators({ organizationId }));
}

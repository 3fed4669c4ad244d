import * as pulumi from "@pulumi/pulumi";
import type { LiveOperator, OperatorsReport } from "../core/queries";
import { getOperatorsDeclaration } from "../declarations/lookups";
import type { GetOperatorsArgs } from "./declared-args";
import { programClient } from "./program-client";

export type { GetOperatorsArgs, LiveOperator };
export type GetOperatorsResult = OperatorsReport;

/**
 * Reads an organization's operators as ChatHub lists them now, whether Pulumi manages them or not.
 * Uses the same configuration as the provider (chathub:token, chathub:baseUrl, …). Read-only: it
 * runs at every preview and update, and changes nothing.
 */
export async function getOperators(args: GetOperatorsArgs): Promise<GetOperatorsResult> {
  return getOperatorsDeclaration.invoke(args, await programClient());
}

/** getOperators for an organization id that is an Output (or a plain value), as an Output. */
export function getOperatorsOutput(args: {
  organizationId: pulumi.Input<number>;
}): pulumi.Output<GetOperatorsResult> {
  return pulumi.output(args.organizationId).apply((organizationId) => getOperators({ organizationId }));
}

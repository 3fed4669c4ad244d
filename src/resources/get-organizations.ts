import * as pulumi from "@pulumi/pulumi";
import type { OrganizationQuery } from "../api";
import { programClient } from "./program-client";

export interface OrganizationInfo {
  /** ChatHub's organization id, e.g. 24: what ChatHubOperator's organizationId takes. */
  id: number;
  name: string;
}

export interface GetOrganizationsResult {
  /** Every organization the configured credentials can see. */
  organizations: OrganizationInfo[];
}

/** `{ id: 24 }`, or `{ name: "customer support" }` (case-insensitive, like the vendor's examples). */
export type GetOrganizationArgs = OrganizationQuery;

/**
 * The organizations the company's credentials can see (chathub:token, or chathub:login and
 * chathub:password). Read-only; the list is fetched once and shared by every lookup of the program.
 */
export async function getOrganizations(): Promise<GetOrganizationsResult> {
  const client = await programClient();
  const organizations = await client.listOrganizations();
  return { organizations: organizations.map(({ id, name }) => ({ id, name })) };
}

/** One organization, by name or by id. Not found is an error that lists the visible organizations. */
export async function getOrganization(args: GetOrganizationArgs): Promise<OrganizationInfo> {
  const client = await programClient();
  const { id, name } = await client.getOrganization(args);
  return { id, name };
}

/** getOrganizations as an Output. */
export function getOrganizationsOutput(): pulumi.Output<GetOrganizationsResult> {
  return pulumi.output(getOrganizations());
}

/** getOrganization for a name or an id that may be an Output, as an Output. */
export function getOrganizationOutput(
  args: { id: pulumi.Input<number> } | { name: pulumi.Input<string> },
): pulumi.Output<OrganizationInfo> {
  if ("id" in args) return pulumi.output(args.id).apply((id) => getOrganization({ id }));
  return pulumi.output(args.name).apply((name) => getOrganization({ name }));
}

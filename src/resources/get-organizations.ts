import * as pulumi from "@pulumi/pulumi";
import type { OrganizationQuery } from "../api";
import type { OrganizationInfo } from "../core/queries";
import { getOrganizationDeclaration, getOrganizationsDeclaration } from "../declarations/lookups";
import { programClient } from "./program-client";

export type { OrganizationInfo };

export interface GetOrganizationsResult {
  /** Every organization the configured credentials can see. */
  organizations: OrganizationInfo[];
}

/** `{ id: 24 }`, or `{ name: "customer support" }` (case-insensitive, like the vendor's examples). */
export type GetOrganizationArgs = OrganizationQuery;

/**
 * getOrganizations (docs/reference/get-organizations.md), with the program's credentials
 * (chathub:token, or chathub:login and chathub:password); the list is fetched once and shared by
 * every lookup of the program.
 */
export async function getOrganizations(): Promise<GetOrganizationsResult> {
  return getOrganizationsDeclaration.invoke({}, await programClient());
}

/** getOrganization (docs/reference/get-organization.md), with the program's credentials. */
export async function getOrganization(args: GetOrganizationArgs): Promise<OrganizationInfo> {
  return getOrganizationDeclaration.invoke(args, await programClient());
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

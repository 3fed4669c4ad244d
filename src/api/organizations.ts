import type { Organization } from "./schemas";

/** The vendor's examples cache the organization list for about five minutes: it rarely changes. */
export const ORGANIZATION_LIST_TTL_MS = 5 * 60_000;

/** How a program names an organization: by id, or by name (case-insensitive, as the vendor's examples do). */
export type OrganizationQuery = { id: number } | { name: string };

/** The organization the query names, if the list holds it. */
export function findOrganization(
  organizations: readonly Organization[],
  query: OrganizationQuery,
): Organization | undefined {
  if ("id" in query) return organizations.find((organization) => organization.id === query.id);
  const wanted = query.name.trim().toLowerCase();
  return organizations.find((organization) => organization.name.trim().toLowerCase() === wanted);
}

/** `24 "Customer Support", 25 "Sales"`, or a sentence when there are none: for error messages. */
export function describeOrganizations(organizations: readonly Organization[]): string {
  if (organizations.length === 0) return "none (the credentials are valid but see no organization)";
  return organizations.map(({ id, name }) => `${id} ${JSON.stringify(name)}`).join(", ");
}

/** What a query is called in messages: `organization 24` or `organization "customer support"`. */
export function describeQuery(query: OrganizationQuery): string {
  return "id" in query ? `organization ${query.id}` : `organization ${JSON.stringify(query.name)}`;
}

/** Not found: says what the credentials can see, so the fix is one copy away. */
export function organizationNotFoundMessage(
  query: OrganizationQuery,
  organizations: readonly Organization[],
): string {
  return (
    `ChatHub has no ${describeQuery(query)} that these company credentials can see ` +
    `(it does not exist, or belongs to another company). Visible organizations: ${describeOrganizations(organizations)}.`
  );
}

import { type ChatHubClient, describeOrganizations, type Organization } from "../api";

/**
 * Refuses, at `check` (so at `pulumi preview`), an organizationId the credentials cannot see.
 * The organization list is fetched once per provider process, that is once per deployment,
 * and shared by every resource; no operator request is needed to know.
 */
export class OrganizationCheck {
  readonly #client: () => ChatHubClient;
  #visible: Promise<Organization[]> | undefined;

  constructor(client: () => ChatHubClient) {
    this.#client = client;
  }

  /** Why this organization cannot be used, or undefined when it can. */
  async problemWith(organizationId: number): Promise<string | undefined> {
    const visible = await this.#list();
    if (visible.some((organization) => organization.id === organizationId)) return undefined;
    return (
      `organization ${organizationId} is not one the company credentials can see (it does not exist, or ` +
      `belongs to another company). Visible organizations: ${describeOrganizations(visible)}. ` +
      "Use one of these ids, or look one up by name with getOrganization({ name })"
    );
  }

  #list(): Promise<Organization[]> {
    if (this.#visible === undefined) {
      const listing = this.#client().listOrganizations();
      // A failure is not kept: the next check asks again (the client has already retried).
      listing.catch(() => {
        if (this.#visible === listing) this.#visible = undefined;
      });
      this.#visible = listing;
    }
    return this.#visible;
  }
}

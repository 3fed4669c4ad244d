import type { ChatHubClient } from "../api";
import { OrganizationCreateBatcher } from "./create-batcher";
import { OrganizationCheck } from "./organization-check";
import {
  clientFromSettings,
  type GivenSettings,
  type ProviderSettings,
  readProviderSettings,
} from "./settings";

/**
 * How long a listed roster is reused inside one provider process. Every resource of a refresh
 * reads its organization at about the same moment, so they share one list. The client writes its
 * own creates and status changes through to it (a delete drops it), so create batches reuse it too.
 */
const LIST_CACHE_TTL_MS = 5000;

/**
 * State shared by every resource a provider process serves: Pulumi runs all of a stack's
 * resources of one provider in one process, so one client (one rate limit, one list cache) and one
 * create batcher per organization serve them all.
 */
export class ProviderRuntime {
  #settings: ProviderSettings | undefined;
  #client: ChatHubClient | undefined;
  readonly #batchers = new Map<number, OrganizationCreateBatcher>();
  #organizations = new OrganizationCheck(() => this.client());
  /** Organization display names: they do not change during a deployment. */
  readonly #organizationNames = new Map<number, Promise<string | undefined>>();

  configure(given: GivenSettings): void {
    this.#settings = readProviderSettings(given);
    this.#client = undefined;
    this.#batchers.clear();
    this.#organizations = new OrganizationCheck(() => this.client());
    this.#organizationNames.clear();
  }

  /** Throws the configuration error a user can act on; sends nothing. */
  validateSettings(): void {
    this.client();
  }

  client(): ChatHubClient {
    if (!this.#client) {
      const settings = this.#settings ?? readProviderSettings({});
      this.#client = clientFromSettings(settings, { listCacheTtlMs: LIST_CACHE_TTL_MS });
    }
    return this.#client;
  }

  /** Why the credentials cannot use this organization (see OrganizationCheck), or undefined. */
  organizationProblem(organizationId: number): Promise<string | undefined> {
    return this.#organizations.problemWith(organizationId);
  }

  createBatcher(organizationId: number): OrganizationCreateBatcher {
    let batcher = this.#batchers.get(organizationId);
    if (!batcher) {
      batcher = new OrganizationCreateBatcher(this.client(), organizationId);
      this.#batchers.set(organizationId, batcher);
    }
    return batcher;
  }

  /**
   * The organization's display name, learned from its operator list (shared with a batch's
   * list). Cosmetic: when the list fails it is left out (a refresh fills it in) and asked again
   * next time rather than remembered as unknown.
   */
  organizationName(organizationId: number): Promise<string | undefined> {
    let name = this.#organizationNames.get(organizationId);
    if (!name) {
      name = this.client()
        .listOperators(organizationId)
        .then((roster) => roster[0]?.organization.name)
        .catch(() => {
          this.#organizationNames.delete(organizationId);
          return undefined;
        });
      this.#organizationNames.set(organizationId, name);
    }
    return name;
  }
}

import type { OrganizationQuery } from "../api";
import { findOrganization, operatorsReport, visibleOrganizations } from "../core/queries";
import {
  GET_OPERATORS_TOKEN,
  GET_ORGANIZATION_TOKEN,
  GET_ORGANIZATIONS_TOKEN,
} from "../declarations/package";
import { nativeRuntime as runtime } from "./config";
import type { FunctionHandler } from "./handler";
import { plain } from "./plain";

/** The lookups, read-only, with the provider's credentials (the same as the TypeScript functions). */
export const functions: Record<string, FunctionHandler> = {
  async [GET_OPERATORS_TOKEN](args) {
    const organizationId = args.organizationId;
    if (typeof organizationId !== "number" || !Number.isSafeInteger(organizationId) || organizationId <= 0) {
      throw new Error(`${GET_OPERATORS_TOKEN}: organizationId must be a positive whole number, e.g. 24`);
    }
    return plain(await operatorsReport(runtime.client(), organizationId));
  },

  async [GET_ORGANIZATIONS_TOKEN]() {
    return plain({ organizations: await visibleOrganizations(runtime.client()) });
  },

  async [GET_ORGANIZATION_TOKEN](args) {
    const { id, name } = args;
    const query: OrganizationQuery | undefined =
      typeof id === "number" ? { id } : typeof name === "string" ? { name } : undefined;
    if (!query) {
      throw new Error(
        `${GET_ORGANIZATION_TOKEN}: give the organization's name (e.g. "Customer Support") or its id`,
      );
    }
    return plain(await findOrganization(runtime.client(), query));
  },
};

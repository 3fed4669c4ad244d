import type { z } from "zod";
import { failureMessage, failuresOf } from "../core/check-failures";
import { findOrganization, operatorsReport, visibleOrganizations } from "../core/queries";
import {
  getOperatorsDeclaration,
  getOrganizationDeclaration,
  getOrganizationsDeclaration,
} from "../declarations/lookups";
import { nativeRuntime as runtime } from "./config";
import type { FunctionHandler, PropertyMap } from "./handler";
import { plain } from "./plain";

/** The lookups, read-only, with the provider's credentials (the same as the TypeScript functions). */
export const functions: Record<string, FunctionHandler> = {
  async [getOperatorsDeclaration.token](args) {
    const { organizationId } = argumentsOf(getOperatorsDeclaration, args);
    return plain(await operatorsReport(runtime.client(), organizationId));
  },

  async [getOrganizationsDeclaration.token]() {
    return plain({ organizations: await visibleOrganizations(runtime.client()) });
  },

  async [getOrganizationDeclaration.token](args) {
    const { id, name } = argumentsOf(getOrganizationDeclaration, args);
    return plain(await findOrganization(runtime.client(), id !== undefined ? { id } : { name: name ?? "" }));
  },
};

/** The arguments, parsed by the function's declared schema; a bad one is an error naming the function. */
function argumentsOf<S extends z.ZodObject>(
  declaration: { token: string; inputs: S },
  args: PropertyMap,
): z.output<S> {
  const parsed = declaration.inputs.safeParse(args);
  if (parsed.success) return parsed.data;
  const accepted = Object.keys(declaration.inputs.shape);
  throw new Error(
    `${declaration.token}: ${failureMessage(failuresOf(parsed.error, declaration.token, accepted))}`,
  );
}

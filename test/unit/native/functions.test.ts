import { describe, expect, it } from "vitest";
import { GET_OPERATORS_TOKEN, GET_ORGANIZATION_TOKEN } from "../../../src/declarations/package";
import { chathubProvider } from "../../../src/native/definition";

const { functions } = chathubProvider;

const context = { urn: "", log: async () => {} };

// The lookups' arguments are parsed by their declared schemas before anything reaches ChatHub
// (the provider is not even configured here: a request would fail differently).
describe("the native lookups' arguments", () => {
  it("getOperators names the function, the argument and the fix", async () => {
    await expect(functions[GET_OPERATORS_TOKEN]?.({ organizationId: "24" }, context)).rejects.toThrow(
      "chathub:index:getOperators: organizationId must be a number: the id of the ChatHub organization, e.g. 24",
    );
    await expect(functions[GET_OPERATORS_TOKEN]?.({ organizationId: 2.5 }, context)).rejects.toThrow(
      "organizationId must be a whole number",
    );
  });

  it("getOrganization wants a name or an id", async () => {
    await expect(functions[GET_ORGANIZATION_TOKEN]?.({}, context)).rejects.toThrow(
      'chathub:index:getOrganization: give the organization\'s name (e.g. "Customer Support") or its id',
    );
  });
});

import { describe, expect, it } from "vitest";
import { ChatHubApiError } from "../../../src/api";
import { docSample } from "../../doc-samples/doc-samples";
import { clientFor, emulator, failureOf, fakeServer } from "./support";

describe("organizations", () => {
  it("lists what the token can see, once for many concurrent and later lookups", async () => {
    const server = await emulator({}, { "token-24-26": [24, 26] });
    server.addOrganization({ id: 26, name: "Technical Support" });
    const client = clientFor(server, { token: "token-24-26" });
    const lookups = await Promise.all([
      client.listOrganizations(),
      client.getOrganization({ id: 24 }),
      client.getOrganization({ name: "technical SUPPORT" }),
    ]);
    expect(lookups[0]).toEqual([
      { id: 24, name: "Customer Support" },
      { id: 26, name: "Technical Support" },
    ]);
    expect(lookups[1]).toEqual({ id: 24, name: "Customer Support" });
    expect(lookups[2]).toEqual({ id: 26, name: "Technical Support" });
    expect(await client.getOrganization({ name: "  customer support " })).toMatchObject({ id: 24 });
    expect(server.counters().byRoute["GET /api/company/organization"]).toBe(1);
  });

  it("says, when not found, which organizations the credentials can see", async () => {
    const client = clientFor(await emulator({}, { "token-24": [24] }), { token: "token-24" });
    for (const query of [{ name: "Sales" }, { id: 25 }]) {
      const error = (await failureOf(client.getOrganization(query))) as ChatHubApiError;
      expect(error).toBeInstanceOf(ChatHubApiError);
      expect(error.kind).toBe("not-found");
      expect(error.message).toContain('Visible organizations: 24 "Customer Support".');
    }
    const nothing = clientFor(await emulator({}, { "token-none": [] }), { token: "token-none" });
    expect(((await failureOf(nothing.getOrganization({ id: 24 }))) as Error).message).toContain(
      "Visible organizations: none (the credentials are valid but see no organization).",
    );
  });

  it("not found by name, says so in the words docs/lookups.md shows", async () => {
    const client = clientFor(await emulator({}, { "token-24-25": [24, 25] }), { token: "token-24-25" });
    const error = (await failureOf(client.getOrganization({ name: "Marketing" }))) as Error;
    expect(error.message).toBe(docSample("organization-not-found"));
  });

  it("validates the answer's shape, naming the field", async () => {
    const server = await fakeServer(() => ({
      body: JSON.stringify([{ id: "6", name: "Customer Support" }]),
    }));
    const error = (await failureOf(clientFor(server).listOrganizations())) as ChatHubApiError;
    expect(error.kind).toBe("invalid-response");
    expect(error.message).toContain("GET /api/company/organization");
    expect(error.message).toContain("[0].id");
  });

  it("sends the documented request: GET, Bearer token, Accept text/plain", async () => {
    const server = await fakeServer(() => ({ body: "[]" }));
    expect(await clientFor(server, { token: "abc" }).listOrganizations()).toEqual([]);
    expect(server.requests[0]).toMatchObject({
      method: "GET",
      url: "/api/company/organization",
      headers: { authorization: "Bearer abc", accept: "text/plain" },
    });
  });
});

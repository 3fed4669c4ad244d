import { describe, expect, it } from "vitest";
import { type ListedOperator, startTestEmulator } from "./spec-client";

const CUSTOMER_SUPPORT = { id: 24, name: "Customer Support" };

describe("a client written from the spec alone", () => {
  it("lists the spec's example roster, as text/plain with a JSON body", async () => {
    const { client } = await startTestEmulator();
    const response = await client.list(24);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(JSON.parse(await response.text())).toEqual([
      { id: 101, name: "John Smith", status: 0, organization: CUSTOMER_SUPPORT },
      { id: 102, name: "Sarah Johnson", status: 0, organization: CUSTOMER_SUPPORT },
      { id: 103, name: "Mike Wilson", status: 1, organization: CUSTOMER_SUPPORT },
    ]);
  });

  it("adds, finds, deactivates, re-activates and deletes an operator", async () => {
    const { client, emulator } = await startTestEmulator();

    const added = await client.synchronize([
      { organizationId: 24, name: "Alex Brown" },
      { organizationId: 24, name: "Emma Davis" },
    ]);
    expect(added.status).toBe(200);
    expect(await added.json()).toEqual([
      { id: 104, name: "Alex Brown", status: 0 },
      { id: 105, name: "Emma Davis", status: 0 },
    ]);

    const findEmma = async (): Promise<ListedOperator | undefined> =>
      (await client.listOperators(24)).find((operator) => operator.name.toLowerCase() === "emma davis");
    expect(await findEmma()).toEqual({
      id: 105,
      name: "Emma Davis",
      status: 0,
      organization: CUSTOMER_SUPPORT,
    });

    const deactivated = await client.setStatus(105, 1);
    expect(deactivated.status).toBe(200);
    expect(await deactivated.text()).toBe("");
    expect((await findEmma())?.status).toBe(1);

    expect((await client.setStatus(105, 0)).status).toBe(200);
    expect((await findEmma())?.status).toBe(0);

    expect((await client.setStatus(105, 2)).status).toBe(200);
    expect(await findEmma()).toBeUndefined();
    // A soft delete: the record stays, with status 2.
    expect(emulator.operators(24).find((operator) => operator.id === 105)).toEqual({
      id: 105,
      name: "Emma Davis",
      status: 2,
      organizationId: 24,
    });
  });

  it("answers an empty synchronize with an empty array", async () => {
    const { client } = await startTestEmulator();
    const response = await client.synchronize([]);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([]);
  });

  it("leaves other organizations untouched", async () => {
    const { client } = await startTestEmulator();
    await client.synchronize([{ organizationId: 24, name: "Alex Brown" }]);
    expect(await client.listOperators(25)).toEqual([]);
  });

  it("refuses a blank or 101-character name with 400, applying nothing from the batch", async () => {
    const { client, emulator } = await startTestEmulator();
    const before = emulator.operators();

    const response = await client.synchronize([
      { organizationId: 24, name: "Valid Person" },
      { organizationId: 24, name: "   " },
      { organizationId: 24, name: "x".repeat(101) },
      { organizationId: 24 },
    ]);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { message: string; errors: unknown[] };
    expect(body.message).toBe("Invalid operator data");
    expect(body.errors).toEqual([
      { index: 1, field: "name", message: "name must not be blank" },
      { index: 2, field: "name", message: "name must be at most 100 characters (got 101)" },
      { index: 3, field: "name", message: "name is required" },
    ]);
    expect(emulator.operators()).toEqual(before);
  });

  it("accepts a name of exactly 100 characters", async () => {
    const { client } = await startTestEmulator();
    const response = await client.synchronize([{ organizationId: 24, name: "y".repeat(100) }]);
    expect(response.status).toBe(200);
  });

  it("refuses a synchronize into an organization that does not exist", async () => {
    const { client, emulator } = await startTestEmulator();
    const response = await client.synchronize([{ organizationId: 999, name: "Nobody" }]);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      errors: [{ index: 0, field: "organizationId", message: "organization not found" }],
    });
    expect(emulator.operators()).toHaveLength(3);
  });

  it("lists an organization that does not exist as empty", async () => {
    const { client } = await startTestEmulator();
    expect(await client.listOperators(999)).toEqual([]);
  });

  it("answers 404 for a status change of an unknown operator", async () => {
    const { client } = await startTestEmulator();
    const response = await client.setStatus(9999, 1);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: "operator 9999 not found" });
  });

  it.each([
    ["a wrong token", "wrong-token"],
    ["no token", null],
  ])("answers 401 with %s, without echoing the token", async (_label, token) => {
    const { client } = await startTestEmulator();
    const anonymous = client.withToken(token);
    for (const response of [
      await anonymous.list(24),
      await anonymous.synchronize([{ organizationId: 24, name: "Intruder" }]),
      await anonymous.setStatus(101, 2),
    ]) {
      expect(response.status).toBe(401);
      const body = (await response.json()) as { message: string };
      expect(body.message).toMatch(/authentication failed/);
      if (token) expect(body.message).not.toContain(token);
    }
  });

  it("answers 401 to an Authorization header that is not a Bearer token", async () => {
    const { emulator } = await startTestEmulator();
    const response = await fetch(`${emulator.url}/api/operator?organizationId=24`, {
      headers: { authorization: "Basic chathub-emulator-token" },
    });
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain("chathub-emulator-token");
  });
});

import { describe, expect, it } from "vitest";
import { OrganizationCheck } from "../../../src/core/organization-check";
import { clientFor, emulator } from "../api/support";

describe("the organization check of check()", () => {
  it("lists organizations once for every resource, and names the visible ones when refusing", async () => {
    const server = await emulator({}, { "token-24": [24] });
    const client = clientFor(server, { token: "token-24" });
    const check = new OrganizationCheck(() => client);
    const problems = await Promise.all([24, 24, 25, 999].map((id) => check.problemWith(id)));
    expect(problems.slice(0, 2)).toEqual([undefined, undefined]);
    for (const [index, id] of [25, 999].entries()) {
      expect(problems[2 + index]).toBe(
        `organization ${id} is not one the company credentials can see (it does not exist, or belongs to another ` +
          'company). Visible organizations: 24 "Customer Support". Use one of these ids, or look one up by name ' +
          "with getOrganization({ name })",
      );
    }
    expect(await check.problemWith(24)).toBeUndefined();
    expect(server.counters().byRoute).toMatchObject({
      "GET /api/company/organization": 1,
      "GET /api/operator": 0,
      "POST /api/operator/synchronize": 0,
    });
  });

  it("does not keep a failed list: the next check asks again", async () => {
    const server = await emulator({ failureRate: 1 });
    const client = clientFor(server, { maxRetries: 0 });
    const check = new OrganizationCheck(() => client);
    await expect(check.problemWith(24)).rejects.toThrow(/503/);
    server.setBehaviour({ failureRate: 0 });
    expect(await check.problemWith(24)).toBeUndefined();
    expect(server.counters().byRoute["GET /api/company/organization"]).toBe(2);
  });
});

import { DEFAULT_EMULATOR_LOGIN, DEFAULT_EMULATOR_PASSWORD } from "pulumi-chathub-emulator";
import { describe, expect, it } from "vitest";
import { type ChatHubApiError, ChatHubConfigError } from "../../../src/api";
import { clientFor, emulator, failureOf, fakeServer } from "./support";

const login = { token: undefined, login: DEFAULT_EMULATOR_LOGIN, password: DEFAULT_EMULATOR_PASSWORD };

describe("signing in with the company login", () => {
  it("signs in once, on first use, whatever the number of concurrent calls", async () => {
    const server = await emulator();
    const client = clientFor(server, login);
    expect(server.counters().total).toBe(0);
    await Promise.all([client.listOperators(24), client.listOperators(25), client.listOrganizations()]);
    await client.setStatus(103, 0, 24);
    expect(server.counters().byRoute["POST /api/company/get-token"]).toBe(1);
  });

  it("sends the documented sign-in request, then the token obtained as a Bearer token", async () => {
    const server = await fakeServer((request) =>
      request.url === "/api/company/get-token"
        ? { body: JSON.stringify("obtained.jwt.token") }
        : { body: "[]" },
    );
    await clientFor(server, { token: undefined, login: "acme", password: "s3cret pass" }).listOperators(24);
    const [signIn, list] = server.requests;
    expect(signIn).toMatchObject({ method: "POST", url: "/api/company/get-token" });
    expect(signIn?.headers["content-type"]).toMatch(/^application\/json/);
    expect(signIn?.headers.authorization).toBeUndefined();
    expect(JSON.parse(signIn?.body ?? "")).toEqual({ login: "acme", password: "s3cret pass" });
    expect(list?.headers.authorization).toBe("Bearer obtained.jwt.token");
  });

  it("signs in again once when the token expires, shared by the calls it refused", async () => {
    const server = await emulator({ signedInTokenRequests: 3 });
    server.addOrganization({ id: 26, name: "Technical Support" });
    const client = clientFor(server, login);
    for (let round = 0; round < 3; round++) {
      await Promise.all([24, 25, 26].map((organizationId) => client.listOperators(organizationId)));
      client.invalidate();
    }
    // A token serves one round of three lists; each later round is refused three times, and
    // those three refusals share one sign-in.
    expect(server.counters().byRoute).toMatchObject({
      "POST /api/company/get-token": 3,
      "GET /api/operator": 9 + 6,
    });
    expect(server.counters().byStatus["401"]).toBe(6);
  });

  it("does not loop: a fresh token refused again is an error naming the login's company", async () => {
    const server = await emulator();
    server.grantLogin("sales-only", "sales-password", [25]);
    const client = clientFor(server, { token: undefined, login: "sales-only", password: "sales-password" });
    const error = (await failureOf(client.listOperators(24))) as ChatHubApiError;
    expect(error.kind).toBe("unauthorized");
    expect(error.message).toContain("obtained by signing in with chathub:login");
    expect(server.counters().byRoute).toMatchObject({
      "POST /api/company/get-token": 2,
      "GET /api/operator": 2,
    });
  });

  it("refuses a wrong password with the config keys to fix, and tries again on the next call", async () => {
    const server = await emulator();
    const client = clientFor(server, {
      token: undefined,
      login: DEFAULT_EMULATOR_LOGIN,
      password: "wrong-password-1",
    });
    const error = (await failureOf(client.listOperators(24))) as ChatHubApiError;
    expect(error.kind).toBe("unauthorized");
    expect(error.message).toBe(
      "ChatHub refused the company login and password (401 on POST /api/company/get-token): set them with " +
        "`pulumi config set chathub:login <login>` and `pulumi config set --secret chathub:password <password>`, " +
        "or the CHATHUB_LOGIN and CHATHUB_PASSWORD environment variables.",
    );
    await failureOf(client.listOperators(24));
    expect(server.counters().byRoute).toMatchObject({
      "POST /api/company/get-token": 2,
      "GET /api/operator": 0,
    });
  });

  it("never echoes a malformed sign-in answer, which may be a token", async () => {
    const server = await fakeServer(() => ({ body: JSON.stringify("half a token") }));
    const error = (await failureOf(clientFor(server, login).listOperators(24))) as ChatHubApiError;
    expect(error.kind).toBe("invalid-response");
    expect(error.message).toBe(
      "ChatHub sent an unexpected response to POST /api/company/get-token: expected the company token as a JSON string.",
    );
  });

  it.each([
    [{ login: "acme" }, "chathub:password", /chathub:login \(CHATHUB_LOGIN\) is set but chathub:password/],
    [{ password: "pw" }, "chathub:login", /chathub:password \(CHATHUB_PASSWORD\) is set but chathub:login/],
    [{}, "chathub:token", /chathub:token.*CHATHUB_TOKEN.*chathub:login.*CHATHUB_PASSWORD/],
  ])("refuses incomplete credentials %j before sending anything", async (credentials, key, message) => {
    let error: unknown;
    try {
      clientFor({ url: "http://127.0.0.1:1" }, { token: undefined, ...credentials });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ChatHubConfigError);
    expect((error as ChatHubConfigError).message).toMatch(message);
    expect((error as ChatHubConfigError).configKey).toBe(key);
  });
});

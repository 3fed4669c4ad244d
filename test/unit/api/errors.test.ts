import { DEFAULT_EMULATOR_TOKEN } from "pulumi-chathub-emulator";
import { describe, expect, it } from "vitest";
import { ChatHubApiError, ChatHubClient, ChatHubConfigError } from "../../../src/api";
import { clientFor, emulator, failureOf } from "./support";

async function apiFailure(promise: Promise<unknown>): Promise<ChatHubApiError> {
  const error = await failureOf(promise);
  expect(error).toBeInstanceOf(ChatHubApiError);
  return error as ChatHubApiError;
}

describe("HTTP errors", () => {
  it("400 carries and shows the server's validation details", async () => {
    const server = await emulator();
    const error = await apiFailure(
      clientFor(server).synchronize([
        { organizationId: 24, name: "Alex Brown" },
        { organizationId: 999, name: "Emma Davis" },
      ]),
    );
    expect(error).toMatchObject({
      kind: "validation",
      status: 400,
      method: "POST",
      path: "/api/operator/synchronize",
      retryable: false,
    });
    // ChatHub documents no 400 body: whatever it says is shown as text.
    expect(error.serverMessage).toContain("Invalid operator data");
    expect(error.message).toContain("as invalid (400): ");
    expect(error.message).toContain("organization not found");
  });

  it("refuses input that breaks the vendor's rules before sending it", async () => {
    const server = await emulator();
    const client = clientFor(server);
    const error = await apiFailure(
      client.synchronize([
        { organizationId: 24, name: "   " },
        { organizationId: 24, name: "x".repeat(101) },
      ]),
    );
    expect(error).toMatchObject({ kind: "validation", status: undefined });
    expect(error.details).toEqual([
      { index: 0, field: "name", message: "must not be blank" },
      { index: 1, field: "name", message: "must be at most 100 characters" },
    ]);
    await expect(client.listOperators(-1)).rejects.toMatchObject({ kind: "validation" });
    await expect(client.setStatus(101, 3 as 0)).rejects.toMatchObject({ kind: "validation" });
    expect(server.counters().total).toBe(0);
  });

  it("401 says the token was refused and how to set another", async () => {
    const server = await emulator();
    const error = await apiFailure(clientFor(server, { token: "expired-token" }).listOperators(24));
    expect(error).toMatchObject({ kind: "unauthorized", status: 401, retryable: false });
    expect(error.message).toContain("invalid or expired");
    expect(error.message).toContain("pulumi config set --secret chathub:token");
    expect(error.message).toContain("CHATHUB_TOKEN");
  });

  it("403 says the token cannot reach the organization", async () => {
    const server = await emulator({ noAccess: "403" }, { "sales-only": [25] });
    const error = await apiFailure(clientFor(server, { token: "sales-only" }).listOperators(24));
    expect(error).toMatchObject({ kind: "forbidden", status: 403 });
    expect(error.message).toContain("no access to organization 24");
  });

  it("a token without access may instead see an empty organization", async () => {
    const server = await emulator({ noAccess: "empty" }, { "sales-only": [25] });
    expect(await clientFor(server, { token: "sales-only" }).listOperators(24)).toEqual([]);
  });

  it("404 names what was not found", async () => {
    const server = await emulator();
    const error = await apiFailure(clientFor(server).setStatus(99_999, 1));
    expect(error).toMatchObject({
      kind: "not-found",
      status: 404,
      serverMessage: expect.stringContaining("operator 99999 not found"),
    });
    expect(error.message).toContain("operator 99999");
  });

  it("a deleted operator that cannot come back is a 400, not a crash", async () => {
    const server = await emulator({ reactivateDeleted: false });
    const client = clientFor(server);
    await client.setStatus(103, 2);
    await expect(client.setStatus(103, 0)).rejects.toMatchObject({ kind: "validation", status: 400 });
  });
});

describe("options", () => {
  const valid = { baseUrl: "https://chatapi.smsbat.com", token: DEFAULT_EMULATOR_TOKEN };

  it.each([
    [{ baseUrl: "" }, "chathub:baseUrl", "CHATHUB_BASE_URL"],
    [{ baseUrl: "chatapi.smsbat.com" }, "chathub:baseUrl", "CHATHUB_BASE_URL"],
    [{ baseUrl: "ftp://chatapi.smsbat.com" }, "chathub:baseUrl", "CHATHUB_BASE_URL"],
    [{ token: "" }, "chathub:token", "CHATHUB_TOKEN"],
    [{ token: "Bearer abc" }, "chathub:token", "Bearer"],
    [{ token: "two words" }, "chathub:token", "whitespace"],
    [{ requestsPerSecond: 0 }, "chathub:requestsPerSecond", "positive"],
    [{ requestsPerSecond: Number.NaN }, "chathub:requestsPerSecond", "positive"],
    [{ timeoutMs: -5 }, "chathub:timeoutMs", "positive"],
    [{ maxRetries: 1.5 }, "maxRetries", "whole number"],
    [{ listCacheTtlMs: -1 }, "listCacheTtlMs", "zero or more"],
  ])("refuses %o naming %s", (override, key, hint) => {
    let thrown: unknown;
    try {
      new ChatHubClient({ ...valid, ...override });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ChatHubConfigError);
    expect(thrown).toMatchObject({ configKey: key });
    expect((thrown as Error).message).toContain(key);
    expect((thrown as Error).message).toContain(hint);
  });

  it("accepts a base URL with a trailing slash and trims the token", () => {
    const client = new ChatHubClient({
      baseUrl: "http://127.0.0.1:8080/",
      token: ` ${DEFAULT_EMULATOR_TOKEN}\n`,
    });
    expect(client.baseUrl).toBe("http://127.0.0.1:8080");
  });
});

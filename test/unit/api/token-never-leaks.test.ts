import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { ChatHubApiError, type ChatHubClient, type ChatHubErrorKind } from "../../../src/api";
import { clientFor, emulator, failureOf, fakeServer, refusingUrl } from "./support";

/** Recognizable, so any rendering that carries it is caught. */
const CANARY = "CANARY-token-7f3a9c2e51d04b8";

const alex = [{ organizationId: 24, name: "Alex Brown" }];

/** Every way an error ends up in a log, a Pulumi diagnostic or a state file. */
function renderings(error: unknown): string[] {
  const asError = error as Error & { cause?: unknown };
  return [
    String(error),
    asError.message,
    asError.stack ?? "",
    asError.toString(),
    JSON.stringify(error),
    inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true, getters: true }),
    inspect(asError.cause, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    ...Object.getOwnPropertyNames(error).map((key) =>
      inspect((error as Record<string, unknown>)[key], { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    ),
  ];
}

async function failureFrom(call: (client: ChatHubClient) => Promise<unknown>, client: ChatHubClient) {
  const error = await failureOf(call(client));
  expect(error).toBeInstanceOf(ChatHubApiError);
  return error as ChatHubApiError;
}

const scenarios: [string, ChatHubErrorKind, () => Promise<ChatHubApiError>][] = [
  [
    "400 from the server",
    "validation",
    async () =>
      failureFrom(
        (client) => client.synchronize([{ organizationId: 999, name: "X" }]),
        clientFor(await emulator({}, { [CANARY]: "*" }), { token: CANARY }),
      ),
  ],
  [
    "input refused before sending",
    "validation",
    async () =>
      failureFrom(
        (client) => client.synchronize([{ organizationId: 24, name: "" }]),
        clientFor(await emulator({}, { [CANARY]: "*" }), { token: CANARY }),
      ),
  ],
  [
    "401",
    "unauthorized",
    async () =>
      failureFrom((client) => client.listOperators(24), clientFor(await emulator(), { token: CANARY })),
  ],
  [
    "403",
    "forbidden",
    async () =>
      failureFrom(
        (client) => client.listOperators(24),
        clientFor(await emulator({ noAccess: "403" }, { [CANARY]: [25] }), { token: CANARY }),
      ),
  ],
  [
    "404",
    "not-found",
    async () =>
      failureFrom(
        (client) => client.setStatus(424_242, 1),
        clientFor(await emulator({}, { [CANARY]: "*" }), { token: CANARY }),
      ),
  ],
  [
    "429",
    "rate-limited",
    async () => {
      const client = clientFor(await emulator({ rateLimitPerSecond: 1 }, { [CANARY]: "*" }), {
        token: CANARY,
        maxRetries: 0,
      });
      await client.listOperators(25);
      return failureFrom((c) => c.listOperators(24), client);
    },
  ],
  [
    "503",
    "server",
    async () =>
      failureFrom(
        (client) => client.listOperators(24),
        clientFor(await emulator({ failureRate: 1 }, { [CANARY]: "*" }), { token: CANARY, maxRetries: 1 }),
      ),
  ],
  [
    "connection refused",
    "network",
    async () =>
      failureFrom(
        (client) => client.listOperators(24),
        clientFor({ url: await refusingUrl() }, { token: CANARY, maxRetries: 1 }),
      ),
  ],
  [
    "timeout",
    "timeout",
    async () =>
      failureFrom(
        (client) => client.listOperators(24),
        clientFor(await emulator({ hang: true }, { [CANARY]: "*" }), {
          token: CANARY,
          timeoutMs: 50,
          maxRetries: 1,
        }),
      ),
  ],
  [
    "synchronize whose answer was dropped",
    "ambiguous",
    async () =>
      failureFrom(
        (client) => client.synchronize(alex),
        clientFor(await emulator({ dropSyncRate: 1 }, { [CANARY]: "*" }), { token: CANARY }),
      ),
  ],
  [
    "synchronize that timed out",
    "ambiguous",
    async () =>
      failureFrom(
        (client) => client.synchronize(alex),
        clientFor(await emulator({ hang: true }, { [CANARY]: "*" }), { token: CANARY, timeoutMs: 50 }),
      ),
  ],
  [
    "a server that echoes the token in a malformed list",
    "invalid-response",
    async () => {
      const server = await fakeServer((request) => ({
        body: JSON.stringify([{ id: 1, name: "x", status: request.headers.authorization }]),
      }));
      return failureFrom((client) => client.listOperators(24), clientFor(server, { token: CANARY }));
    },
  ],
  [
    "a server that echoes the token in a non-JSON body",
    "invalid-response",
    async () => {
      const server = await fakeServer((request) => ({ body: `not json ${request.headers.authorization}` }));
      return failureFrom((client) => client.listOperators(24), clientFor(server, { token: CANARY }));
    },
  ],
  [
    "a server that echoes the token in every part of an error",
    "http",
    async () => {
      const server = await fakeServer((request) => {
        const echoed = request.headers.authorization ?? "";
        return {
          status: 302,
          headers: { location: `https://elsewhere.example/?t=${echoed.slice(7)}`, "x-echo": echoed },
          body: JSON.stringify({ message: `bad ${echoed}`, errors: [{ field: "token", message: echoed }] }),
        };
      });
      return failureFrom((client) => client.listOperators(24), clientFor(server, { token: CANARY }));
    },
  ],
  [
    "a 5xx echoing the token on synchronize",
    "ambiguous",
    async () => {
      const server = await fakeServer((request) => ({
        status: 500,
        body: JSON.stringify({ message: `crashed on ${request.headers.authorization}` }),
      }));
      return failureFrom((client) => client.synchronize(alex), clientFor(server, { token: CANARY }));
    },
  ],
  [
    "a wrong password",
    "unauthorized",
    async () =>
      failureFrom(
        (client) => client.listOperators(24),
        clientFor(await emulator(), { token: undefined, login: "chathub-emulator", password: CANARY }),
      ),
  ],
  [
    "a sign-in answer echoing the password",
    "validation",
    async () => {
      const server = await fakeServer((request) => ({
        status: 400,
        body: JSON.stringify({
          message: `bad request ${request.body}`,
          errors: [{ field: "password", message: request.body }],
        }),
      }));
      return failureFrom(
        (client) => client.listOperators(24),
        clientFor(server, { token: undefined, login: "acme", password: CANARY }),
      );
    },
  ],
  [
    "a server echoing the token obtained by signing in",
    "server",
    async () => {
      const server = await fakeServer((request) =>
        request.url === "/api/company/get-token"
          ? { body: JSON.stringify(CANARY) }
          : { status: 500, body: JSON.stringify({ message: `crashed on ${request.headers.authorization}` }) },
      );
      return failureFrom(
        (client) => client.listOperators(24),
        clientFor(server, { token: undefined, login: "acme", password: "another-secret", maxRetries: 0 }),
      );
    },
  ],
  [
    "a token obtained by signing in, refused after a second sign-in",
    "unauthorized",
    async () => {
      const server = await fakeServer((request) =>
        request.url === "/api/company/get-token"
          ? { body: JSON.stringify(CANARY) }
          : { status: 401, body: JSON.stringify({ message: `expired: ${request.headers.authorization}` }) },
      );
      return failureFrom(
        (client) => client.listOperators(24),
        clientFor(server, { token: undefined, login: "acme", password: "another-secret" }),
      );
    },
  ],
];

describe("the company token never leaks", () => {
  it.each(scenarios)("in any rendering of the error for %s", async (_name, kind, provoke) => {
    const error = await provoke();
    expect(error.kind).toBe(kind);
    for (const rendering of renderings(error)) expect(rendering).not.toContain(CANARY);
  });

  it("nor in a config error, nor in the client object", async () => {
    let configError: unknown;
    try {
      clientFor({ url: `not-a-url-${CANARY}` }, { token: CANARY });
    } catch (error) {
      configError = error;
    }
    expect(configError).toBeInstanceOf(Error);
    for (const rendering of renderings(configError)) expect(rendering).not.toContain(CANARY);

    const client = clientFor(await emulator({}, { [CANARY]: "*" }), { token: CANARY });
    await client.listOperators(24);
    expect(inspect(client, { depth: Number.POSITIVE_INFINITY, showHidden: true })).not.toContain(CANARY);
    expect(JSON.stringify(client)).not.toContain(CANARY);
  });

  it("nor does a password, or a token obtained by signing in, in the client object", async () => {
    const server = await emulator();
    server.grantLogin("acme", CANARY, "*");
    const client = clientFor(server, { token: undefined, login: "acme", password: CANARY });
    await client.listOperators(24);
    expect(inspect(client, { depth: Number.POSITIVE_INFINITY, showHidden: true })).not.toContain(CANARY);
    expect(JSON.stringify(client)).not.toContain(CANARY);
    expect(JSON.stringify(client)).not.toMatch(/eyJ/);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import {
  DEFAULT_EMULATOR_LOGIN,
  DEFAULT_EMULATOR_PASSWORD,
  DEFAULT_EMULATOR_TOKEN,
  type EmulatorOptions,
  type RunningEmulator,
  startEmulator,
} from "../src";

const running: RunningEmulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()));
});

async function start(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const emulator = await startEmulator({ port: 0, ...options });
  running.push(emulator);
  return emulator;
}

function signIn(emulator: RunningEmulator, body: unknown, contentType = "application/json") {
  return fetch(`${emulator.url}/api/company/get-token`, {
    method: "POST",
    headers: { "Content-Type": contentType },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

function organizations(emulator: RunningEmulator, headers: Record<string, string>) {
  return fetch(`${emulator.url}/api/company/organization`, { headers: { Accept: "text/plain", ...headers } });
}

describe("GET /api/company/organization", () => {
  it("lists the organizations the token can see, as the vendor documents them", async () => {
    const emulator = await start({ tokens: { all: "*", "only-25": [25] } });
    const all = await organizations(emulator, { Authorization: "Bearer all" });
    expect(all.status).toBe(200);
    expect(all.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await all.json()).toEqual([
      { id: 24, name: "Customer Support" },
      { id: 25, name: "Sales" },
    ]);
    expect(await (await organizations(emulator, { Authorization: "Bearer only-25" })).json()).toEqual([
      { id: 25, name: "Sales" },
    ]);
    expect((await organizations(emulator, {})).status).toBe(401);
    expect(emulator.counters().byRoute["GET /api/company/organization"]).toBe(3);
  });

  it("accepts the token in X-Authorization-Key, the documented alternative, on every route", async () => {
    const emulator = await start();
    const key = { "X-Authorization-Key": DEFAULT_EMULATOR_TOKEN };
    expect((await organizations(emulator, key)).status).toBe(200);
    const list = await fetch(`${emulator.url}/api/operator?organizationId=24`, { headers: key });
    expect(list.status).toBe(200);
    expect((await organizations(emulator, { "X-Authorization-Key": "wrong" })).status).toBe(401);
  });
});

describe("POST /api/company/get-token", () => {
  it("answers a JWT-shaped token as a JSON string, which then reaches the login's organizations", async () => {
    const emulator = await start({ logins: { acme: { password: "acme-password", organizations: [24] } } });
    const answer = await signIn(emulator, { login: "acme", password: "acme-password" });
    expect(answer.status).toBe(200);
    const token = (await answer.json()) as string;
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const seen = await organizations(emulator, { Authorization: `Bearer ${token}` });
    expect(await seen.json()).toEqual([{ id: 24, name: "Customer Support" }]);
    // Each sign-in gets a new token.
    const again = (await (
      await signIn(emulator, { login: "acme", password: "acme-password" })
    ).json()) as string;
    expect(again).not.toBe(token);
  });

  it.each([
    ["a wrong password", { login: DEFAULT_EMULATOR_LOGIN, password: "nope" }, "application/json", 401],
    ["an unknown login", { login: "someone", password: DEFAULT_EMULATOR_PASSWORD }, "application/json", 401],
    ["a missing password", { login: DEFAULT_EMULATOR_LOGIN }, "application/json", 400],
    ["a body that is not an object", "[1]", "application/json", 400],
    ["malformed JSON", "{", "application/json", 400],
    ["the wrong content type", "login=a&password=b", "application/x-www-form-urlencoded", 400],
  ])("refuses %s (%#) without a token", async (_title, body, contentType, status) => {
    const emulator = await start();
    const answer = await signIn(emulator, body, contentType);
    expect(answer.status).toBe(status);
    const text = await answer.text();
    expect(text).not.toContain(DEFAULT_EMULATOR_PASSWORD);
    expect(text).not.toMatch(/"eyJ/);
  });

  it("needs no token itself, and its tokens expire after signedInTokenRequests requests", async () => {
    const emulator = await start({ behaviour: { signedInTokenRequests: 2 } });
    const answer = await signIn(emulator, {
      login: DEFAULT_EMULATOR_LOGIN,
      password: DEFAULT_EMULATOR_PASSWORD,
    });
    const bearer = { Authorization: `Bearer ${(await answer.json()) as string}` };
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await organizations(emulator, bearer)).status);
    expect(statuses).toEqual([200, 200, 401]);
    // The configured token is not one that expires.
    for (let i = 0; i < 3; i++) {
      expect(
        (await organizations(emulator, { Authorization: `Bearer ${DEFAULT_EMULATOR_TOKEN}` })).status,
      ).toBe(200);
    }
  });

  it("never logs a password or a token", async () => {
    const lines: string[] = [];
    const emulator = await start({ log: (line) => lines.push(line) });
    const answer = await signIn(emulator, {
      login: DEFAULT_EMULATOR_LOGIN,
      password: DEFAULT_EMULATOR_PASSWORD,
    });
    const token = (await answer.json()) as string;
    await organizations(emulator, { Authorization: `Bearer ${token}` });
    expect(lines.join("\n")).toMatch(/POST \/api\/company\/get-token 200/);
    expect(lines.join("\n")).not.toContain(DEFAULT_EMULATOR_PASSWORD);
    expect(lines.join("\n")).not.toContain(token);
  });
});

import { randomBytes } from "node:crypto";
import { type RunningEmulator, startEmulator } from "pulumi-chathub-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestStack } from "./harness/test-stack";
import { ADAPTERS, type Adapter, NATIVE } from "./support/adapters";
import { chathubStack } from "./support/chathub-stack";
import { operatorsProgram } from "./support/programs";

const DEFAULT_PROVIDER_TYPE = "pulumi:providers:pulumi-nodejs";
/** How every token the emulator hands out by sign-in begins (a JWT header), so any of them is caught. */
const SIGNED_IN_TOKEN_PREFIX = Buffer.from(JSON.stringify({ alg: "HS256", typ: "JWT" })).toString(
  "base64url",
);
/** The engine's own verbose log lines about the default dynamic provider's configuration. */
const ENGINE_CONFIG_LOG_LINE =
  /"msg":"(Marshaling property for RPC\[Provider\[0x[0-9a-f]+\]\.(CheckConfig|DiffConfig|Configure)\(|Planner decided (not )?to \w+ 'urn:pulumi:[^']*::pulumi:providers:pulumi-nodejs::default')/;

/** How Pulumi's state marks a secret value: this key with this value, beside the ciphertext. */
const SECRET_SIGNATURE = ["4dabf18193072939515e22adb298388d", "1b47061264138c4ac30d75fd1eb44270"] as const;

/** The provider resource the engine gives each adapter's stack config to, and the property holding the token. */
const tokenHolderOf = (adapter: Adapter) =>
  adapter === NATIVE
    ? { type: "pulumi:providers:chathub", property: "token" }
    : { type: DEFAULT_PROVIDER_TYPE, property: "chathub:token" };

/** The paths (keys from the root) of the secrets that `--show-secrets` shows as `plaintext`. */
function secretPathsTo(value: unknown, plaintext: string, at: string[] = []): string[][] {
  if (value === null || typeof value !== "object") return [];
  const secret = value as Record<string, unknown>;
  if (secret[SECRET_SIGNATURE[0]] === SECRET_SIGNATURE[1])
    return secret.plaintext === JSON.stringify(plaintext) ? [at] : [];
  return Object.entries(value).flatMap(([key, inner]) => secretPathsTo(inner, plaintext, [...at, key]));
}

const valueAt = (value: unknown, at: string[]) =>
  at.reduce<unknown>((inner, key) => (inner as Record<string, unknown> | undefined)?.[key], value);

// docs/configuration.md#the-token says what the state holds of a token in stack config: only in the
// state of the provider resource the engine configures (the default `pulumi:providers:chathub` of
// the native provider; the default `pulumi:providers:pulumi-nodejs` of the dynamic one), there as a
// secret, encrypted with the stack's secrets provider; in plaintext nowhere.
describe.each(ADAPTERS)("a token in stack config, in the state ($title)", (adapter) => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  afterAll(() => emulator.close());

  it("is held by the provider's resource alone, as a secret: ciphertext, never plaintext", async () => {
    const token = `planted-${randomBytes(12).toString("hex")}`;
    emulator.grantToken(token, [24]);
    const stack = await adapter.operatorsStack(emulator, "token-in-state", [
      { key: "alex", organizationId: 24, name: "Alex Brown" },
    ]);
    try {
      await stack.run(["config", "set", "--secret", "chathub:token", token]);
      await stack.up();
      const exported = await stack.exportState();
      expect(exported.text).not.toContain(token);
      expect(stack.stateFileText()).not.toContain(token);

      const decrypted = await stack.exportState(true);
      const holders = decrypted.resources.filter((resource) => JSON.stringify(resource).includes(token));
      const { type, property } = tokenHolderOf(adapter);
      expect(holders.map((resource) => resource.type)).toEqual([type]);
      // Decrypted, it is a secret's plaintext, in the provider's recorded inputs and outputs alone.
      const [holder] = holders;
      const places = secretPathsTo(holder, token);
      expect(places, JSON.stringify(holder)).toEqual([
        ["inputs", property],
        ["outputs", property],
      ]);
      const sealed = exported.resources.find((resource) => resource.urn === holder?.urn);
      for (const place of places) {
        expect(valueAt(sealed, place), place.join(".")).toEqual({
          [SECRET_SIGNATURE[0]]: SECRET_SIGNATURE[1],
          ciphertext: expect.stringMatching(/\S{16,}/),
        });
      }
      adapter.writeOperators(stack, []);
      await stack.destroy();
    } finally {
      stack.dispose();
    }
  });
});

describe("the company token", () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  afterAll(() => emulator.close());

  it("when refused, fails the update after one request with a message naming chathub:token", async () => {
    const program = operatorsProgram([{ key: "alex", organizationId: 24, name: "Alex Brown" }]);
    const stack = await chathubStack(emulator, "wrong-token", program, { token: "not-a-valid-token" });
    try {
      emulator.resetCounters();
      const up = await stack.run(["up", "--yes", "--skip-preview"]);
      expect(up.code).not.toBe(0);
      expect(up.stdout).toContain("ChatHub refused the company token");
      expect(up.stdout).toContain("pulumi config set --secret chathub:token");
      expect(emulator.counters().total).toBe(1);
      expect(emulator.counters().byStatus["401"]).toBe(1);
    } finally {
      stack.dispose();
    }
  });

  /** Runs a deployment's whole life with `args`, with an error on the way; returns everything it printed. */
  async function deploy(stack: TestStack, ...args: string[]): Promise<string> {
    const verbose = args;
    const printed: string[] = [];
    const record = (result: { stdout: string; stderr: string }) => printed.push(result.stdout, result.stderr);
    record(await stack.preview(...verbose));
    record(await stack.up(...verbose));
    record(await stack.refresh(...verbose));
    // An error path: a clash with an operator created by hand.
    const clash = emulator.addOperator({
      organizationId: 24,
      name: `Clash ${randomBytes(3).toString("hex")}`,
    });
    stack.writeProgram(operatorsProgram([{ key: "clash", organizationId: 24, name: clash.name }]));
    const failed = await stack.run(["up", "--yes", ...verbose]);
    expect(failed.code).not.toBe(0);
    record(failed);
    return printed.join("\n");
  }

  const programFor = (test: string) =>
    operatorsProgram([
      { key: "alex", organizationId: 24, name: `Alex Brown (${test})`, status: "inactive" },
      { key: "emma", organizationId: 24, name: `Emma Davis (${test})` },
    ]);

  it("as secret config, is in no state, no export, no output and no error of ours", async () => {
    const token = `planted-${randomBytes(12).toString("hex")}`;
    emulator.grantToken(token, [24]);
    const stack = await chathubStack(emulator, "token-config", programFor("config"), { token });
    try {
      const printed = await deploy(stack);
      const places: Record<string, string> = {
        "state file": stack.stateFileText(),
        "stack export": (await stack.exportState()).text,
        "CLI output": printed,
      };
      for (const [place, text] of Object.entries(places)) {
        expect(text.length, place).toBeGreaterThan(0);
        expect(text.includes(token), `the token appears in ${place}`).toBe(false);
      }
      // Pulumi's engine hands a dynamic provider the whole stack config through its default
      // provider, whose state keeps config secrets encrypted (as it does for any provider's secret
      // config); `--show-secrets` decrypts them there, and there only: no operator holds it.
      const decrypted = await stack.exportState(true);
      for (const resource of decrypted.resources) {
        const holdsToken = JSON.stringify(resource).includes(token);
        expect(holdsToken, resource.urn).toBe(resource.type === DEFAULT_PROVIDER_TYPE);
      }
      // At -v=7 and above the engine logs provider configuration: CLI 3.248 with secrets in
      // clear, 3.274 with them masked as [secret]. Those engine lines (present, so this check is
      // not vacuous) are the only ones that may hold the token: nothing this package prints does.
      stack.writeProgram(programFor("config"));
      const verbose = await deploy(stack, "-v=9", "--logtostderr");
      expect(verbose).toMatch(ENGINE_CONFIG_LOG_LINE);
      const leaks = verbose.split("\n").filter((line) => line.includes(token));
      for (const line of leaks) expect(line).toMatch(ENGINE_CONFIG_LOG_LINE);
      stack.writeProgram(operatorsProgram([]));
      await stack.destroy();
    } finally {
      stack.dispose();
    }
  });

  /** The operators program, plus a lookup, so that the program process signs in too. */
  const loginProgram = (test: string) =>
    `${programFor(test)}exports.visible = require("pulumi-chathub").getOrganizationsOutput().apply((r) => r.organizations.map((o) => o.name));\n`;

  /** A login of its own, granted organization 24 only, with a recognizable password. */
  function plantLogin(): { login: string; password: string } {
    const login = `login-${randomBytes(6).toString("hex")}`;
    const password = `planted-password-${randomBytes(12).toString("hex")}`;
    emulator.grantLogin(login, password, [24]);
    return { login, password };
  }

  function expectNoSecret(places: Record<string, string>, secrets: string[]): void {
    for (const [place, text] of Object.entries(places)) {
      expect(text.length, place).toBeGreaterThan(0);
      for (const secret of secrets) {
        expect(text.includes(secret), `${secret.slice(0, 12)}… appears in ${place}`).toBe(false);
      }
    }
  }

  it("login and password as config instead of a token: up, refresh and destroy, neither secret nor token in any output", async () => {
    const { login, password } = plantLogin();
    const stack = await chathubStack(emulator, "login-config", loginProgram("login"), {
      token: null,
      secrets: { "chathub:login": login, "chathub:password": password },
    });
    try {
      emulator.resetCounters();
      const printed = await deploy(stack);
      expect((await stack.outputs()).visible).toEqual(["Customer Support"]);
      const live = emulator.operators(24).filter((operator) => operator.name.endsWith("(login)"));
      expect(live.map((operator) => [operator.name, operator.status]).sort()).toEqual([
        ["Alex Brown (login)", 1],
        ["Emma Davis (login)", 0],
      ]);
      // Each process that talks to ChatHub signs in once, and no token was refused.
      expect(emulator.counters().byRoute["POST /api/company/get-token"]).toBeGreaterThanOrEqual(4);
      expect(emulator.counters().byStatus["401"]).toBeUndefined();
      const places: Record<string, string> = {
        "state file": stack.stateFileText(),
        "stack export": (await stack.exportState()).text,
        "stack outputs": JSON.stringify(await stack.outputs()),
        "CLI output": printed,
      };
      expectNoSecret(places, [password, login, SIGNED_IN_TOKEN_PREFIX]);
      // As with a token in stack config: the engine keeps config secrets, encrypted, in its default
      // provider's state only; no operator holds them, and no token obtained is anywhere.
      const decrypted = await stack.exportState(true);
      for (const resource of decrypted.resources) {
        expect(JSON.stringify(resource).includes(password), resource.urn).toBe(
          resource.type === DEFAULT_PROVIDER_TYPE,
        );
        expect(JSON.stringify(resource)).not.toContain(SIGNED_IN_TOKEN_PREFIX);
      }
      stack.writeProgram(operatorsProgram([]));
      const destroyed = await stack.destroy();
      expectNoSecret({ "destroy output": destroyed.stdout + destroyed.stderr }, [
        password,
        SIGNED_IN_TOKEN_PREFIX,
      ]);
      expect(
        emulator
          .operators(24)
          .filter((operator) => operator.name.endsWith("(login)") && operator.status !== 2),
      ).toEqual([]);
    } finally {
      stack.dispose();
    }
  });

  it("login and password from CHATHUB_LOGIN / CHATHUB_PASSWORD are not even in `--show-secrets` or at -v=9", async () => {
    const { login, password } = plantLogin();
    const stack = await chathubStack(emulator, "login-env", loginProgram("login-env"), {
      token: null,
      env: { CHATHUB_LOGIN: login, CHATHUB_PASSWORD: password },
    });
    try {
      const printed = await deploy(stack, "-v=9", "--logtostderr");
      expectNoSecret(
        {
          "state file": stack.stateFileText(),
          "stack export --show-secrets": (await stack.exportState(true)).text,
          "CLI output at -v=9": printed,
        },
        [password, login, SIGNED_IN_TOKEN_PREFIX],
      );
      stack.writeProgram(operatorsProgram([]));
      await stack.destroy();
    } finally {
      stack.dispose();
    }
  });

  it("a token that expires mid-deployment is recovered by one sign-in, creating nobody twice", async () => {
    const { login, password } = plantLogin();
    const name = `Expiring Token ${randomBytes(3).toString("hex")}`;
    const stack = await chathubStack(
      emulator,
      "login-expiry",
      operatorsProgram([{ key: "expiring", organizationId: 24, name }]),
      { token: null, secrets: { "chathub:login": login, "chathub:password": password } },
    );
    try {
      // Each token the emulator hands out now serves two requests, then answers 401 (expired).
      emulator.setBehaviour({ signedInTokenRequests: 2 });
      emulator.resetCounters();
      await stack.up();
      const { byRoute, byStatus } = emulator.counters();
      // Requests go one after another here: every 401 was followed by exactly one sign-in.
      expect(byStatus["401"]).toBeGreaterThanOrEqual(1);
      expect(byRoute["POST /api/company/get-token"]).toBe(1 + (byStatus["401"] ?? 0));
      const live = emulator.operators(24).filter((operator) => operator.name === name);
      expect(live).toHaveLength(1);
      expect((await stack.outputs()).operators).toMatchObject({ expiring: { operatorId: live[0]?.id } });
      await stack.destroy();
      expect(emulator.operators(24).find((operator) => operator.name === name)?.status).toBe(2);
    } finally {
      emulator.setBehaviour({ signedInTokenRequests: null });
      stack.dispose();
    }
  });

  it("from CHATHUB_TOKEN, is not even in `stack export --show-secrets`", async () => {
    const token = `planted-${randomBytes(12).toString("hex")}`;
    emulator.grantToken(token, [24]);
    const stack = await chathubStack(emulator, "token-env", programFor("env"), {
      token: null,
      env: { CHATHUB_TOKEN: token },
    });
    try {
      const printed = await deploy(stack, "-v=9", "--logtostderr");
      const places: Record<string, string> = {
        "state file": stack.stateFileText(),
        "stack export": (await stack.exportState()).text,
        "stack export --show-secrets": (await stack.exportState(true)).text,
        "CLI output at -v=9": printed,
      };
      for (const [place, text] of Object.entries(places)) {
        expect(text.length, place).toBeGreaterThan(0);
        expect(text.includes(token), `the token appears in ${place}`).toBe(false);
      }
      stack.writeProgram(operatorsProgram([]));
      await stack.destroy();
    } finally {
      stack.dispose();
    }
  });
});

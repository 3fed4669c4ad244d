import { describe, expect, it } from "vitest";
import { ChatHubConfigError } from "../../../src/api";
import { PRODUCTION_BASE_URL, readProviderSettings, requireCredentials } from "../../../src/core/settings";
import { UNKNOWN } from "../../../src/core/unknown";
import { stackSettings } from "../../../src/dynamic/protocol";
import { checkProviderConfig } from "../../../src/native/config";

/** The stack's `chathub:*` config, as a dynamic provider is configured with it. */
const stack = (values: Record<string, string>) => stackSettings({ get: (key: string) => values[key] });

function configError(read: () => unknown): ChatHubConfigError {
  try {
    read();
  } catch (error) {
    if (error instanceof ChatHubConfigError) return error;
    throw error;
  }
  throw new Error("expected a configuration error");
}

describe("credentials in the chathub:* settings", () => {
  it("read chathub:login and chathub:password, falling back to CHATHUB_LOGIN and CHATHUB_PASSWORD", () => {
    const fromConfig = readProviderSettings(
      stack({ "chathub:login": " acme ", "chathub:password": " pass word " }),
      { CHATHUB_LOGIN: "env-login", CHATHUB_PASSWORD: "env-password" },
    );
    // The login is trimmed; a password is taken as it is.
    expect(requireCredentials(fromConfig)).toEqual({ kind: "login", login: "acme", password: " pass word " });
    const fromEnv = readProviderSettings(stack({ "chathub:login": "  " }), {
      CHATHUB_LOGIN: "env-login",
      CHATHUB_PASSWORD: "env-pw",
    });
    expect(requireCredentials(fromEnv)).toEqual({ kind: "login", login: "env-login", password: "env-pw" });
  });

  it("prefer a token when both a token and a login are set", () => {
    const settings = readProviderSettings(stack({ "chathub:login": "acme", "chathub:password": "pw" }), {
      CHATHUB_TOKEN: "the-token",
    });
    expect(requireCredentials(settings)).toEqual({ kind: "token", token: "the-token" });
  });

  it("name the missing half of a login, and every way to give credentials when there are none", () => {
    const missing = (values: Record<string, string>) =>
      configError(() => requireCredentials(readProviderSettings(stack(values), {})));
    expect(missing({ "chathub:login": "acme" }).configKey).toBe("chathub:password");
    expect(missing({ "chathub:password": "secret-pw" }).configKey).toBe("chathub:login");
    expect(missing({ "chathub:password": "secret-pw" }).message).not.toContain("secret-pw");
    const none = missing({});
    for (const text of [
      "chathub:token",
      "CHATHUB_TOKEN",
      "chathub:login",
      "chathub:password",
      "CHATHUB_LOGIN",
    ]) {
      expect(none.message).toContain(text);
    }
  });
});

describe("the chathub:* settings, parsed by their declaration", () => {
  it("read the same from the stack's text and from the engine's typed values", () => {
    const fromStack = readProviderSettings(
      stack({
        "chathub:token": " t0k3n ",
        "chathub:baseUrl": "http://127.0.0.1:8080",
        "chathub:requestsPerSecond": " 2.5 ",
        "chathub:timeoutMs": "1000",
      }),
      {},
    );
    const fromEngine = readProviderSettings(
      {
        token: "t0k3n",
        baseUrl: "http://127.0.0.1:8080",
        requestsPerSecond: 2.5,
        timeoutMs: 1000,
      },
      {},
    );
    expect(fromStack).toEqual({
      token: "t0k3n",
      baseUrl: "http://127.0.0.1:8080",
      requestsPerSecond: 2.5,
      timeoutMs: 1000,
    });
    expect(fromEngine).toEqual(fromStack);
  });

  it("default the base URL to production, from the declaration; blank is not set", () => {
    expect(readProviderSettings(stack({ "chathub:baseUrl": " ", "chathub:timeoutMs": "" }), {})).toEqual({
      baseUrl: PRODUCTION_BASE_URL,
    });
    expect(readProviderSettings({}, { CHATHUB_BASE_URL: "http://127.0.0.1:1" }).baseUrl).toBe(
      "http://127.0.0.1:1",
    );
  });

  it("refuse a number that is not one, naming the key and the fix", () => {
    const error = configError(() => readProviderSettings(stack({ "chathub:requestsPerSecond": "fast" }), {}));
    expect(error.configKey).toBe("chathub:requestsPerSecond");
    expect(error.message).toBe(
      'chathub:requestsPerSecond must be a positive number, got "fast". Fix it with `pulumi config set chathub:requestsPerSecond <number>`.',
    );
    for (const bad of ["0", "-1", "Infinity"]) {
      expect(
        configError(() => readProviderSettings(stack({ "chathub:requestsPerSecond": bad }), {})).message,
      ).toContain(`got "${bad}"`);
    }
    // The declaration says timeoutMs is an integer.
    expect(configError(() => readProviderSettings({ timeoutMs: 1.5 }, {})).message).toBe(
      'chathub:timeoutMs must be a positive whole number, got "1.5". Fix it with `pulumi config set chathub:timeoutMs <number>`.',
    );
  });
});

describe("an explicit native provider's settings at CheckConfig", () => {
  it("name each property that cannot be used, with the same message as the stack's", () => {
    expect(
      checkProviderConfig({ requestsPerSecond: -1, timeoutMs: "soon", baseUrl: "http://127.0.0.1:1" }),
    ).toEqual([
      {
        property: "requestsPerSecond",
        reason:
          'chathub:requestsPerSecond must be a positive number, got "-1". Fix it with `pulumi config set chathub:requestsPerSecond <number>`.',
      },
      {
        property: "timeoutMs",
        reason:
          'chathub:timeoutMs must be a positive whole number, got "soon". Fix it with `pulumi config set chathub:timeoutMs <number>`.',
      },
    ]);
  });

  it("leave values not known yet, nulls and missing credentials to later, and never echo text", () => {
    expect(checkProviderConfig({ token: UNKNOWN, login: null, requestsPerSecond: "5" })).toEqual([]);
    expect(checkProviderConfig({})).toEqual([]);
    expect(checkProviderConfig({ token: ["s3cr3t-token"] })).toEqual([
      { property: "token", reason: "chathub:token must be text, got object." },
    ]);
  });
});

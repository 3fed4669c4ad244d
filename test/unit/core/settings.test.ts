import { describe, expect, it } from "vitest";
import { ChatHubConfigError } from "../../../src/api";
import { readProviderSettings, requireCredentials } from "../../../src/core/settings";

const config = (values: Record<string, string>) => ({ get: (key: string) => values[key] });

describe("credentials in the chathub:* settings", () => {
  it("read chathub:login and chathub:password, falling back to CHATHUB_LOGIN and CHATHUB_PASSWORD", () => {
    const fromConfig = readProviderSettings(
      config({ "chathub:login": " acme ", "chathub:password": " pass word " }),
      { CHATHUB_LOGIN: "env-login", CHATHUB_PASSWORD: "env-password" },
    );
    // The login is trimmed; a password is taken as it is.
    expect(requireCredentials(fromConfig)).toEqual({ kind: "login", login: "acme", password: " pass word " });
    const fromEnv = readProviderSettings(config({}), {
      CHATHUB_LOGIN: "env-login",
      CHATHUB_PASSWORD: "env-pw",
    });
    expect(requireCredentials(fromEnv)).toEqual({ kind: "login", login: "env-login", password: "env-pw" });
  });

  it("prefer a token when both a token and a login are set", () => {
    const settings = readProviderSettings(config({ "chathub:login": "acme", "chathub:password": "pw" }), {
      CHATHUB_TOKEN: "the-token",
    });
    expect(requireCredentials(settings)).toEqual({ kind: "token", token: "the-token" });
  });

  it("name the missing half of a login, and every way to give credentials when there are none", () => {
    const missing = (values: Record<string, string>) => {
      try {
        requireCredentials(readProviderSettings(config(values), {}));
      } catch (error) {
        return error as ChatHubConfigError;
      }
      throw new Error("expected a configuration error");
    };
    expect(missing({ "chathub:login": "acme" }).configKey).toBe("chathub:password");
    expect(missing({ "chathub:password": "secret-pw" }).configKey).toBe("chathub:login");
    expect(missing({ "chathub:password": "secret-pw" }).message).not.toContain("secret-pw");
    const none = missing({});
    expect(none).toBeInstanceOf(ChatHubConfigError);
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

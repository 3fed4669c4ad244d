import {
  ChatHubClient,
  type ChatHubClientOptions,
  ChatHubConfigError,
  type CompanyCredentials,
  resolveCredentials,
} from "../api";

import { CONFIG_KEYS, PRODUCTION_BASE_URL, type ProviderSettings, settingOf } from "./provider-config";

export { PRODUCTION_BASE_URL, type ProviderSettings };

/** The subset of a dynamic provider's `ConfigureRequest.config` used here. */
export interface StackConfig {
  get(key: string): string | undefined;
}

/**
 * Reads `chathub:*` from the stack, falling back to CHATHUB_TOKEN / CHATHUB_LOGIN /
 * CHATHUB_PASSWORD / CHATHUB_BASE_URL. Credentials stay in this process's memory: they are never
 * an input, an output, or part of the provider that Pulumi serializes into the state.
 */
export function readProviderSettings(
  config: StackConfig,
  env: NodeJS.ProcessEnv = process.env,
): ProviderSettings {
  const settings: ProviderSettings = { baseUrl: PRODUCTION_BASE_URL };
  for (const key of CONFIG_KEYS) {
    const { doc, type, default: fallback } = settingOf(key);
    if (type !== "string") {
      const value = positiveNumber(config, `chathub:${key}`);
      if (value !== undefined) settings[key as "requestsPerSecond" | "timeoutMs"] = value;
      continue;
    }
    // A password is taken as it is (blanks may belong to it), unless it is blank altogether.
    const read = key === "password" ? nonBlank : nonEmpty;
    const value =
      read(config.get(`chathub:${key}`)) ?? (doc.env === undefined ? undefined : read(env[doc.env]));
    const chosen = value ?? fallback;
    if (chosen !== undefined) settings[key as "token" | "login" | "password" | "baseUrl"] = chosen;
  }
  return settings;
}

/**
 * The token, or the login and password (a token wins when both are set). Throws the error a user
 * can act on when neither is complete; sends nothing anywhere.
 */
export function requireCredentials(settings: ProviderSettings): CompanyCredentials {
  return resolveCredentials(settings);
}

/**
 * The client these settings describe (throws the config error a user can act on; sends
 * nothing). The provider process and the program process (getOperators) both build theirs here.
 */
export function clientFromSettings(
  settings: ProviderSettings,
  extra: Partial<ChatHubClientOptions> = {},
): ChatHubClient {
  return new ChatHubClient({
    ...extra,
    baseUrl: settings.baseUrl,
    ...credentialOptions(requireCredentials(settings)),
    ...(settings.requestsPerSecond === undefined ? {} : { requestsPerSecond: settings.requestsPerSecond }),
    ...(settings.timeoutMs === undefined ? {} : { timeoutMs: settings.timeoutMs }),
  });
}

function credentialOptions(
  credentials: CompanyCredentials,
): Pick<ChatHubClientOptions, "token" | "login" | "password"> {
  return credentials.kind === "token"
    ? { token: credentials.token }
    : { login: credentials.login, password: credentials.password };
}

function nonBlank(value: string | undefined): string | undefined {
  return value?.trim() ? value : undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function positiveNumber(config: StackConfig, key: string): number | undefined {
  const raw = nonEmpty(config.get(key));
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new ChatHubConfigError(
      key,
      `${key} must be a positive number, got "${raw}". Fix it with \`pulumi config set ${key} <number>\`.`,
    );
  }
  return value;
}

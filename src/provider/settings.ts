import { ChatHubClient, type ChatHubClientOptions, ChatHubConfigError } from "../api";

/** The vendor's production API. */
export const PRODUCTION_BASE_URL = "https://chatapi.smsbat.com";

/** What the provider needs to reach ChatHub, read from the stack inside the provider process. */
export interface ProviderSettings {
  baseUrl: string;
  token: string | undefined;
  requestsPerSecond?: number;
  timeoutMs?: number;
}

/** The subset of a dynamic provider's `ConfigureRequest.config` used here. */
export interface StackConfig {
  get(key: string): string | undefined;
}

/**
 * Reads `chathub:*` from the stack, falling back to CHATHUB_TOKEN / CHATHUB_BASE_URL. The token
 * stays in this process's memory: it is never an input, an output, or part of the provider
 * that Pulumi serializes into the state.
 */
export function readProviderSettings(
  config: StackConfig,
  env: NodeJS.ProcessEnv = process.env,
): ProviderSettings {
  const settings: ProviderSettings = {
    baseUrl: nonEmpty(config.get("chathub:baseUrl")) ?? nonEmpty(env.CHATHUB_BASE_URL) ?? PRODUCTION_BASE_URL,
    token: nonEmpty(config.get("chathub:token")) ?? nonEmpty(env.CHATHUB_TOKEN),
  };
  const requestsPerSecond = positiveNumber(config, "chathub:requestsPerSecond");
  if (requestsPerSecond !== undefined) settings.requestsPerSecond = requestsPerSecond;
  const timeoutMs = positiveNumber(config, "chathub:timeoutMs");
  if (timeoutMs !== undefined) settings.timeoutMs = timeoutMs;
  return settings;
}

/** Throws the error a user can act on when the settings cannot work; sends nothing anywhere. */
export function requireToken(settings: ProviderSettings): string {
  if (settings.token === undefined) {
    throw new ChatHubConfigError(
      "chathub:token",
      "No ChatHub company token is configured. Set it with `pulumi config set --secret chathub:token <token>` " +
        "or the CHATHUB_TOKEN environment variable.",
    );
  }
  return settings.token;
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
    token: requireToken(settings),
    ...(settings.requestsPerSecond === undefined ? {} : { requestsPerSecond: settings.requestsPerSecond }),
    ...(settings.timeoutMs === undefined ? {} : { timeoutMs: settings.timeoutMs }),
  });
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

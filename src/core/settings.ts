import {
  ChatHubClient,
  type ChatHubClientOptions,
  ChatHubConfigError,
  type CompanyCredentials,
  resolveCredentials,
} from "../api";
import {
  CONFIG_KEYS,
  type ConfigKey,
  PRODUCTION_BASE_URL,
  type ProviderSettings,
  providerConfigSchema,
  settingOf,
  stackConfigKey,
} from "./provider-config";
import { isUnknown } from "./unknown";

export { PRODUCTION_BASE_URL, type ProviderSettings };

/**
 * The provider's settings as they are given, by bare key (`token`): the stack's `chathub:*` text
 * (a TypeScript program, a dynamic provider), or an explicit native provider's inputs as the engine
 * sends them (numbers as numbers, or as text from older engines). Absent, null, not known yet or
 * blank is not set.
 */
export type GivenSettings = Partial<Record<ConfigKey, unknown>>;

/** A setting that cannot be used: its key and the message a user acts on. */
export interface SettingProblem {
  key: ConfigKey;
  message: string;
}

export type ParsedSettings =
  | { ok: true; settings: ProviderSettings }
  | { ok: false; problems: [SettingProblem, ...SettingProblem[]] };

/**
 * The settings, parsed by their declaration (providerConfigSchema), falling back to CHATHUB_TOKEN /
 * CHATHUB_LOGIN / CHATHUB_PASSWORD / CHATHUB_BASE_URL. Credentials stay in this process's memory:
 * they are never an input, an output, or part of the provider that Pulumi serializes into the state.
 */
export function parseProviderSettings(
  given: GivenSettings,
  env: NodeJS.ProcessEnv = process.env,
): ParsedSettings {
  const values: GivenSettings = {};
  const typed: GivenSettings = {};
  for (const key of CONFIG_KEYS) {
    const { doc, type } = settingOf(key);
    const value =
      givenValue(key, given[key]) ?? (doc.env === undefined ? undefined : givenValue(key, env[doc.env]));
    if (value === undefined) continue;
    values[key] = value;
    // Stack config is text: a numeric setting's text is read as the number it spells.
    typed[key] = typeof value === "string" && type !== "string" ? Number(value) : value;
  }
  const parsed = providerConfigSchema.safeParse(typed);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const failed = new Set(parsed.error.issues.map((issue) => issue.path[0]));
  const [first, ...rest] = CONFIG_KEYS.filter((key) => failed.has(key)).map((key) => ({
    key,
    message: problemWith(key, values[key]),
  }));
  if (first === undefined) throw parsed.error; // every issue is one key's: the values are an object
  return { ok: false, problems: [first, ...rest] };
}

/** The settings, or the first problem as the configuration error a user can act on. */
export function readProviderSettings(
  given: GivenSettings,
  env: NodeJS.ProcessEnv = process.env,
): ProviderSettings {
  const parsed = parseProviderSettings(given, env);
  if (parsed.ok) return parsed.settings;
  const [{ key, message }] = parsed.problems;
  throw new ChatHubConfigError(stackConfigKey(key), message);
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

/** A value as given, or undefined when it is not set. Text is trimmed, except a password's. */
function givenValue(key: ConfigKey, value: unknown): unknown {
  if (value === undefined || value === null || isUnknown(value)) return undefined;
  if (typeof value !== "string" || value.trim() === "") return typeof value === "string" ? undefined : value;
  // A password is taken as it is (blanks may belong to it), unless it is blank altogether.
  return key === "password" ? value : value.trim();
}

/** What the schema refused, said with the key to set. Only a number's value is echoed: text may be a secret. */
function problemWith(key: ConfigKey, value: unknown): string {
  const name = stackConfigKey(key);
  const { type } = settingOf(key);
  if (type === "string") return `${name} must be text, got ${value === null ? "null" : typeof value}.`;
  const shown = typeof value === "object" ? JSON.stringify(value) : String(value);
  const what = type === "integer" ? "a positive whole number" : "a positive number";
  return `${name} must be ${what}, got "${shown}". Fix it with \`pulumi config set ${name} <number>\`.`;
}

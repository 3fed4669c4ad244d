import { type CompanyCredentials, resolveCredentials, secretsOf } from "./credentials";
import { ChatHubConfigError } from "./errors";
import { Redactor } from "./redact";

export interface ChatHubClientOptions {
  /** API root, e.g. https://chatapi.smsbat.com (config `chathub:baseUrl`, env `CHATHUB_BASE_URL`). */
  baseUrl: string;
  /** Company token sent as `Authorization: Bearer …` (config `chathub:token`, env `CHATHUB_TOKEN`); wins over login. */
  token?: string;
  /** Company login, signed in with once, instead of a token (config `chathub:login`, env `CHATHUB_LOGIN`). */
  login?: string;
  /** The login's password (config `chathub:password`, env `CHATHUB_PASSWORD`). */
  password?: string;
  /** Time allowed for each attempt, in milliseconds (config `chathub:timeoutMs`). Default 30000. */
  timeoutMs?: number;
  /**
   * Requests per second, shared by every concurrent call of one client (config `chathub:requestsPerSecond`).
   * Default 40: SMSBAT documents 50 per company, and the headroom leaves room for the company's other clients.
   * A 429 slows the client below this; it never goes above.
   */
  requestsPerSecond?: number;
  /** Retries after the first attempt, for failures known to be safe to repeat. Default 5. */
  maxRetries?: number;
  /** How long a listed roster is reused, in milliseconds; 0 disables the cache (calls still coalesce). Default 2000. */
  listCacheTtlMs?: number;
  /** First backoff delay in milliseconds; doubles with each retry, with jitter. Default 300. */
  retryBaseDelayMs?: number;
  /** Longest backoff between two attempts, unless the server's Retry-After asks for more. Default 30000. */
  retryMaxDelayMs?: number;
  /** First backoff after a 429 that has no Retry-After; doubles with each retry (SMSBAT's advice). Default 1000. */
  rateLimitBackoffMs?: number;
  /** User-Agent header. Default "pulumi-chathub". */
  userAgent?: string;
}

export type ResolvedClientOptions = Required<Omit<ChatHubClientOptions, "token" | "login" | "password">> & {
  credentials: CompanyCredentials;
};

export const DEFAULT_CLIENT_OPTIONS = {
  timeoutMs: 30_000,
  requestsPerSecond: 40,
  maxRetries: 5,
  listCacheTtlMs: 2_000,
  retryBaseDelayMs: 300,
  retryMaxDelayMs: 30_000,
  rateLimitBackoffMs: 1_000,
  userAgent: "pulumi-chathub",
} as const;

/** Checks every option and fills in defaults, naming the config key to fix when a value cannot work. */
export function resolveClientOptions(options: ChatHubClientOptions): ResolvedClientOptions {
  const credentials = resolveCredentials(options);
  return {
    baseUrl: resolveBaseUrl(options.baseUrl, new Redactor(...secretsOf(credentials))),
    credentials,
    // axios truncates the timeout to an integer, and 0 would mean "wait forever".
    timeoutMs: Math.ceil(
      positive(
        options.timeoutMs,
        DEFAULT_CLIENT_OPTIONS.timeoutMs,
        "chathub:timeoutMs",
        "a positive number of milliseconds",
      ),
    ),
    requestsPerSecond: positive(
      options.requestsPerSecond,
      DEFAULT_CLIENT_OPTIONS.requestsPerSecond,
      "chathub:requestsPerSecond",
      "a positive number",
    ),
    maxRetries: nonNegativeInteger(options.maxRetries, DEFAULT_CLIENT_OPTIONS.maxRetries, "maxRetries"),
    listCacheTtlMs: nonNegative(
      options.listCacheTtlMs,
      DEFAULT_CLIENT_OPTIONS.listCacheTtlMs,
      "listCacheTtlMs",
    ),
    retryBaseDelayMs: nonNegative(
      options.retryBaseDelayMs,
      DEFAULT_CLIENT_OPTIONS.retryBaseDelayMs,
      "retryBaseDelayMs",
    ),
    retryMaxDelayMs: nonNegative(
      options.retryMaxDelayMs,
      DEFAULT_CLIENT_OPTIONS.retryMaxDelayMs,
      "retryMaxDelayMs",
    ),
    rateLimitBackoffMs: nonNegative(
      options.rateLimitBackoffMs,
      DEFAULT_CLIENT_OPTIONS.rateLimitBackoffMs,
      "rateLimitBackoffMs",
    ),
    userAgent: options.userAgent?.trim() || DEFAULT_CLIENT_OPTIONS.userAgent,
  };
}

function resolveBaseUrl(value: unknown, redactor: Redactor): string {
  const text = typeof value === "string" ? value.trim() : "";
  const example = "such as https://chatapi.smsbat.com";
  if (text.length === 0) {
    throw new ChatHubConfigError(
      "chathub:baseUrl",
      `The ChatHub base URL is missing: set chathub:baseUrl or CHATHUB_BASE_URL to an absolute http(s) URL ${example}.`,
    );
  }
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw new ChatHubConfigError(
      "chathub:baseUrl",
      `chathub:baseUrl (CHATHUB_BASE_URL) must be an absolute http(s) URL ${example}; got "${redactor.text(text)}".`,
    );
  }
  return text.replace(/\/+$/, "");
}

function positive(value: number | undefined, fallback: number, key: string, what: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new ChatHubConfigError(key, `${key} must be ${what}; got ${String(value)}.`);
  }
  return value;
}

function nonNegative(value: number | undefined, fallback: number, option: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new ChatHubConfigError(
      option,
      `ChatHubClient option ${option} must be zero or more; got ${String(value)}.`,
    );
  }
  return value;
}

function nonNegativeInteger(value: number | undefined, fallback: number, option: string): number {
  const resolved = nonNegative(value, fallback, option);
  if (!Number.isInteger(resolved)) {
    throw new ChatHubConfigError(
      option,
      `ChatHubClient option ${option} must be a whole number; got ${resolved}.`,
    );
  }
  return resolved;
}

import type { AxiosError, AxiosInstance } from "axios";
import axiosRetry, { exponentialDelay, isNetworkError, retryAfter } from "axios-retry";
import type { Timer } from "./timer";

/** Answers that say "not now" rather than "no": the request can be repeated later. */
const TRANSIENT_STATUSES = new Set([429, 502, 503, 504]);

export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** First backoff after a 429 without Retry-After; SMSBAT advises 1 s, 2 s, 4 s, 8 s... */
  rateLimitBaseDelayMs: number;
}

/** An attempt that ran out of time (axios reports ETIMEDOUT with `clarifyTimeoutError`). */
export function isTimeout(error: AxiosError): boolean {
  if (error.response) return false;
  return error.code === "ETIMEDOUT" || (error.code === "ECONNABORTED" && /timeout/i.test(error.message));
}

/** For requests that are safe to repeat (list, status): transient statuses, timeouts and network failures. */
export function isWorthRetrying(error: AxiosError): boolean {
  if (error.response) return TRANSIENT_STATUSES.has(error.response.status);
  return isTimeout(error) || isNetworkError(error);
}

/**
 * For synchronize, which creates operators and is not idempotent: only failures known not to
 * have been applied — a 429, or a connection refused before anything was sent.
 */
export function isSynchronizeWorthRetrying(error: AxiosError): boolean {
  if (error.response) return error.response.status === 429;
  return error.code === "ECONNREFUSED";
}

/**
 * Exponential backoff with jitter, capped, but never shorter than the server's Retry-After. A 429
 * without Retry-After backs off from the vendor's own first step instead.
 */
export function backoffDelay(
  retryNumber: number,
  error: AxiosError | undefined,
  policy: RetryPolicy,
): number {
  const serverSays = retryAfter(error);
  const base =
    error?.response?.status === 429 && serverSays === 0 ? policy.rateLimitBaseDelayMs : policy.baseDelayMs;
  const backoff = Math.min(exponentialDelay(retryNumber - 1, undefined, base), policy.maxDelayMs);
  return Math.max(backoff, serverSays);
}

/** How many attempts a failed request made, as axios-retry recorded them on its config. */
export function attemptsMade(error: AxiosError): number {
  return (error.config?.["axios-retry"]?.retryCount ?? 0) + 1;
}

/** Retries safe requests by default; a request can narrow the condition with its own `axios-retry` config. */
export function installRetries(http: AxiosInstance, policy: RetryPolicy, timer: Timer): void {
  axiosRetry(http, {
    retries: policy.maxRetries,
    retryCondition: isWorthRetrying,
    // The backoff is waited on the timer (axios-retry awaits onRetry), so that tests count it.
    retryDelay: () => 0,
    onRetry: (retryNumber, error) => timer.sleep(backoffDelay(retryNumber, error, policy)),
    // Each attempt gets the full timeoutMs, rather than sharing one budget.
    shouldResetTimeout: true,
  });
}

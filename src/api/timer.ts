/**
 * The time the API client reads and waits on: its pace, its lists' lifetime, the spacing between
 * requests, Retry-After and backoff. One object, so that tests give the client their own and count
 * the waits it asks for instead of timing them. (Dated roster entries use core/clock.ts: the day,
 * not milliseconds.)
 */
export interface Timer {
  /** Milliseconds, as Date.now. */
  now(): number;
  /** Resolves after `ms` milliseconds. */
  sleep(ms: number): Promise<void>;
}

export const REAL_TIMER: Timer = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Where the client reads the time and waits: the real clock unless the caller gives its own. A
 * test gives one that records each wait and moves on at once, and so counts the waits the client
 * asks for instead of timing them.
 */
export interface Clock {
  /** Milliseconds, as Date.now. */
  now(): number;
  /** Resolves once `ms` milliseconds have passed on this clock. */
  sleep(ms: number): Promise<void>;
}

export const REAL_CLOCK: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

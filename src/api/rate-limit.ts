import type { AxiosError, AxiosInstance, InternalAxiosRequestConfig } from "axios";
import { retryAfter } from "axios-retry";
import type { AdaptivePace } from "./adaptive-pace";
import type { Clock } from "./clock";

/**
 * Spaces out every attempt of one axios instance — first tries and retries alike, from all
 * concurrent callers — at the pace's current rate, and holds them all while a Retry-After runs.
 * Every 429 is reported to the pace, which slows down. Time is the pace's clock; waits are `sleep`.
 * Install it before the retries, so that it sees each attempt's answer, not only the last.
 */
export function installRateLimit(http: AxiosInstance, pace: AdaptivePace, sleep: Clock["sleep"]): void {
  let lastSentAt = Number.NEGATIVE_INFINITY;
  // The spacing follows the pace as it is now, recovered or slowed while this attempt waited.
  const waitMs = () => Math.max(lastSentAt + 1000 / pace.perSecond() - pace.now(), pace.pauseMs());
  // One attempt waits its turn at a time, so that a pause holds the queue rather than every waiting call at once.
  let queue: Promise<unknown> = Promise.resolve();
  const sentAt = new WeakMap<InternalAxiosRequestConfig, number>();

  http.interceptors.request.use(async (config) => {
    const turn = queue.then(async () => {
      for (let wait = waitMs(); wait > 0; wait = waitMs()) await sleep(wait);
      lastSentAt = pace.now();
      return lastSentAt;
    });
    queue = turn.catch(() => undefined);
    sentAt.set(config, await turn);
    return config;
  });

  http.interceptors.response.use(undefined, (error: AxiosError) => {
    if (error.response?.status === 429) {
      const config = error.config;
      pace.rateLimited((config && sentAt.get(config)) ?? pace.now(), retryAfter(error));
    }
    throw error;
  });
}

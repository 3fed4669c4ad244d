import type { AxiosError, AxiosInstance, InternalAxiosRequestConfig } from "axios";
import { retryAfter } from "axios-retry";
import Bottleneck from "bottleneck";
import type { AdaptivePace } from "./adaptive-pace";
import type { Timer } from "./timer";

/**
 * Spaces out every attempt of one axios instance — first tries and retries alike, from all
 * concurrent callers — at the pace's current rate, and holds them all while a Retry-After runs.
 * Every 429 is reported to the pace, which slows down.
 * Install it before the retries, so that it sees each attempt's answer, not only the last.
 */
export function installRateLimit(http: AxiosInstance, pace: AdaptivePace, timer: Timer): void {
  // One dispatch at a time, in the order asked: a pause holds the queue rather than every waiting
  // call at once. The waits are the timer's (not Bottleneck's minTime), so that tests count them.
  const queue = new Bottleneck({ maxConcurrent: 1 });
  let lastSentAt = Number.NEGATIVE_INFINITY;
  const sentAt = new WeakMap<InternalAxiosRequestConfig, number>();

  // The spacing follows the pace as it is at each dispatch, recovered or slowed.
  const waitMs = () => Math.max(pace.pauseMs(), lastSentAt + 1000 / pace.perSecond() - timer.now());

  http.interceptors.request.use(async (config) => {
    await queue.schedule(async () => {
      for (let wait = waitMs(); wait > 0; wait = waitMs()) await timer.sleep(wait);
      lastSentAt = timer.now();
    });
    sentAt.set(config, lastSentAt);
    return config;
  });

  http.interceptors.response.use(undefined, (error: AxiosError) => {
    if (error.response?.status === 429) {
      const config = error.config;
      pace.rateLimited((config && sentAt.get(config)) ?? timer.now(), retryAfter(error));
    }
    throw error;
  });
}

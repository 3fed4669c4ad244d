import type { AxiosError, AxiosInstance, InternalAxiosRequestConfig } from "axios";
import { retryAfter } from "axios-retry";
import Bottleneck from "bottleneck";
import type { AdaptivePace } from "./adaptive-pace";

/**
 * Spaces out every attempt of one axios instance — first tries and retries alike, from all
 * concurrent callers — at the pace's current rate, and holds them all while a Retry-After runs.
 * Every 429 is reported to the pace, which slows down.
 * Install it before the retries, so that it sees each attempt's answer, not only the last.
 */
export function installRateLimit(http: AxiosInstance, pace: AdaptivePace): void {
  const minTime = () => 1000 / pace.perSecond();
  let appliedMinTime = minTime();
  // One dispatch at a time, so that a pause holds the queue rather than every waiting call at once.
  const limiter = new Bottleneck({ maxConcurrent: 1, minTime: appliedMinTime });
  const sentAt = new WeakMap<InternalAxiosRequestConfig, number>();

  const followPace = () => {
    const wanted = minTime();
    if (Math.abs(wanted - appliedMinTime) < 0.5) return;
    appliedMinTime = wanted;
    limiter.updateSettings({ minTime: wanted });
  };

  http.interceptors.request.use(async (config) => {
    await limiter.schedule(async () => {
      // The spacing after this dispatch follows the pace as it is now, recovered or slowed.
      followPace();
      for (let pause = pace.pauseMs(); pause > 0; pause = pace.pauseMs()) {
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    });
    sentAt.set(config, pace.now());
    return config;
  });

  http.interceptors.response.use(undefined, (error: AxiosError) => {
    if (error.response?.status === 429) {
      const config = error.config;
      pace.rateLimited((config && sentAt.get(config)) ?? pace.now(), retryAfter(error));
      followPace();
    }
    throw error;
  });
}

import type { AxiosInstance, InternalAxiosRequestConfig } from "axios";
import Bottleneck from "bottleneck";

/**
 * Spaces out every attempt of one axios instance — first tries and retries alike, from all
 * concurrent callers — to at most `requestsPerSecond`, then reports each attempt as it leaves.
 */
export function installRateLimit(
  http: AxiosInstance,
  requestsPerSecond: number,
  onDispatch: (config: InternalAxiosRequestConfig) => void,
): void {
  const limiter = new Bottleneck({ minTime: 1000 / requestsPerSecond });
  http.interceptors.request.use(async (config) => {
    await limiter.schedule(async () => undefined);
    onDispatch(config);
    return config;
  });
}

import type { EmulatorBehaviour } from "./behaviour";
import { createRandom } from "./random";
import { SlidingWindowRateLimiter } from "./rate-limiter";
import { type RateDecision, TokenBucket } from "./token-bucket";

/**
 * Decides, request by request, which faults the emulator injects.
 * Each kind of fault draws from its own seeded generator, so switching one fault on
 * does not change which requests another fault hits.
 */
export class FaultInjector {
  private spikeRandom: () => number;
  private failureRandom: () => number;
  private dropRandom: () => number;
  private readonly slidingWindow = new SlidingWindowRateLimiter();
  private readonly tokenBucket = new TokenBucket();

  constructor(private readonly behaviour: () => EmulatorBehaviour) {
    const { seed } = behaviour();
    this.spikeRandom = createRandom(seed);
    this.failureRandom = createRandom(seed + 1);
    this.dropRandom = createRandom(seed + 2);
  }

  /** Starts the pseudo-random sequences again from `seed`. */
  reseed(seed: number): void {
    this.spikeRandom = createRandom(seed);
    this.failureRandom = createRandom(seed + 1);
    this.dropRandom = createRandom(seed + 2);
  }

  /** How long to hold this request before doing anything: base latency plus a possible spike. */
  delayMs(): number {
    const { latencyMs, latencySpikeRate, latencySpikeMs } = this.behaviour();
    const spike = latencySpikeRate > 0 && this.spikeRandom() < latencySpikeRate ? latencySpikeMs : 0;
    return latencyMs + spike;
  }

  rateLimit(now: number): RateDecision {
    const { rateLimitPerSecond, rateLimitBurst } = this.behaviour();
    if (rateLimitPerSecond === null) return { allowed: true };
    // Without a burst, the original switch: at most `rateLimitPerSecond` in any one second.
    if (rateLimitBurst === null) return this.slidingWindow.decide(rateLimitPerSecond, now);
    return this.tokenBucket.decide(rateLimitPerSecond, rateLimitBurst, now);
  }

  shouldFail(): boolean {
    const { failureRate } = this.behaviour();
    return failureRate > 0 && this.failureRandom() < failureRate;
  }

  shouldDropSynchronizeAnswer(): boolean {
    const { dropSyncRate } = this.behaviour();
    return dropSyncRate > 0 && this.dropRandom() < dropSyncRate;
  }

  /** Forgets the requests the rate limiter has seen, e.g. after its limit changed. */
  resetRateLimit(): void {
    this.slidingWindow.reset();
    this.tokenBucket.reset();
  }
}

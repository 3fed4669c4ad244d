import { REAL_TIMER } from "./timer";

/** How the pace reacts to 429s; the defaults suit SMSBAT's per-company limit (50/s, bursts of 75). */
export interface PaceTuning {
  /** The pace is multiplied by this on a 429. */
  slowDownFactor: number;
  /** No request is paced slower than this many per second (or the ceiling, if lower). */
  floorPerSecond: number;
  /** Time without a 429 before the pace starts to recover. */
  quietMs: number;
  /** While recovering, the pace grows by this factor per second... */
  recoveryPerSecond: number;
  /** ...up to this fraction of the last pace ChatHub refused, */
  refusedMargin: number;
  /** ...and beyond it, probing for more, by this fraction of that pace per second. */
  probePerSecond: number;
}

export const DEFAULT_PACE_TUNING: PaceTuning = {
  slowDownFactor: 0.5,
  floorPerSecond: 1,
  quietMs: 2_000,
  recoveryPerSecond: 1.25,
  refusedMargin: 0.9,
  probePerSecond: 0.02,
};

/**
 * The requests per second one client may send, shared by all its calls: the configured pace,
 * halved by a 429 (the limit is per company, so every call slows, not just the refused one), then
 * recovering after a quiet spell, quickly up to just under the pace ChatHub last refused and slowly
 * beyond it. A pace set above the real limit thus settles under it, with a few 429s per probe.
 * A Retry-After holds every call until it has passed. Time is read lazily: no timers.
 */
export class AdaptivePace {
  readonly #ceiling: number;
  readonly #tuning: PaceTuning;
  readonly #now: () => number;
  /** The pace set by the last slow-down, and when. */
  #slowedTo: number;
  #slowedAt = Number.NEGATIVE_INFINITY;
  /** The pace of the last refused request: recovery is quick up to just under it. */
  #refused = Number.POSITIVE_INFINITY;
  #pausedUntil = 0;
  #rateLimited = 0;

  constructor(
    ceilingPerSecond: number,
    tuning: PaceTuning = DEFAULT_PACE_TUNING,
    now: () => number = REAL_TIMER.now,
  ) {
    this.#ceiling = ceilingPerSecond;
    this.#tuning = tuning;
    this.#now = now;
    this.#slowedTo = ceilingPerSecond;
  }

  /** Requests per second allowed now. */
  perSecond(): number {
    const quietSeconds = (this.#now() - this.#slowedAt - this.#tuning.quietMs) / 1000;
    if (quietSeconds <= 0) return this.#slowedTo;
    const { recoveryPerSecond, refusedMargin, probePerSecond } = this.#tuning;
    const safe = Math.max(this.#slowedTo, Math.min(this.#ceiling, this.#refused * refusedMargin));
    const recovered = this.#slowedTo * recoveryPerSecond ** quietSeconds;
    if (recovered < safe) return recovered;
    // Seconds since recovery reached `safe`, from here on growing linearly.
    const probingSeconds = quietSeconds - Math.log(safe / this.#slowedTo) / Math.log(recoveryPerSecond);
    return Math.min(this.#ceiling, safe * (1 + probePerSecond * probingSeconds));
  }

  /** Milliseconds every call waits before it may be sent (a Retry-After still running). */
  pauseMs(): number {
    return Math.max(0, this.#pausedUntil - this.#now());
  }

  /**
   * A 429 for a request sent at `sentAt`. A request sent before the last slow-down was sent at the
   * old pace and says nothing about the new one, so it does not slow the client again.
   */
  rateLimited(sentAt: number, retryAfterMs: number): void {
    const now = this.#now();
    this.#rateLimited += 1;
    if (retryAfterMs > 0) this.#pausedUntil = Math.max(this.#pausedUntil, now + retryAfterMs);
    if (sentAt < this.#slowedAt) return;
    const pace = this.perSecond();
    this.#refused = pace;
    this.#slowedTo = Math.max(
      Math.min(this.#tuning.floorPerSecond, this.#ceiling),
      pace * this.#tuning.slowDownFactor,
    );
    this.#slowedAt = now;
  }

  /** 429 answers seen so far. */
  get rateLimitedCount(): number {
    return this.#rateLimited;
  }
}

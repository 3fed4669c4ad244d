import type { RateDecision } from "./token-bucket";

const WINDOW_MS = 1000;

/**
 * A sliding one-second window over accepted requests: a request is allowed when fewer
 * than `limit` requests were accepted in the last second. Refused requests do not count,
 * so a client that backs off as told by Retry-After gets through.
 */
export class SlidingWindowRateLimiter {
  /** Acceptance times, oldest first; `head` skips the expired ones without shifting the array. */
  private accepted: number[] = [];
  private head = 0;

  decide(limit: number, now: number): RateDecision {
    while (this.head < this.accepted.length && (this.accepted[this.head] ?? 0) <= now - WINDOW_MS) {
      this.head += 1;
    }
    if (this.head > 1024 && this.head * 2 > this.accepted.length) {
      this.accepted = this.accepted.slice(this.head);
      this.head = 0;
    }
    if (this.accepted.length - this.head < limit) {
      this.accepted.push(now);
      return { allowed: true };
    }
    // The window frees a slot when its oldest accepted request leaves it.
    const oldest = this.accepted[this.head] ?? now;
    const waitMs = oldest + WINDOW_MS - now;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  reset(): void {
    this.accepted = [];
    this.head = 0;
  }
}

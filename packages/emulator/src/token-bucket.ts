export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * The limit SMSBAT documents: a bucket of `burst` tokens refilled at `perSecond`; each accepted
 * request takes one. Refused requests take none, so a client that waits as told gets through.
 */
export class TokenBucket {
  private tokens: number | undefined;
  private updatedAt = 0;

  decide(perSecond: number, burst: number, now: number): RateDecision {
    const elapsedSeconds = Math.max(0, now - this.updatedAt) / 1000;
    const tokens = Math.min(burst, (this.tokens ?? burst) + elapsedSeconds * perSecond);
    this.updatedAt = now;
    if (tokens >= 1) {
      this.tokens = tokens - 1;
      return { allowed: true };
    }
    this.tokens = tokens;
    // Retry-After is in whole seconds: the time until the next token, rounded up.
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perSecond)) };
  }

  /** A full bucket again, e.g. after the limit changed. */
  reset(): void {
    this.tokens = undefined;
  }
}

import { describe, expect, it } from "vitest";
import { AdaptivePace, DEFAULT_PACE_TUNING } from "../../../src/api/adaptive-pace";

/** A pace on a clock the test moves by hand. */
function paceAt(ceiling: number) {
  let now = 1_000_000;
  const pace = new AdaptivePace(ceiling, DEFAULT_PACE_TUNING, () => now);
  return {
    pace,
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe("AdaptivePace", () => {
  it("runs at the configured pace until ChatHub answers 429", () => {
    const { pace, advance } = paceAt(40);
    expect(pace.perSecond()).toBe(40);
    advance(60_000);
    expect(pace.perSecond()).toBe(40);
    expect(pace.pauseMs()).toBe(0);
  });

  it("halves on a 429, once for all the requests that were sent at the old pace", () => {
    const { pace, now, advance } = paceAt(40);
    const sentBefore = now();
    advance(100);
    pace.rateLimited(sentBefore, 0);
    expect(pace.perSecond()).toBe(20);
    // Others sent before the slow-down come back 429 too: same congestion, no further slow-down.
    pace.rateLimited(sentBefore, 0);
    pace.rateLimited(sentBefore + 50, 0);
    expect(pace.perSecond()).toBe(20);
    // One sent at the new pace and still refused slows it again.
    advance(100);
    pace.rateLimited(now(), 0);
    expect(pace.perSecond()).toBe(10);
    expect(pace.rateLimitedCount).toBe(4);
  });

  it("never slows below one request per second", () => {
    const { pace, now, advance } = paceAt(40);
    for (let index = 0; index < 20; index += 1) {
      pace.rateLimited(now(), 0);
      advance(10);
    }
    expect(pace.perSecond()).toBe(1);
  });

  it("recovers gradually after a quiet spell, never above the configured pace", () => {
    const { pace, now, advance } = paceAt(40);
    pace.rateLimited(now(), 0);
    advance(DEFAULT_PACE_TUNING.quietMs - 1);
    expect(pace.perSecond()).toBe(20);
    advance(1001);
    expect(pace.perSecond()).toBeCloseTo(25); // ×1.25 per quiet second
    const seen: number[] = [];
    for (let second = 0; second < 30; second += 1) {
      advance(1000);
      seen.push(pace.perSecond());
    }
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(40);
    expect(Math.max(...seen)).toBe(40);
  });

  it("settles under a pace ChatHub refused: quickly up to 90% of it, then probing slowly", () => {
    const { pace, now, advance } = paceAt(200);
    pace.rateLimited(now(), 0); // refused at 200: down to 100
    advance(100);
    pace.rateLimited(now(), 0); // refused at 100: down to 50
    expect(pace.perSecond()).toBe(50);
    advance(DEFAULT_PACE_TUNING.quietMs + 5_000);
    // 50 × 1.25^5 would be 152; the quick recovery stops at 90 (90% of the 100 refused).
    expect(pace.perSecond()).toBeGreaterThan(89);
    expect(pace.perSecond()).toBeLessThan(95);
    // 90 was reached after log(1.8)/log(1.25) = 2.6 quiet seconds; from then, +2% of 90 per second.
    advance(10_000);
    expect(pace.perSecond()).toBeCloseTo(90 * (1 + 0.02 * (15 - Math.log(1.8) / Math.log(1.25))), 5);
  });

  it("holds every request for Retry-After", () => {
    const { pace, now, advance } = paceAt(40);
    pace.rateLimited(now(), 2000);
    expect(pace.pauseMs()).toBe(2000);
    advance(1500);
    expect(pace.pauseMs()).toBe(500);
    // A shorter Retry-After does not cut a longer one short.
    pace.rateLimited(now() - 10, 100);
    expect(pace.pauseMs()).toBe(500);
    advance(500);
    expect(pace.pauseMs()).toBe(0);
  });
});

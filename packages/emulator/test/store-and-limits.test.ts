import { describe, expect, it } from "vitest";
import { createRandom } from "../src/random";
import { SlidingWindowRateLimiter } from "../src/rate-limiter";
import { seedSnapshot } from "../src/seed-data";
import { RosterStore } from "../src/store";
import { TokenBucket } from "../src/token-bucket";

describe("RosterStore", () => {
  it("continues ids after the highest one and keeps each organization's operators in id order", () => {
    const store = new RosterStore(seedSnapshot());
    expect(store.createOperator(25, "Zed").id).toBe(104);
    expect(store.createOperator(24, "Amy").id).toBe(105);
    expect(store.operators(24).map((operator) => operator.id)).toEqual([101, 102, 103, 105]);
    expect(store.checkInvariants()).toEqual([]);
  });

  it("reports every inconsistency in a snapshot it was given", () => {
    const store = new RosterStore({
      organizations: [{ id: 1, name: "One" }],
      operators: [
        { id: 5, name: " ", status: 0, organizationId: 1 },
        { id: 6, name: "Lost", status: 0, organizationId: 2 },
        { id: -1, name: "x".repeat(101), status: 7 as never, organizationId: 1 },
      ],
      nextOperatorId: 1,
    });
    const violations = store.checkInvariants().join("\n");
    expect(violations).toMatch(/operator 5: name must not be blank/);
    expect(violations).toMatch(/operator 6: organization 2 does not exist/);
    expect(violations).toMatch(/operator -1: id is not a positive integer/);
    expect(violations).toMatch(/operator -1: status 7 is not 0..2/);
    expect(violations).toMatch(/operator -1: name must be at most 100 characters/);
  });

  it("counts name length in characters, not UTF-16 units", () => {
    const store = new RosterStore(seedSnapshot());
    expect(() => store.createOperator(24, "😀".repeat(100))).not.toThrow();
    expect(() => store.createOperator(24, "😀".repeat(101))).toThrow(/at most 100/);
  });

  it("notifies listeners after each change, and not for a status that does not change", () => {
    const store = new RosterStore(seedSnapshot());
    let changes = 0;
    store.onChange(() => {
      changes += 1;
    });
    store.setStatus(101, 0);
    store.setStatus(101, 1);
    store.createOperator(24, "New");
    expect(changes).toBe(2);
  });
});

describe("SlidingWindowRateLimiter", () => {
  it("allows `limit` requests per rolling second and says when to retry", () => {
    const limiter = new SlidingWindowRateLimiter();
    expect(limiter.decide(2, 0)).toEqual({ allowed: true });
    expect(limiter.decide(2, 100)).toEqual({ allowed: true });
    expect(limiter.decide(2, 200)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.decide(2, 1000)).toEqual({ allowed: true });
    expect(limiter.decide(2, 1050)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.decide(2, 1100)).toEqual({ allowed: true });
  });
});

describe("TokenBucket", () => {
  it("accepts a burst, then `perSecond`, and says when the next token comes", () => {
    const bucket = new TokenBucket();
    // 2 per second, bursts of 3: three at once, then one every 500 ms.
    for (let index = 0; index < 3; index += 1) expect(bucket.decide(2, 3, 0)).toEqual({ allowed: true });
    expect(bucket.decide(2, 3, 100)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(bucket.decide(2, 3, 500)).toEqual({ allowed: true });
    expect(bucket.decide(2, 3, 600)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(bucket.decide(2, 3, 1000)).toEqual({ allowed: true });
    // A quiet spell refills it to the burst, no further.
    for (let index = 0; index < 3; index += 1) expect(bucket.decide(2, 3, 10_000)).toEqual({ allowed: true });
    expect(bucket.decide(2, 3, 10_000)).toMatchObject({ allowed: false });
  });

  it("rounds Retry-After up to whole seconds", () => {
    const bucket = new TokenBucket();
    expect(bucket.decide(0.25, 1, 0)).toEqual({ allowed: true });
    expect(bucket.decide(0.25, 1, 0)).toEqual({ allowed: false, retryAfterSeconds: 4 });
    bucket.reset();
    expect(bucket.decide(0.25, 1, 0)).toEqual({ allowed: true });
  });
});

describe("createRandom", () => {
  it("repeats its sequence for a seed and stays within [0, 1)", () => {
    const draw = (seed: number) => Array.from({ length: 1000 }, createRandom(seed));
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    const values = draw(1);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });
});

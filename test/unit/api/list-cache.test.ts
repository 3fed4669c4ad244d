import { describe, expect, it } from "vitest";
import { ListCache } from "../../../src/api/list-cache";

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe("ListCache", () => {
  it("lets a load that started before invalidate() answer its callers, but not fill the cache", async () => {
    const cache = new ListCache<number, string>(60_000);
    const stale = deferred<string>();
    const first = cache.get(1, () => stale.promise);
    cache.invalidate(1);
    const fresh = cache.get(1, async () => "fresh");
    stale.resolve("stale");
    expect(await first).toBe("stale");
    expect(await fresh).toBe("fresh");
    expect(await cache.get(1, async () => "reloaded")).toBe("fresh");
  });

  it("does not let a load from before invalidateAll() fill the cache", async () => {
    const cache = new ListCache<number, string>(60_000);
    const stale = deferred<string>();
    const first = cache.get(1, () => stale.promise);
    cache.invalidateAll();
    stale.resolve("stale");
    await first;
    expect(await cache.get(1, async () => "fresh")).toBe("fresh");
  });

  it("answers from the cache until the TTL has passed on its clock, then loads again", async () => {
    let now = 0;
    const cache = new ListCache<number, string>(100, () => now);
    let loads = 0;
    const load = async () => `load ${++loads}`;
    expect(await cache.get(1, load)).toBe("load 1");
    now = 99;
    expect(await cache.get(1, load)).toBe("load 1");
    now = 100;
    expect(await cache.get(1, load)).toBe("load 2");
    expect(cache.stats()).toEqual({ hits: 1, shared: 0 });
  });

  it("with a TTL of 0 shares in-flight loads but keeps nothing", async () => {
    const cache = new ListCache<number, string>(0);
    let loads = 0;
    const load = async () => `load ${++loads}`;
    expect(await Promise.all([cache.get(1, load), cache.get(1, load)])).toEqual(["load 1", "load 1"]);
    expect(await cache.get(1, load)).toBe("load 2");
    expect(cache.stats()).toEqual({ hits: 0, shared: 1 });
  });
});

describe("ListCache.update (write-through)", () => {
  it("changes the cached value in place, keeping the expiry of the load", async () => {
    let now = 1_000;
    const cache = new ListCache<number, string[]>(2_000, () => now);
    await cache.get(1, async () => ["a"]);
    now = 2_500;
    cache.update(1, (value) => [...value, "b"]);
    expect(await cache.get(1, async () => ["reloaded"])).toEqual(["a", "b"]);
    // Expiry still counts from the load at 1000, so others' changes are seen after 2 s.
    now = 3_001;
    expect(await cache.get(1, async () => ["reloaded"])).toEqual(["reloaded"]);
  });

  it("invalidates when there is nothing fresh to change, or the change gives nothing", async () => {
    const cache = new ListCache<number, string[]>(60_000);
    cache.update(1, (value) => [...value, "b"]);
    expect(await cache.get(1, async () => ["loaded"])).toEqual(["loaded"]);
    cache.update(1, () => undefined);
    expect(await cache.get(1, async () => ["reloaded"])).toEqual(["reloaded"]);
  });

  it("keeps a load that was in flight from filling the cache or answering later callers", async () => {
    const cache = new ListCache<number, string[]>(60_000);
    await cache.get(1, async () => ["a"]);
    cache.invalidate(1);
    const inFlight = deferred<string[]>();
    const first = cache.get(1, () => inFlight.promise);
    cache.update(1, (value) => [...value, "b"]); // nothing fresh: invalidated
    const second = cache.get(1, async () => ["a", "b"]);
    inFlight.resolve(["a"]);
    expect(await first).toEqual(["a"]);
    expect(await second).toEqual(["a", "b"]);
    expect(await cache.get(1, async () => ["reloaded"])).toEqual(["a", "b"]);
  });
});

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

  it("with a TTL of 0 shares in-flight loads but keeps nothing", async () => {
    const cache = new ListCache<number, string>(0);
    let loads = 0;
    const load = async () => `load ${++loads}`;
    expect(await Promise.all([cache.get(1, load), cache.get(1, load)])).toEqual(["load 1", "load 1"]);
    expect(await cache.get(1, load)).toBe("load 2");
    expect(cache.stats()).toEqual({ hits: 0, shared: 1 });
  });
});

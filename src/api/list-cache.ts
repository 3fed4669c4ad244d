import { REAL_TIMER } from "./timer";

interface CachedValue<V> {
  value: V;
  expiresAt: number;
}

/**
 * Shares one in-flight load per key among concurrent callers and keeps its result for `ttlMs`, by
 * the clock `now` (milliseconds; the client passes its Timer's, tests their own).
 * Invalidating a key also forgets its in-flight load and stops that load from filling the cache,
 * so a load that started before a write cannot bring back what the write changed.
 */
export class ListCache<K, V> {
  readonly #ttlMs: number;
  readonly #now: () => number;
  readonly #values = new Map<K, CachedValue<V>>();
  readonly #inFlight = new Map<K, Promise<V>>();
  readonly #generations = new Map<K, number>();
  #epoch = 0;
  #hits = 0;
  #shared = 0;

  constructor(ttlMs: number, now: () => number = REAL_TIMER.now) {
    this.#ttlMs = ttlMs;
    this.#now = now;
  }

  get(key: K, load: () => Promise<V>): Promise<V> {
    const cached = this.#values.get(key);
    if (cached !== undefined && cached.expiresAt > this.#now()) {
      this.#hits += 1;
      return Promise.resolve(cached.value);
    }
    const pending = this.#inFlight.get(key);
    if (pending !== undefined) {
      this.#shared += 1;
      return pending;
    }
    const version = this.#version(key);
    const loading: Promise<V> = load()
      .then((value) => {
        if (this.#ttlMs > 0 && this.#version(key) === version) {
          this.#values.set(key, { value, expiresAt: this.#now() + this.#ttlMs });
        }
        return value;
      })
      .finally(() => {
        if (this.#inFlight.get(key) === loading) this.#inFlight.delete(key);
      });
    this.#inFlight.set(key, loading);
    return loading;
  }

  /**
   * Writes a change this client made through to the cached value, which keeps its expiry: freshness
   * counts from the load, so changes made by others are still seen once it expires. Without a
   * fresh value, or when `change` gives none, the key is invalidated. Either way no load that was
   * in flight fills the cache or answers later callers, since it may not show the change.
   */
  update(key: K, change: (value: V) => V | undefined): void {
    const cached = this.#values.get(key);
    const changed = cached !== undefined && cached.expiresAt > this.#now() ? change(cached.value) : undefined;
    this.invalidate(key);
    if (cached !== undefined && changed !== undefined) {
      this.#values.set(key, { value: changed, expiresAt: cached.expiresAt });
    }
  }

  invalidate(key: K): void {
    this.#values.delete(key);
    this.#inFlight.delete(key);
    this.#generations.set(key, (this.#generations.get(key) ?? 0) + 1);
  }

  invalidateAll(): void {
    this.#values.clear();
    this.#inFlight.clear();
    this.#epoch += 1;
  }

  /** Calls answered from the cache, and calls that joined a load already in flight. */
  stats(): { hits: number; shared: number } {
    return { hits: this.#hits, shared: this.#shared };
  }

  #version(key: K): string {
    return `${this.#epoch}:${this.#generations.get(key) ?? 0}`;
  }
}

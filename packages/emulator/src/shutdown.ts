import { setTimeout as delay } from "node:timers/promises";

/**
 * Lets requests that are being held (latency, hang) notice that the emulator is closing,
 * so close() never waits on a request that was told to hang forever.
 */
export class Shutdown {
  private readonly controller = new AbortController();

  get started(): boolean {
    return this.controller.signal.aborted;
  }

  begin(): void {
    this.controller.abort();
  }

  /** Waits `ms`; resolves true when the time passed, false when the emulator began closing first. */
  async sleep(ms: number): Promise<boolean> {
    if (this.started) return false;
    try {
      await delay(ms, undefined, { signal: this.controller.signal });
      return true;
    } catch {
      return false;
    }
  }

  /** Resolves when the emulator begins closing. */
  whenStarted(): Promise<void> {
    const { signal } = this.controller;
    if (signal.aborted) return Promise.resolve();
    return new Promise((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
  }
}

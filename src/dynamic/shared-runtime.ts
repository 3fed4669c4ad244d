import { engineAddressFromArgs, exitWhenEngineGone } from "../core/engine-watchdog";
import { ProviderRuntime } from "../core/runtime";
import type { GivenSettings } from "../core/settings";

/**
 * The one ProviderRuntime of a dynamic provider process: ChatHubOperator and
 * ChatHubOrganizationRoster run in the same process, so they share one client (one rate limit,
 * one list cache).
 */
export const providerRuntime = new (class extends ProviderRuntime {
  #watchingEngine = false;

  override configure(given: GivenSettings): void {
    this.#watchEngine();
    super.configure(given);
  }

  /** In the provider process Pulumi started, stop when that engine is gone (see engine-watchdog.ts). */
  #watchEngine(): void {
    const engine = engineAddressFromArgs();
    if (this.#watchingEngine || engine === undefined) return;
    this.#watchingEngine = true;
    exitWhenEngineGone(engine);
  }
})();

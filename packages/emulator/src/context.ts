import type { OrganizationGrant, TokenRegistry } from "./access";
import type { EmulatorBehaviour } from "./behaviour";
import type { CallFaults } from "./call-faults";
import type { CompanyLogins } from "./company-logins";
import type { Counters } from "./counters";
import type { FaultInjector } from "./faults";
import type { Shutdown } from "./shutdown";
import type { RosterStore } from "./store";

/** What the route handlers share: the store, the switches and the bookkeeping. */
export interface EmulatorContext {
  store: RosterStore;
  behaviour(): EmulatorBehaviour;
  setBehaviour(patch: Partial<EmulatorBehaviour>): void;
  faults: FaultInjector;
  /** Milliseconds, for the rate limit (EmulatorOptions.clock). */
  clock(): number;
  /** Faults aimed at chosen calls of a route (armed by tests through the admin routes). */
  callFaults: CallFaults;
  counters: Counters;
  tokens: TokenRegistry;
  logins: CompanyLogins;
  shutdown: Shutdown;
  /** Resolves once every change made so far is on disk (at once when there is no state file). */
  persist(): Promise<void>;
  /** Reports one finished request (never any header value). */
  logRequest(method: string, url: string, outcome: number | "dropped", elapsedMs: number): void;
}

declare module "fastify" {
  interface FastifyRequest {
    /** The organizations the request's company token may reach; set for /api requests that authenticated. */
    organizationGrant: OrganizationGrant | null;
    /** Set by an armed "lost-answer" fault: the request is applied, then its connection reset. */
    loseAnswer: boolean;
  }
}

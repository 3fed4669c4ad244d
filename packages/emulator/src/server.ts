import type { AddressInfo } from "node:net";
import fastify from "fastify";
import { DEFAULT_EMULATOR_TOKEN, TokenRegistry } from "./access";
import { registerAdminRoutes } from "./admin-routes";
import { installApiGate } from "./api-gate";
import { DEFAULT_EMULATOR_BEHAVIOUR, type EmulatorBehaviour, parseBehaviourPatch } from "./behaviour";
import { type ArmedCallFault, type CallFault, CallFaults } from "./call-faults";
import {
  type CompanyLogin,
  CompanyLogins,
  DEFAULT_EMULATOR_LOGIN,
  DEFAULT_EMULATOR_PASSWORD,
} from "./company-logins";
import { registerCompanyRoutes } from "./company-routes";
import type { EmulatorContext } from "./context";
import { Counters, type RouteCounters } from "./counters";
import { installErrorAnswers } from "./error-answers";
import { FaultInjector } from "./faults";
import { registerApiRoutes } from "./routes";
import { emptySnapshot, seedSnapshot } from "./seed-data";
import { Shutdown } from "./shutdown";
import { loadStateFile, StateFileWriter } from "./state-file";
import { type Operator, type OperatorStatusCode, type Organization, RosterStore } from "./store";

export interface EmulatorOptions {
  /** TCP port; 0 picks a free one. Default 8080. */
  port?: number;
  /** Interface to listen on. Default "127.0.0.1". */
  host?: string;
  /** Company token → the organization ids it may access. Default { [DEFAULT_EMULATOR_TOKEN]: "*" }. */
  tokens?: Record<string, number[] | "*">;
  /**
   * Company login → its password and the organizations its tokens may access, for
   * POST /api/company/get-token. Default { [DEFAULT_EMULATOR_LOGIN]: { password: DEFAULT_EMULATOR_PASSWORD, organizations: "*" } }.
   */
  logins?: Record<string, CompanyLogin>;
  /** Persist organizations and operators to this JSON file: loaded at start if it exists, rewritten after each change. */
  statePath?: string;
  /** Seed the spec's example data when there is no state file. Default true. */
  seed?: boolean;
  /** Answers to the spec's open questions and injected faults; see EmulatorBehaviour. */
  behaviour?: Partial<EmulatorBehaviour>;
  /** Receives one line per request (method, path, status, milliseconds); never a header value. Default: silent. */
  log?: (line: string) => void;
  /** Largest accepted request body. Default 1 MiB. */
  bodyLimitBytes?: number;
  /**
   * The clock the rate limit counts time by, in milliseconds. Default Date.now; a test steps its
   * own clock to see the limit refill without waiting, whatever the machine's load.
   */
  clock?: () => number;
}

export interface RunningEmulator {
  /** Base URL with the real port, e.g. "http://127.0.0.1:41234". */
  url: string;
  /** Stops listening, releases held requests and waits for the state file to be written. */
  close(): Promise<void>;
  counters(): RouteCounters;
  resetCounters(): void;
  behaviour(): EmulatorBehaviour;
  /** Changes some switches; throws on an unknown key or a bad value. */
  setBehaviour(patch: Partial<EmulatorBehaviour>): void;
  /** Everything in the store, deleted operators included, for assertions. */
  operators(organizationId?: number): Operator[];
  organizations(): Organization[];
  /** Adds an organization (or renames an existing id). */
  addOrganization(org: Organization): void;
  /** A change behind the API's back; throws on an unknown organization or a bad name. */
  addOperator(op: { organizationId: number; name: string; status?: OperatorStatusCode }): Operator;
  /** As if changed by hand in the ChatHub UI (drift); not subject to reactivateDeleted. */
  setOperatorStatus(id: number, status: OperatorStatusCode): void;
  /** As if renamed by hand in the ChatHub UI (drift). */
  renameOperator(id: number, name: string): void;
  /** Accepts another company token for some organizations, or all ("*"). */
  grantToken(token: string, organizations: number[] | "*"): void;
  /** Accepts another company login (or a new password for one) for some organizations, or all ("*"). */
  grantLogin(login: string, password: string, organizations: number[] | "*"): void;
  /** Makes chosen calls of one route fail, counted from now (see CallFaults); usable while a deployment runs. */
  failCalls(fault: CallFault): void;
  /** The faults armed with failCalls that have calls left to hit. */
  armedCallFaults(): ArmedCallFault[];
  /** Disarms every fault armed with failCalls. */
  clearCallFaults(): void;
  /** [] when the store is consistent, otherwise one line per violation. */
  checkInvariants(): string[];
}

const ONE_MEBIBYTE = 1024 * 1024;

function formatUrl(address: AddressInfo): string {
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

/** Starts a ChatHub operator API emulator; resolves once it is listening. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  let behaviour: EmulatorBehaviour = {
    ...DEFAULT_EMULATOR_BEHAVIOUR,
    ...parseBehaviourPatch(options.behaviour ?? {}),
  };
  const bodyLimitBytes = options.bodyLimitBytes ?? ONE_MEBIBYTE;
  const log = options.log ?? (() => undefined);
  const tokens = new TokenRegistry(options.tokens ?? { [DEFAULT_EMULATOR_TOKEN]: "*" });
  const logins = new CompanyLogins(
    options.logins ?? {
      [DEFAULT_EMULATOR_LOGIN]: { password: DEFAULT_EMULATOR_PASSWORD, organizations: "*" },
    },
  );

  const { statePath } = options;
  const loaded = statePath === undefined ? undefined : await loadStateFile(statePath);
  const store = new RosterStore(loaded ?? (options.seed === false ? emptySnapshot() : seedSnapshot()));
  const violations = store.checkInvariants();
  if (violations.length > 0) {
    throw new Error(`state file ${statePath ?? "(none)"} is inconsistent: ${violations.join("; ")}`);
  }
  const stateFile =
    statePath === undefined ? undefined : new StateFileWriter(statePath, () => store.snapshot());
  if (stateFile && !loaded) await stateFile.save();

  const persist = (): Promise<void> => stateFile?.save() ?? Promise.resolve();
  // Changes made through the test helpers are persisted too; a failure there can only be logged.
  store.onChange(() => {
    persist().catch((error: unknown) => log(`state file write failed: ${(error as Error).message}`));
  });

  const faults = new FaultInjector(() => behaviour);
  const callFaults = new CallFaults();
  const counters = new Counters();
  const shutdown = new Shutdown();

  const setBehaviour = (patch: Partial<EmulatorBehaviour>): void => {
    const valid = parseBehaviourPatch(patch);
    behaviour = { ...behaviour, ...valid };
    if (valid.seed !== undefined) faults.reseed(valid.seed);
    if (valid.rateLimitPerSecond !== undefined || valid.rateLimitBurst !== undefined) faults.resetRateLimit();
  };

  const context: EmulatorContext = {
    clock: options.clock ?? Date.now,
    store,
    behaviour: () => ({ ...behaviour }),
    setBehaviour,
    faults,
    callFaults,
    counters,
    tokens,
    logins,
    shutdown,
    persist,
    logRequest: (method, url, outcome, elapsedMs) =>
      log(`${method} ${url} ${outcome} ${Math.round(elapsedMs)}ms`),
  };

  const app = fastify({
    logger: false,
    bodyLimit: bodyLimitBytes,
    // HEAD twins of GET routes would widen the API beyond what the vendor documents.
    exposeHeadRoutes: false,
    // close() must not wait for keep-alive clients.
    forceCloseConnections: true,
  });
  // Only application/json bodies are accepted; without this, fastify would parse text/plain too.
  app.removeContentTypeParser("text/plain");
  installErrorAnswers(app, bodyLimitBytes, (error) => log(`internal error: ${String(error)}`));
  installApiGate(app, context);
  registerApiRoutes(app, context);
  registerCompanyRoutes(app, context);
  registerAdminRoutes(app, context);

  try {
    // A deep accept queue: benchmarks open thousands of connections at once, and a full queue
    // would stall them for a whole SYN retransmission (1 s) instead of letting them wait their turn.
    await app.listen({ port: options.port ?? 8080, host: options.host ?? "127.0.0.1", backlog: 4096 });
  } catch (error) {
    await app.close();
    throw error;
  }
  const url = formatUrl(app.server.address() as AddressInfo);

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      shutdown.begin();
      await app.close();
      await stateFile?.flush();
    })();
    return closing;
  };

  return {
    url,
    close,
    counters: () => counters.snapshot(),
    resetCounters: () => counters.reset(),
    behaviour: () => ({ ...behaviour }),
    setBehaviour,
    operators: (organizationId) => store.operators(organizationId),
    organizations: () => store.organizations(),
    addOrganization: (org) => store.putOrganization(org),
    addOperator: ({ organizationId, name, status }) =>
      store.createOperator(organizationId, name, status ?? 0),
    setOperatorStatus: (id, status) => store.setStatus(id, status),
    renameOperator: (id, name) => store.rename(id, name),
    grantToken: (token, organizations) => tokens.grant(token, organizations),
    grantLogin: (login, password, organizations) => logins.add(login, { password, organizations }),
    failCalls: (fault) => callFaults.arm(fault),
    armedCallFaults: () => callFaults.list(),
    clearCallFaults: () => callFaults.clear(),
    checkInvariants: () => store.checkInvariants(),
  };
}

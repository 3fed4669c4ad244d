/**
 * What a bench run covers, from the environment (or `--sizes=…` style arguments):
 *   BENCH_SIZES      operator counts, comma-separated (default "100,500")
 *   BENCH_PROFILES   emulator profiles to run (default "latency,rate-limit,documented-limits"; also
 *                    "documented-pace"); "documented-limits" runs its own four cases (~6 min),
 *                    whatever the sizes and providers
 *   BENCH_PROVIDERS  providers to run (default "this,naive,noop"; "roster" and "roster-native" too)
 *   BENCH_STEPS      the steps of every case, in order (default "create,refresh,update,destroy";
 *                    "preview" too: a no-change `pulumi preview` after the create); a profile's
 *                    own cases keep theirs
 *   BENCH_ROSTER_SOURCE  "inline" (default: the rosters' people as the `operators` input) or
 *                    "csv" (a roster.csv the bench writes into the program's folder, named by
 *                    `file`; rosters only)
 *   BENCH_TIMEOUT_MIN  cap on each pulumi command, in minutes (default 15)
 *   BENCH_PARALLEL   a --parallel value for every command ("unbounded" = 2147483647); unset =
 *                    the CLI's own default, which is 4 × CPUs (not unbounded) in Pulumi 3.248
 */
import os from "node:os";
import type { EmulatorBehaviour } from "pulumi-chathub-emulator";
import { ALL_STEPS, type BenchStep } from "./case";
import { isRoster, type ProviderKind, type RosterSource } from "./programs";

export interface Profile {
  name: string;
  title: string;
  /** For chart panels. */
  short: string;
  behaviour: Partial<EmulatorBehaviour>;
  /** `chathub:requestsPerSecond` for this provider; undefined = the package's default. */
  thisRequestsPerSecond: number | undefined;
  /** When set, the profile runs these cases rather than BENCH_SIZES × BENCH_PROVIDERS. */
  cases?: readonly CaseVariant[];
}

/** One case of a profile that names its own: what it varies from the run's settings. */
export interface CaseVariant {
  /** Shown beside the provider, e.g. "default --parallel". */
  label: string;
  provider: ProviderKind;
  size: number;
  /** `--parallel` for every command; "default" = the CLI's own, whatever BENCH_PARALLEL says. */
  parallel: string;
  /** `chathub:requestsPerSecond` for this provider, instead of the profile's. */
  requestsPerSecond?: number;
  /** The steps to run, in order (default: all four). */
  steps?: readonly BenchStep[];
}

/** What the README advises for large rosters. */
const RAISED_PARALLEL = "500";

/** This provider's client-side limit: the same 5 rps as the naive one and the limited API. */
export const THIS_REQUESTS_PER_SECOND = 5;

export const PROFILES: readonly Profile[] = [
  {
    name: "latency",
    title: "20 ms added latency, no rate limit",
    short: "20 ms latency",
    behaviour: { latencyMs: 20 },
    thisRequestsPerSecond: THIS_REQUESTS_PER_SECOND,
  },
  {
    name: "rate-limit",
    title: "5 requests/second limit (429 + Retry-After), no added latency",
    short: "5 rps limit (429 + Retry-After)",
    behaviour: { rateLimitPerSecond: 5 },
    thisRequestsPerSecond: THIS_REQUESTS_PER_SECOND,
  },
  {
    name: "documented-limits",
    title:
      "SMSBAT's documented limits: 50 requests/s with bursts of 75, 429 without Retry-After; 20 ms latency; this provider at its default pace",
    short: "documented limits",
    behaviour: { latencyMs: 20, rateLimitPerSecond: 50, rateLimitBurst: 75, rateLimitRetryAfter: false },
    thisRequestsPerSecond: undefined,
    cases: [
      { label: `--parallel ${RAISED_PARALLEL}`, provider: "this", size: 500, parallel: RAISED_PARALLEL },
      { label: `--parallel ${RAISED_PARALLEL}`, provider: "noop", size: 500, parallel: RAISED_PARALLEL },
      { label: "default --parallel", provider: "this", size: 500, parallel: "default", steps: ["create"] },
      {
        label: "pace set to 200/s",
        provider: "this",
        size: 200,
        parallel: RAISED_PARALLEL,
        requestsPerSecond: 200,
        steps: ["create", "destroy"],
      },
    ],
  },
];

/**
 * Issue #23's profile for the rosters at 5,000: the documented limits' emulator (as above) with
 * the client at its default pace, for the run's own sizes and providers. ChatHub then costs what
 * it would (5,000 status calls at 40/s: ~125 s) where `latency` at 5/s would take 1,000 s.
 */
const DOCUMENTED_PACE: Profile = {
  name: "documented-pace",
  title:
    "SMSBAT's documented limits: 50 requests/s with bursts of 75, 429 without Retry-After; 20 ms latency; the client at its default pace (40/s)",
  short: "documented limits, default pace",
  behaviour: { latencyMs: 20, rateLimitPerSecond: 50, rateLimitBurst: 75, rateLimitRetryAfter: false },
  thisRequestsPerSecond: undefined,
};

/** Every profile; the last one runs only when named (BENCH_PROFILES). */
export const ALL_PROFILES: readonly Profile[] = [...PROFILES, DOCUMENTED_PACE];

export const PROVIDERS: readonly ProviderKind[] = ["this", "naive", "noop", "roster", "roster-native"];
/** What runs when BENCH_PROVIDERS is not set (the rosters have their own run: npm run bench:roster). */
const DEFAULT_PROVIDERS: readonly ProviderKind[] = ["this", "naive", "noop"];

export interface BenchSettings {
  sizes: number[];
  profiles: Profile[];
  providers: ProviderKind[];
  timeoutMs: number;
  /** Extra `--parallel` argument, or undefined for the CLI's default. */
  parallel: string | undefined;
  /** The steps of every case (a profile's own cases keep theirs); absent: STEPS. */
  steps?: BenchStep[];
  /** "csv": the rosters read their people from a CSV file; absent: inline. */
  rosterSource?: Exclude<RosterSource, "inline">;
}

function option(name: string, argv: readonly string[]): string | undefined {
  const flag = `--${name}=`;
  const fromArgs = argv.find((arg) => arg.startsWith(flag))?.slice(flag.length);
  return fromArgs ?? process.env[`BENCH_${name.toUpperCase().replaceAll("-", "_")}`];
}

function list(value: string | undefined): string[] | undefined {
  const items = value
    ?.split(",")
    .map((item) => item.trim())
    .filter(Boolean);
  return items && items.length > 0 ? items : undefined;
}

export function readSettings(argv: readonly string[] = process.argv.slice(2)): BenchSettings {
  const sizes = (list(option("sizes", argv)) ?? ["100", "500"]).map((raw) => {
    const size = Number(raw);
    if (!Number.isInteger(size) || size <= 0)
      throw new Error(`BENCH_SIZES: "${raw}" is not a positive integer`);
    return size;
  });
  const profileNames = list(option("profiles", argv)) ?? PROFILES.map((profile) => profile.name);
  const profiles = profileNames.map((name) => {
    const profile = ALL_PROFILES.find((candidate) => candidate.name === name);
    if (!profile)
      throw new Error(`BENCH_PROFILES: unknown profile "${name}" (${ALL_PROFILES.map((p) => p.name)})`);
    return profile;
  });
  const providers = (list(option("providers", argv)) ?? [...DEFAULT_PROVIDERS]).map((name) => {
    if (!(PROVIDERS as readonly string[]).includes(name)) {
      throw new Error(`BENCH_PROVIDERS: unknown provider "${name}" (${PROVIDERS.join(",")})`);
    }
    return name as ProviderKind;
  });
  const steps = list(option("steps", argv))?.map((name) => {
    if (!(ALL_STEPS as readonly string[]).includes(name)) {
      throw new Error(`BENCH_STEPS: unknown step "${name}" (${ALL_STEPS.join(",")})`);
    }
    return name as BenchStep;
  });
  if (steps && new Set(steps).size !== steps.length) throw new Error("BENCH_STEPS: a step is named twice");
  const rosterSource = option("roster-source", argv) ?? "inline";
  if (rosterSource !== "inline" && rosterSource !== "csv") {
    throw new Error(`BENCH_ROSTER_SOURCE: "${rosterSource}" is not "inline" or "csv"`);
  }
  const notRosters = providers.filter((provider) => !isRoster(provider));
  if (rosterSource === "csv" && notRosters.length > 0) {
    throw new Error(
      `BENCH_ROSTER_SOURCE=csv: ${notRosters.join(",")} read no roster file (only roster, roster-native)`,
    );
  }
  const parallel = option("parallel", argv);
  const timeoutMinutes = Number(option("timeout_min", argv) ?? "15");
  if (!(timeoutMinutes > 0)) throw new Error("BENCH_TIMEOUT_MIN must be a positive number");
  return {
    sizes,
    profiles,
    providers,
    timeoutMs: timeoutMinutes * 60_000,
    parallel: parallel === "unbounded" ? String(2 ** 31 - 1) : parallel,
    ...(steps ? { steps } : {}),
    ...(rosterSource === "csv" ? { rosterSource } : {}),
  };
}

/** What `--parallel` the commands ran with, in words (Pulumi's default is 4 × GOMAXPROCS). */
export function describeParallel(settings: BenchSettings): string {
  if (settings.parallel === String(2 ** 31 - 1)) return `--parallel ${settings.parallel} (unbounded)`;
  if (settings.parallel !== undefined) return `--parallel ${settings.parallel}`;
  if (process.env.PULUMI_PARALLEL) return `PULUMI_PARALLEL=${process.env.PULUMI_PARALLEL}`;
  return `CLI default (4 × CPUs = ${4 * os.availableParallelism()})`;
}

/**
 * One bench case: a fresh emulator and a fresh stack for one profile × size × provider, taken
 * through create, refresh, a 10% status update and destroy (and, when asked, a no-change preview
 * after the create), with the API requests of each step.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import type { RunningEmulator } from "pulumi-chathub-emulator";
import { DEFAULT_EMULATOR_TOKEN, startEmulator } from "pulumi-chathub-emulator";
import { TestStack } from "../test/e2e/harness/test-stack";
import {
  benchProgram,
  installComparatorProvider,
  isThisPackage,
  isYamlProgram,
  type ProviderKind,
  ROSTER_FILE,
  type RosterSource,
  rosterCsv,
} from "./programs";
import type { BenchSettings, CaseVariant, Profile } from "./settings";

/** The steps a case runs unless told otherwise (`--steps`, or a profile's own case). */
export const STEPS = ["create", "refresh", "update", "destroy"] as const;
/** One of the default steps (what every run measured before the preview step existed). */
export type StepName = (typeof STEPS)[number];
/** Every step a case can run, in the order tables and charts show them. */
export const ALL_STEPS = ["create", "preview", "refresh", "update", "destroy"] as const;
/** Any step: the default ones, or `preview`, a `pulumi preview` after the create that must change nothing. */
export type BenchStep = (typeof ALL_STEPS)[number];

export const STEP_TITLES: Record<BenchStep, string> = {
  create: "up (create N)",
  preview: "preview (no change)",
  refresh: "refresh",
  update: "up (10% inactive)",
  destroy: "destroy",
};

/** The steps the cases ran, in ALL_STEPS order (the default four for a run without a preview). */
export function stepsIn(results: readonly CaseResult[]): BenchStep[] {
  return ALL_STEPS.filter((step) => results.some((r) => r.steps.some((s) => s.step === step)));
}

/**
 * What a preview step said it would change, e.g. "~ 1 to update", or undefined when it reported
 * no change (its summary is then only "N unchanged"), or when the step is not a finished preview.
 */
export function previewChanges(step: StepResult): string | undefined {
  if (step.step !== "preview" || step.outcome !== "ok") return undefined;
  if (step.summary === "") return "no summary printed";
  const changes = step.summary.split(", ").filter((part) => !/^\d+ unchanged$/.test(part));
  return changes.length === 0 ? undefined : changes.join(", ");
}

export interface StepResult {
  step: BenchStep;
  outcome: "ok" | "failed" | "timeout" | "skipped";
  /** Wall time of the pulumi command, start to exit (null when skipped). */
  wallSeconds: number | null;
  /** API requests that reached the emulator during the step, per route and per answer. */
  requests: { total: number; byRoute: Record<string, number>; byStatus: Record<string, number> };
  /** Pulumi's "Resources:" summary, or the end of its output when it failed. */
  summary: string;
}

export interface CaseResult {
  profile: string;
  /** The label of a profile's own case (see CaseVariant). */
  variant?: string;
  size: number;
  provider: ProviderKind;
  /** "csv": the roster came from a CSV file in the program's folder (absent: inline inputs). */
  rosterSource?: Exclude<RosterSource, "inline">;
  steps: StepResult[];
  /** After the create step. */
  state: {
    fileBytes: number;
    bytesPerOperator: number;
    operatorEntryBytes: number;
    /** The roster's one entry ÷ N (either roster): what the issue's 200 B/operator target measures. */
    rosterEntryBytesPerOperator?: number;
  } | null;
  /** What the emulator held after each step, so a "fast" step that did nothing shows up. */
  verified: Partial<Record<BenchStep, { live: number; inactive: number }>>;
  /** 1-minute load average before and after: a busy machine explains a slow outlier. */
  loadAverage: { before: number; after: number };
}

/** The seeded example roster of organization 24 (three operators, one inactive). */
const SEEDED = { live: 3, inactive: 1 };

function emptyRequests(): StepResult["requests"] {
  return { total: 0, byRoute: {}, byStatus: {} };
}

function nonZero(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).filter(([, count]) => count > 0));
}

function roster(emulator: RunningEmulator): { live: number; inactive: number } {
  const operators = emulator.operators(24).filter((operator) => operator.status !== 2);
  return {
    live: operators.length - SEEDED.live,
    inactive: operators.filter((operator) => operator.status === 1).length - SEEDED.inactive,
  };
}

/** Pulumi's closing "Resources:" block, or the output's last lines. */
function summarize(stdout: string, stderr: string, ok: boolean): string {
  if (ok) {
    const block = stdout.slice(stdout.lastIndexOf("Resources:"));
    return block
      .split("\n")
      .slice(1)
      .map((line) => line.trim())
      .filter((line) => /^[-+~]?\s*\d+ /.test(line))
      .join(", ");
  }
  return `${stdout}\n${stderr}`.trim().split("\n").slice(-15).join("\n");
}

/** The operator resources' share of the state written by the file backend after `create`. */
function measureState(stack: TestStack, size: number): CaseResult["state"] {
  const text = stack.stateFileText();
  const parsed = JSON.parse(text) as { checkpoint?: { latest?: { resources?: { type: string }[] } } };
  const resources = parsed.checkpoint?.latest?.resources ?? [];
  const operator = resources.find((resource) => /Operator$/.test(resource.type));
  const roster = resources.find((resource) => /OrganizationRoster$/.test(resource.type));
  const fileBytes = Buffer.byteLength(text);
  return {
    fileBytes,
    bytesPerOperator: Math.round(fileBytes / size),
    // Compact, as the file backend writes it, so it compares with bytesPerOperator.
    operatorEntryBytes: operator ? Buffer.byteLength(JSON.stringify(operator)) : 0,
    ...(roster
      ? { rosterEntryBytesPerOperator: Math.round(Buffer.byteLength(JSON.stringify(roster)) / size) }
      : {}),
  };
}

export async function runCase(
  pulumiBin: string,
  profile: Profile,
  size: number,
  provider: ProviderKind,
  settings: BenchSettings,
  log: (line: string) => void,
  variant?: CaseVariant,
): Promise<CaseResult> {
  const emulator = await startEmulator({ port: 0, behaviour: profile.behaviour });
  const requestsPerSecond = variant?.requestsPerSecond ?? profile.thisRequestsPerSecond;
  const parallelSetting = variant === undefined ? settings.parallel : variant.parallel;
  const result: CaseResult = {
    profile: profile.name,
    ...(variant ? { variant: variant.label } : {}),
    size,
    provider,
    ...(settings.rosterSource === "csv" ? { rosterSource: "csv" as const } : {}),
    steps: [],
    state: null,
    verified: {},
    loadAverage: { before: os.loadavg()[0] ?? 0, after: 0 },
  };
  let stack: TestStack | undefined;
  try {
    stack = await TestStack.create({
      pulumiBin,
      name: `bench-${profile.name}-${provider}-${size}`,
      // A YAML program runs with pulumi-resource-chathub first on PATH (TestStack sees to it).
      ...(isYamlProgram(provider) ? { yaml: "" } : { program: "" }),
      // This provider reads the stack config; the naive one the environment (see its header).
      ...(isThisPackage(provider)
        ? {
            config: {
              "chathub:baseUrl": emulator.url,
              ...(requestsPerSecond === undefined
                ? {}
                : { "chathub:requestsPerSecond": String(requestsPerSecond) }),
            },
            secrets: { "chathub:token": DEFAULT_EMULATOR_TOKEN },
          }
        : {}),
      ...(provider === "naive"
        ? { env: { CHATHUB_BASE_URL: emulator.url, CHATHUB_TOKEN: DEFAULT_EMULATOR_TOKEN } }
        : {}),
    });
    if (!isThisPackage(provider)) installComparatorProvider(provider, stack.dir);
    const parallel =
      parallelSetting === undefined || parallelSetting === "default" ? [] : ["--parallel", parallelSetting];
    const commands: Record<BenchStep, string[]> = {
      create: ["up", "--yes", "--skip-preview", ...parallel],
      // Plain: what a reviewer runs; it must say nothing would change.
      preview: ["preview", ...parallel],
      refresh: ["refresh", "--yes", "--skip-preview", ...parallel],
      update: ["up", "--yes", "--skip-preview", ...parallel],
      destroy: ["destroy", "--yes", "--skip-preview", ...parallel],
    };

    let broken = false;
    for (const step of variant?.steps ?? settings.steps ?? STEPS) {
      if (broken) {
        result.steps.push({
          step,
          outcome: "skipped",
          wallSeconds: null,
          requests: emptyRequests(),
          summary: "",
        });
        continue;
      }
      const withInactive = step === "update" || step === "destroy";
      const source = settings.rosterSource ?? "inline";
      const program = benchProgram(provider, size, withInactive, source);
      if (isYamlProgram(provider)) stack.writeYamlProgram(program);
      else stack.writeProgram(program);
      // The roster file is (re)written before the clock starts, as a user's edit would be.
      if (source === "csv") stack.writeFile(ROSTER_FILE, rosterCsv(size, withInactive));
      emulator.resetCounters();
      const started = performance.now();
      const run = await stack.run(commands[step], { killAfterMs: settings.timeoutMs });
      const wallSeconds = (performance.now() - started) / 1000;
      const counters = emulator.counters();
      const outcome = run.code === 0 ? "ok" : run.code === null ? "timeout" : "failed";
      result.steps.push({
        step,
        outcome,
        wallSeconds,
        requests: { total: counters.total, byRoute: nonZero(counters.byRoute), byStatus: counters.byStatus },
        summary: summarize(run.stdout, run.stderr, outcome === "ok"),
      });
      result.verified[step] = roster(emulator);
      log(
        `  ${profile.name}${variant ? ` (${variant.label})` : ""} N=${size} ${provider} ${step}: ${outcome} in ${wallSeconds.toFixed(1)} s, ` +
          `${counters.total} requests ${JSON.stringify(nonZero(counters.byRoute))}`,
      );
      if (outcome !== "ok") {
        log(`    ${result.steps.at(-1)?.summary.split("\n").join("\n    ")}`);
        broken = true;
      }
      if (step === "create" && outcome === "ok") result.state = measureState(stack, size);
    }
    result.loadAverage.after = os.loadavg()[0] ?? 0;
    return result;
  } finally {
    stack?.dispose();
    await emulator.close();
  }
}

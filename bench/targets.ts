/**
 * The figures this provider promises, each checked against a run's results. A target whose
 * inputs were not measured (a size or provider left out, a step that failed) says so instead
 * of passing.
 */
import type { CaseResult, StepName, StepResult } from "./case";

export interface TargetResult {
  target: string;
  /** Which measurement it was checked on. */
  scope: string;
  verdict: "PASS" | "MISS" | "N/A";
  detail: string;
}

const KB = 1024;
const SYNC = "POST /api/operator/synchronize";
const LIST = "GET /api/operator";

function stepOf(results: CaseResult[], profile: string, size: number, provider: string, step: StepName) {
  const found = results.find((r) => r.profile === profile && r.size === size && r.provider === provider);
  return found?.steps.find((s) => s.step === step);
}

function usable(step: StepResult | undefined): step is StepResult & { wallSeconds: number } {
  return step !== undefined && step.outcome === "ok" && step.wallSeconds !== null;
}

function notMeasured(target: string, scope: string, step: StepResult | undefined): TargetResult {
  const why = step === undefined ? "not run" : `step ${step.outcome}`;
  return { target, scope, verdict: "N/A", detail: why };
}

export function evaluateTargets(results: CaseResult[]): TargetResult[] {
  const out: TargetResult[] = [];
  const mine = results.filter((r) => r.provider === "this");

  for (const r of mine) {
    const scope = `${r.profile}, N=${r.size}`;
    const create = r.steps.find((s) => s.step === "create");
    const t1 = "create N: ≤ ceil(N/100)+2 synchronize requests";
    if (!usable(create)) out.push(notMeasured(t1, scope, create));
    else {
      const limit = Math.ceil(r.size / 100) + 2;
      const got = create.requests.byRoute[SYNC] ?? 0;
      out.push({
        target: t1,
        scope,
        verdict: got <= limit ? "PASS" : "MISS",
        detail:
          `${got} vs limit ${limit}${got > limit ? ` (${(got / limit).toFixed(1)}× the limit)` : ""}; ` +
          `${got > 0 ? (r.size / got).toFixed(1) : "–"} operators per synchronize on average`,
      });
    }
    const refresh = r.steps.find((s) => s.step === "refresh");
    const t2 = "refresh: ≤ 2 list requests per organization (1 organization)";
    if (!usable(refresh)) out.push(notMeasured(t2, scope, refresh));
    else {
      const got = refresh.requests.byRoute[LIST] ?? 0;
      out.push({
        target: t2,
        scope,
        verdict: got <= 2 ? "PASS" : "MISS",
        detail: `${got} list request${got === 1 ? "" : "s"}${got > 2 ? ` (${got - 2} over)` : ""}`,
      });
    }
    const t3 = "state: ≤ 2 KB per operator";
    if (!r.state) out.push(notMeasured(t3, scope, create));
    else {
      const per = r.state.bytesPerOperator;
      out.push({
        target: t3,
        scope,
        verdict: per <= 2 * KB ? "PASS" : "MISS",
        detail:
          `${per} B/operator (state file ÷ N; one entry ${r.state.operatorEntryBytes} B)` +
          (per > 2 * KB ? `, ${per - 2 * KB} B over` : `, ${2 * KB - per} B to spare`),
      });
    }
  }

  // Latency: the largest N measured, against the no-op floor.
  const latencySizes = mine.filter((r) => r.profile === "latency").map((r) => r.size);
  if (latencySizes.length > 0) {
    const size = Math.max(...latencySizes);
    const t4 = "20 ms latency: up (create) within 1.3× the no-op floor";
    const scope = `latency, N=${size}${size === 500 ? "" : " (target is stated for N=500)"}`;
    const ours = stepOf(results, "latency", size, "this", "create");
    const floor = stepOf(results, "latency", size, "noop", "create");
    if (!usable(ours)) out.push(notMeasured(t4, scope, ours));
    else if (!usable(floor)) out.push(notMeasured(t4, `${scope} (no-op)`, floor));
    else {
      const ratio = ours.wallSeconds / floor.wallSeconds;
      out.push({
        target: t4,
        scope,
        verdict: ratio <= 1.3 ? "PASS" : "MISS",
        detail: `${ours.wallSeconds.toFixed(1)} s vs floor ${floor.wallSeconds.toFixed(1)} s = ${ratio.toFixed(2)}×`,
      });
    }
  }

  // Rate limit: every N measured, against the naive provider.
  for (const r of mine.filter((c) => c.profile === "rate-limit")) {
    const t5 = "5 rps limit: up (create) ≥ 10× faster than naive";
    const scope = `rate-limit, N=${r.size}`;
    const ours = stepOf(results, "rate-limit", r.size, "this", "create");
    const naive = stepOf(results, "rate-limit", r.size, "naive", "create");
    if (!usable(ours)) out.push(notMeasured(t5, scope, ours));
    else if (naive?.outcome === "timeout" && naive.wallSeconds !== null) {
      // The naive time is then only a lower bound, and so is the speed-up.
      const atLeast = naive.wallSeconds / ours.wallSeconds;
      out.push({
        target: t5,
        scope,
        verdict: atLeast >= 10 ? "PASS" : "N/A",
        detail: `naive timed out after ${naive.wallSeconds.toFixed(0)} s; ours ${ours.wallSeconds.toFixed(1)} s: ≥ ${atLeast.toFixed(1)}×`,
      });
    } else if (!usable(naive)) out.push(notMeasured(t5, `${scope} (naive)`, naive));
    else {
      const speedup = naive.wallSeconds / ours.wallSeconds;
      // No provider beats the engine's own time: naive ÷ no-op is the best speed-up possible.
      const floor = stepOf(results, "rate-limit", r.size, "noop", "create");
      const ceiling = usable(floor)
        ? `; ceiling naive ÷ no-op = ${(naive.wallSeconds / floor.wallSeconds).toFixed(1)}×`
        : "";
      out.push({
        target: t5,
        scope,
        verdict: speedup >= 10 ? "PASS" : "MISS",
        detail: `naive ${naive.wallSeconds.toFixed(1)} s / ours ${ours.wallSeconds.toFixed(1)} s = ${speedup.toFixed(1)}×${ceiling}`,
      });
    }
  }
  out.push(...rosterTargets(results));
  return out;
}

/** ChatHubOrganizationRoster against N ChatHubOperator resources of the same run. */
function rosterTargets(results: CaseResult[]): TargetResult[] {
  const out: TargetResult[] = [];
  for (const r of results.filter((c) => c.provider === "roster")) {
    const scope = `${r.profile}, N=${r.size}`;
    const create = r.steps.find((s) => s.step === "create");
    const refresh = r.steps.find((s) => s.step === "refresh");
    const t1 = "roster: up (create N) ≥ 10× faster than N ChatHubOperator";
    const operators = stepOf(results, r.profile, r.size, "this", "create");
    if (!usable(create)) out.push(notMeasured(t1, scope, create));
    else if (!usable(operators)) out.push(notMeasured(t1, `${scope} (ChatHubOperator)`, operators));
    else {
      const speedup = operators.wallSeconds / create.wallSeconds;
      out.push({
        target: t1,
        scope,
        verdict: speedup >= 10 ? "PASS" : "MISS",
        detail: `ChatHubOperator ${operators.wallSeconds.toFixed(1)} s / roster ${create.wallSeconds.toFixed(1)} s = ${speedup.toFixed(1)}×`,
      });
    }
    const t2 = "roster: create N with ≤ ceil(N/100)+2 synchronize requests";
    if (!usable(create)) out.push(notMeasured(t2, scope, create));
    else {
      const limit = Math.ceil(r.size / 100) + 2;
      const got = create.requests.byRoute[SYNC] ?? 0;
      out.push({
        target: t2,
        scope,
        verdict: got <= limit ? "PASS" : "MISS",
        detail: `${got} vs limit ${limit}`,
      });
    }
    const t3 = "roster: refresh with ≤ 2 list requests";
    if (!usable(refresh)) out.push(notMeasured(t3, scope, refresh));
    else {
      const got = refresh.requests.byRoute[LIST] ?? 0;
      out.push({ target: t3, scope, verdict: got <= 2 ? "PASS" : "MISS", detail: `${got} list request(s)` });
    }
    const t4 = "roster: ≤ 200 B per operator in its own state entry";
    const per = r.state?.rosterEntryBytesPerOperator;
    if (per === undefined) out.push(notMeasured(t4, scope, create));
    else {
      out.push({
        target: t4,
        scope,
        verdict: per <= 200 ? "PASS" : "MISS",
        detail: `${per} B/operator (compact entry ÷ N)`,
      });
    }
  }
  return out;
}

/**
 * The human-readable results: one markdown table per profile, then the targets. The same text
 * goes to bench/results/results.md and to stdout.
 */
import { type CaseResult, previewChanges, STEP_TITLES, type StepResult, stepsIn } from "./case";
import { ROSTER_FILE } from "./programs";
import type { Profile } from "./settings";
import type { TargetResult } from "./targets";

export interface MachineInfo {
  date: string;
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  pulumi: string;
  platform: string;
  parallel: string;
}

/** Short names for the routes, so a table row stays one line. */
const ROUTE_NAMES: Record<string, string> = {
  "GET /api/operator": "list",
  "POST /api/operator/synchronize": "sync",
  "POST /api/operator/status": "status",
  "GET /api/company/organization": "organization",
  other: "other",
};

function formatRequests(requests: StepResult["requests"]): string {
  if (requests.total === 0) return "0";
  const parts = Object.entries(requests.byRoute).map(
    ([route, count]) => `${ROUTE_NAMES[route] ?? route} ${count}`,
  );
  const throttled = requests.byStatus["429"] ?? 0;
  return `${requests.total}: ${parts.join(", ")}${throttled > 0 ? ` (${throttled}× 429)` : ""}`;
}

function formatWall(step: StepResult): string {
  if (step.wallSeconds === null) return step.outcome;
  const seconds = step.wallSeconds.toFixed(1);
  return step.outcome === "ok" ? seconds : `${step.outcome} after ${seconds}`;
}

export function profileTable(profile: Profile, results: CaseResult[]): string {
  const rows = [
    `### Profile \`${profile.name}\`: ${profile.title}`,
    "",
    "| step | provider | N | wall time (s) | API requests (by route) | state B/operator (entry B) |",
    "|---|---|---:|---:|---|---:|",
  ];
  const cases = results.filter((r) => r.profile === profile.name);
  const sizes = [...new Set(cases.map((r) => r.size))].sort((a, b) => a - b);
  for (const size of sizes) {
    for (const stepName of stepsIn(cases)) {
      for (const result of cases.filter((r) => r.size === size)) {
        const step = result.steps.find((s) => s.step === stepName);
        if (!step) continue;
        const state =
          stepName === "create" && result.state
            ? `${result.state.bytesPerOperator} (${result.state.rosterEntryBytesPerOperator ?? result.state.operatorEntryBytes})`
            : "";
        rows.push(
          `| ${STEP_TITLES[stepName]} | ${result.provider}${result.variant ? ` (${result.variant})` : ""} | ${size} | ${formatWall(step)} | ${formatRequests(step.requests)} | ${state} |`,
        );
      }
    }
  }
  return rows.join("\n");
}

export function targetsSection(targets: TargetResult[]): string {
  const rows = [
    "## Targets (this provider)",
    "",
    "| target | measured on | verdict | figures |",
    "|---|---|---|---|",
  ];
  for (const t of targets) rows.push(`| ${t.target} | ${t.scope} | **${t.verdict}** | ${t.detail} |`);
  return rows.join("\n");
}

/** Problems a reader must not miss: failed or timed-out steps, and steps that left the wrong roster. */
export function anomalies(results: CaseResult[]): string[] {
  const lines: string[] = [];
  for (const r of results) {
    for (const step of r.steps) {
      if (step.outcome === "failed" || step.outcome === "timeout") {
        lines.push(
          `${r.profile}${r.variant ? ` (${r.variant})` : ""} N=${r.size} ${r.provider} ${step.step}: ${step.outcome}\n\n\`\`\`\n${step.summary}\n\`\`\``,
        );
      }
    }
    for (const step of r.steps) {
      const changes = previewChanges(step);
      if (changes !== undefined) {
        lines.push(
          `${r.profile}${r.variant ? ` (${r.variant})` : ""} N=${r.size} ${r.provider} preview: expected no change, it reported ${changes}`,
        );
      }
    }
    if (r.provider === "noop") continue;
    const expected: Record<string, { live: number; inactive: number }> = {
      create: { live: r.size, inactive: 0 },
      preview: { live: r.size, inactive: 0 },
      refresh: { live: r.size, inactive: 0 },
      update: { live: r.size, inactive: Math.floor(r.size / 10) },
      destroy: { live: 0, inactive: 0 },
    };
    for (const [step, seen] of Object.entries(r.verified)) {
      const want = expected[step];
      if (want && (seen.live !== want.live || seen.inactive !== want.inactive)) {
        lines.push(
          `${r.profile}${r.variant ? ` (${r.variant})` : ""} N=${r.size} ${r.provider} ${step}: ChatHub held ${seen.live} live / ${seen.inactive} inactive bench operators, expected ${want.live} / ${want.inactive}`,
        );
      }
    }
  }
  return lines;
}

export function markdownReport(
  machine: MachineInfo,
  profiles: Profile[],
  results: CaseResult[],
  targets: TargetResult[],
): string {
  const problems = anomalies(results);
  const withPreview = results.some((r) => r.steps.some((s) => s.step === "preview"));
  const commands = withPreview
    ? "Every command but the preview: `--yes --skip-preview`; the preview is a plain `pulumi preview` after the create, which must report no change; "
    : "Every command: `--yes --skip-preview`, ";
  // Said only when a case read its roster from a file, so earlier runs re-render as they were.
  const source = results.some((r) => r.rosterSource === "csv")
    ? [
        `Roster source: \`file: ${ROSTER_FILE}\`, a CSV file (\`name,status\`, one person a line) the bench ` +
          "writes into the program's folder before each step (the 10% change rewrites it): the dynamic roster's program reads it, and for the YAML program the native provider's check does.",
        "",
      ]
    : [];
  return [
    "# pulumi-chathub benchmark results",
    "",
    `${machine.date} · ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB · Node ${machine.node} · Pulumi ${machine.pulumi} · ${machine.platform}`,
    "",
    `${commands}parallelism: ${machine.parallel}, local file backend. ` +
      "Providers: **this** = pulumi-chathub's ChatHubOperator (5 rps client limit, except at its default pace in `documented-limits`); **naive** = one request per " +
      "operation, 5 rps throttle, retry on 429; **noop** = no I/O (the engine's floor); **roster** = one " +
      "ChatHubOrganizationRoster holding all N (entry B = its one state entry ÷ N); **roster-native** = the same " +
      "roster as `chathub:index:OrganizationRoster` of the native provider, in a Pulumi YAML program. " +
      "Requests: what reached the emulator during the step (retries included). " +
      "State: state file after the create ÷ N, and one operator's entry.",
    "",
    ...source,
    ...profiles
      .filter((p) => results.some((r) => r.profile === p.name))
      .flatMap((p) => [profileTable(p, results), ""]),
    targetsSection(targets),
    "",
    ...(problems.length > 0 ? ["## Problems seen", "", ...problems.map((p) => `- ${p}`), ""] : []),
  ].join("\n");
}

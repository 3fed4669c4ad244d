/**
 * A hand-written SVG: one panel per profile × N, grouped bars of wall time per step, one bar
 * per provider, each bar labelled with its seconds. No dependencies: the bench must run
 * wherever the package builds.
 */
import { type BenchStep, type CaseResult, STEP_TITLES, STEPS, stepsIn } from "./case";
import type { ProviderKind } from "./programs";
import type { Profile } from "./settings";

const COLORS: Record<ProviderKind, string> = {
  this: "#1f77b4",
  naive: "#d62728",
  noop: "#7f7f7f",
  roster: "#2ca02c",
  "roster-native": "#9467bd",
};
const LABELS: Record<ProviderKind, string> = {
  this: "this provider (pulumi-chathub)",
  naive: "naive provider (1 request per operation)",
  noop: "no-op provider (engine floor)",
  roster: "ChatHubOrganizationRoster (one resource, dynamic)",
  "roster-native": "chathub:index:OrganizationRoster (one resource, native, YAML)",
};

/** A panel's width for the default four steps; each step beyond them adds STEP_W. */
const PANEL_W = 560;
const STEP_W = 130;
const PANEL_H = 320;
const MARGIN = { top: 40, right: 16, bottom: 44, left: 56 };

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c] ?? c);
}

/** A round step (1, 2 or 5 × 10^k) giving about five gridlines up to max. */
function tickStep(max: number): number {
  const raw = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw);
  return step ?? 10 * magnitude;
}

function text(x: number, y: number, content: string, attrs = ""): string {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${attrs}>${escapeXml(content)}</text>`;
}

function panelWidth(steps: readonly BenchStep[]): number {
  return PANEL_W + Math.max(0, steps.length - 4) * STEP_W;
}

function panel(
  title: string,
  cases: CaseResult[],
  providers: ProviderKind[],
  steps: readonly BenchStep[],
  x0: number,
  y0: number,
): string {
  const panelW = panelWidth(steps);
  const plotW = panelW - MARGIN.left - MARGIN.right;
  const plotH = PANEL_H - MARGIN.top - MARGIN.bottom;
  const left = x0 + MARGIN.left;
  const top = y0 + MARGIN.top;
  const bottom = top + plotH;
  const wall = (provider: ProviderKind, step: string) =>
    cases.find((c) => c.provider === provider)?.steps.find((s) => s.step === step);
  const values = cases.flatMap((c) => c.steps.map((s) => s.wallSeconds ?? 0));
  const step = tickStep(Math.max(1, ...values));
  const yMax = Math.ceil(Math.max(1, ...values) / step) * step;
  const y = (seconds: number) => bottom - (seconds / yMax) * plotH;

  const parts = [
    text(x0 + panelW / 2, y0 + 22, title, 'text-anchor="middle" font-size="15" font-weight="bold"'),
  ];
  for (let tick = 0; tick <= yMax + 1e-9; tick += step) {
    parts.push(`<line x1="${left}" x2="${left + plotW}" y1="${y(tick)}" y2="${y(tick)}" stroke="#e4e4e4"/>`);
    parts.push(
      text(left - 6, y(tick) + 4, String(Number(tick.toFixed(2))), 'text-anchor="end" font-size="11"'),
    );
  }
  parts.push(`<line x1="${left}" x2="${left}" y1="${top}" y2="${bottom}" stroke="#333"/>`);
  parts.push(`<line x1="${left}" x2="${left + plotW}" y1="${bottom}" y2="${bottom}" stroke="#333"/>`);
  parts.push(
    text(
      x0 + 14,
      top + plotH / 2,
      "wall time (s), lower is better",
      `text-anchor="middle" font-size="12" transform="rotate(-90 ${x0 + 14} ${top + plotH / 2})"`,
    ),
  );

  const groupW = plotW / steps.length;
  const barW = Math.min(40, (groupW * 0.8) / providers.length);
  steps.forEach((stepName, g) => {
    const groupLeft = left + g * groupW + (groupW - barW * providers.length) / 2;
    parts.push(
      text(
        left + g * groupW + groupW / 2,
        bottom + 18,
        STEP_TITLES[stepName],
        'text-anchor="middle" font-size="12"',
      ),
    );
    providers.forEach((provider, b) => {
      const result = wall(provider, stepName);
      const bx = groupLeft + b * barW;
      const cx = bx + barW / 2;
      if (!result || result.wallSeconds === null) {
        parts.push(text(cx, bottom - 4, "–", 'text-anchor="middle" font-size="11"'));
        return;
      }
      const top = y(result.wallSeconds);
      const fill = result.outcome === "ok" ? COLORS[provider] : "url(#hatch)";
      parts.push(
        `<rect x="${(bx + 1).toFixed(1)}" y="${top.toFixed(1)}" width="${(barW - 2).toFixed(1)}" height="${(bottom - top).toFixed(1)}" fill="${fill}" stroke="${COLORS[provider]}"/>`,
      );
      const label = result.outcome === "ok" ? result.wallSeconds.toFixed(1) : result.outcome;
      parts.push(text(cx, top - 4, label, 'text-anchor="middle" font-size="10"'));
    });
  });
  return parts.join("\n");
}

export function renderChart(profiles: Profile[], results: CaseResult[], subtitle: string): string {
  const sizes = [...new Set(results.map((r) => r.size))].sort((a, b) => a - b);
  const shown = profiles.filter((p) => results.some((r) => r.profile === p.name));
  const providers = (["this", "naive", "noop", "roster", "roster-native"] as const).filter((p) =>
    results.some((r) => r.provider === p),
  );
  // The same step groups in every panel: the steps any case ran (the default four, or five).
  const ran = stepsIn(results);
  const steps = ran.length > 0 ? ran : STEPS;
  const panelW = panelWidth(steps);
  const width = Math.max(1, sizes.length) * panelW;

  // The legend wraps onto as many lines as the width needs (text width estimated at 6.5 px/char).
  const legend: string[] = [];
  let legendX = 16;
  let legendY = 56;
  const entries = [
    ...providers.map((provider) => ({ fill: COLORS[provider], stroke: "none", label: LABELS[provider] })),
    { fill: "url(#hatch)", stroke: "#555", label: "failed / timed out (bar = time until then)" },
  ];
  for (const entry of entries) {
    const entryW = 24 + entry.label.length * 6.5;
    if (legendX > 16 && legendX + entryW > width - 8) {
      legendX = 16;
      legendY += 18;
    }
    legend.push(
      `<rect x="${legendX}" y="${legendY}" width="12" height="12" fill="${entry.fill}" stroke="${entry.stroke}"/>`,
    );
    legend.push(text(legendX + 16, legendY + 10, entry.label, 'font-size="12"'));
    legendX += entryW;
  }
  const headerH = legendY + 24;
  const height = headerH + Math.max(1, shown.length) * PANEL_H;

  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif">`,
    '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#555" stroke-width="2"/></pattern></defs>',
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    text(16, 24, "pulumi-chathub benchmark: wall time per step", 'font-size="17" font-weight="bold"'),
    text(16, 42, subtitle, 'font-size="11" fill="#555"'),
    ...legend,
  ];

  shown.forEach((profile, row) => {
    sizes.forEach((size, col) => {
      const cases = results.filter((r) => r.profile === profile.name && r.size === size);
      if (cases.length === 0) return;
      const title = `${profile.short} · N = ${size}`;
      parts.push(panel(title, cases, providers, steps, col * panelW, headerH + row * PANEL_H));
    });
  });
  parts.push("</svg>", "");
  return parts.join("\n");
}

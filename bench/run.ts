/**
 * `npm run bench`: every profile × size × provider, one after another (the machines have two
 * cores; anything concurrent would measure contention). Writes results.json, results.md and
 * chart.svg to bench/results (or BENCH_OUT) after every case, so a long run interrupted
 * halfway still leaves its figures, and prints the markdown at the end.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensurePulumi, installPackageForPrograms } from "../scripts/toolchain";
import { type CaseResult, runCase } from "./case";
import { renderChart } from "./chart";
import { type MachineInfo, markdownReport } from "./report";
import { type BenchSettings, describeParallel, readSettings } from "./settings";
import { evaluateTargets } from "./targets";

const log = (line: string) => process.stderr.write(`${line}\n`);

function machineInfo(pulumiBin: string, parallel: string): MachineInfo {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? "unknown CPU",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    pulumi: execFileSync(pulumiBin, ["version"], { encoding: "utf8" }).trim(),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    parallel,
  };
}

/** Writes the three result files from what has been measured so far; returns the markdown. */
function writeResults(
  outDir: string,
  machine: MachineInfo,
  settings: BenchSettings,
  results: CaseResult[],
): string {
  const targets = evaluateTargets(results);
  const markdown = markdownReport(machine, settings.profiles, results, targets);
  const subtitle = `${machine.cpus} CPUs · Node ${machine.node} · Pulumi ${machine.pulumi} · ${machine.parallel} · ${machine.date.slice(0, 10)}`;
  writeFileSync(
    path.join(outDir, "results.json"),
    `${JSON.stringify({ machine, settings, results, targets }, null, 2)}\n`,
  );
  writeFileSync(path.join(outDir, "results.md"), markdown);
  writeFileSync(path.join(outDir, "chart.svg"), renderChart(settings.profiles, results, subtitle));
  return markdown;
}

/** `--report-only`: re-renders results.md, chart.svg and the targets from results.json, running nothing. */
function reportOnly(outDir: string): void {
  const saved = JSON.parse(readFileSync(path.join(outDir, "results.json"), "utf8")) as {
    machine: MachineInfo;
    settings: BenchSettings;
    results: CaseResult[];
  };
  process.stdout.write(writeResults(outDir, saved.machine, saved.settings, saved.results));
}

async function main(): Promise<void> {
  const settings = readSettings();
  const outDir = path.resolve(process.env.BENCH_OUT ?? path.join(__dirname, "results"));
  if (process.argv.includes("--report-only")) return reportOnly(outDir);
  mkdirSync(outDir, { recursive: true });
  const pulumiBin = ensurePulumi();
  // The "this" programs load the package as a user's would: from node_modules/pulumi-chathub.
  installPackageForPrograms();
  const machine = machineInfo(pulumiBin, describeParallel(settings));
  log(
    `bench: sizes ${settings.sizes.join(",")}, profiles ${settings.profiles.map((p) => p.name).join(",")}, providers ${settings.providers.join(",")}, ${machine.parallel}`,
  );

  const results: CaseResult[] = [];
  const write = () => writeResults(outDir, machine, settings, results);

  for (const profile of settings.profiles) {
    for (const variant of profile.cases ?? []) {
      log(`bench: ${profile.name} (${variant.label}), N=${variant.size}, ${variant.provider}`);
      results.push(await runCase(pulumiBin, profile, variant.size, variant.provider, settings, log, variant));
      write();
    }
    if (profile.cases) continue;
    for (const size of settings.sizes) {
      for (const provider of settings.providers) {
        log(`bench: ${profile.name}, N=${size}, ${provider}`);
        results.push(await runCase(pulumiBin, profile, size, provider, settings, log));
        write();
      }
    }
  }
  process.stdout.write(write());
  log(`bench: results in ${outDir}`);
}

main().catch((error: unknown) => {
  log(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});

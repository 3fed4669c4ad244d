/**
 * `npm run bench:standalone` (issue 31): the standalone plugin (pulumi-resource-chathub as a
 * Node.js single executable application, from dist/release/) beside the Node.js plugin
 * (`node dist/native/main.js`, what the npm package's bin runs): archive size, start to
 * handshake, and peak memory serving a 5,000-person roster. Writes results.json and results.md
 * to bench/results/standalone-plugin (or BENCH_OUT) and prints the markdown.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { CheckRequest, ConfigureRequest, CreateRequest, ReadRequest } from "@pulumi/pulumi/proto/provider_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { DEFAULT_EMULATOR_TOKEN, startEmulator } from "pulumi-chathub-emulator";
import {
  archiveName,
  DEFAULT_TARGETS,
  NODE_RUNTIME_VERSION,
  PROGRAMS,
  targetNamed,
} from "../scripts/release/targets";
import { type RunningPlugin, startPlugin } from "../test/e2e/harness/plugin-process";
import { RELEASE_DIR, RELEASE_VERSION, unpackArchive } from "../test/e2e/support/release-files";
import { rosterPeople } from "./programs";
import { targetsSection } from "./report";
import type { TargetResult } from "./targets";

const repoRoot = path.resolve(__dirname, "..");
const log = (line: string) => process.stderr.write(`${line}\n`);

const MB = 1e6;
const ARCHIVE_GOAL_MB = 40;
const HANDSHAKE_GOAL_MS = 500;
/** Each plugin's starts measured (after one start not counted, so that both start from a warm page cache). */
const STARTS = 10;
const ROSTER_SIZE = 5000;
const ORGANIZATION_ID = 24;
/** The standalone plugin carries its own runtime; more than half as much memory again would be a cost to name. */
const MEMORY_GOAL_RATIO = 1.5;
const ROSTER_TYPE = "chathub:index:OrganizationRoster";
const ROSTER_URN = `urn:pulumi:bench::standalone-plugin::${ROSTER_TYPE}::roster`;

type PluginKind = "standalone" | "node";

interface Launch {
  kind: PluginKind;
  label: string;
  command: string;
  args: string[];
}

interface SizeResult {
  standalone: { target: string; archive: string; archiveBytes: number }[];
  /** The linux-amd64 executable, unpacked: what the archive puts on disk. */
  standaloneExecutableBytes: number;
  node: { tarball: string; tarballBytes: number; installedBytes: number; installedPackages: number };
}

interface StartResult {
  kind: PluginKind;
  handshakeMs: number[];
  portMs: number[];
}

interface MemoryResult {
  kind: PluginKind;
  createSeconds: number;
  readSeconds: number;
  peakRssBytes: number;
  /** Operators of organization 24 live in the emulator after the create, and in the read's outputs. */
  liveAfterCreate: number;
  readOperators: number;
}

interface Machine {
  date: string;
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
  command: string;
  loadAverage: { start: number[]; end: number[] };
}

const struct = (value: Record<string, unknown>) => Struct.fromJavaScript(value as never);

function call<Res>(plugin: RunningPlugin, method: string, request: unknown): Promise<Res> {
  return new Promise((resolve, reject) => {
    // biome-ignore lint/suspicious/noExplicitAny: dispatch by method name
    (plugin.client as any)[method](request, (error: Error | null, response: Res) =>
      error ? reject(error) : resolve(response),
    );
  });
}

function sizeOnDisk(dir: string): number {
  return Number(execFileSync("du", ["-sb", dir], { encoding: "utf8" }).split("\t")[0]);
}

/** The npm tarball installed as a user's production install would (peer dependencies included, as npm does). */
function nodePluginInstall(tarball: string): SizeResult["node"] {
  const dir = mkdtempSync(path.join(os.tmpdir(), "chathub-bench-install-"));
  try {
    writeFileSync(path.join(dir, "package.json"), '{ "name": "bench-install", "private": true }\n');
    execFileSync(
      "npm",
      ["install", "--omit=dev", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", tarball],
      { cwd: dir, stdio: ["ignore", "ignore", "inherit"] },
    );
    const listed = execFileSync("npm", ["ls", "--all", "--parseable", "--omit=dev"], {
      cwd: dir,
      encoding: "utf8",
    });
    return {
      tarball: path.basename(tarball),
      tarballBytes: statSync(tarball).size,
      installedBytes: sizeOnDisk(path.join(dir, "node_modules")),
      installedPackages: listed.trim().split("\n").length - 1,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function measureSizes(standaloneExecutable: string): SizeResult {
  const plugin = PROGRAMS.find((program) => program.name === "pulumi-resource-chathub");
  if (!plugin) throw new Error("no pulumi-resource-chathub in scripts/release/targets.ts");
  const standalone = DEFAULT_TARGETS.map((name) => {
    const archive = archiveName(plugin, RELEASE_VERSION, targetNamed(name));
    return { target: name, archive, archiveBytes: statSync(path.join(RELEASE_DIR, archive)).size };
  });
  const tarball = path.join(RELEASE_DIR, `pulumi-chathub-${RELEASE_VERSION}.tgz`);
  return {
    standalone,
    standaloneExecutableBytes: statSync(standaloneExecutable).size,
    node: nodePluginInstall(tarball),
  };
}

/** Both plugins started in turn, so that a busy moment of the machine falls on both alike. */
async function measureStarts(launches: Launch[]): Promise<StartResult[]> {
  const results = launches.map((l) => ({
    kind: l.kind,
    handshakeMs: [] as number[],
    portMs: [] as number[],
  }));
  for (let round = 0; round <= STARTS; round++) {
    for (const [index, launch] of launches.entries()) {
      const plugin = await startPlugin(launch.command, launch.args, { PATH: "/nonexistent" });
      await plugin.stop();
      if (round === 0) continue;
      results[index]?.handshakeMs.push(plugin.handshakeMs);
      results[index]?.portMs.push(plugin.portMs);
    }
  }
  return results;
}

/** Configure, then Check + Create a 5,000-person roster and Read it back, against a fresh emulator. */
async function measureMemory(launch: Launch): Promise<MemoryResult> {
  const emulator = await startEmulator({ port: 0 });
  const plugin = await startPlugin(launch.command, launch.args, { PATH: "/nonexistent" });
  try {
    await call(
      plugin,
      "configure",
      new ConfigureRequest().setArgs(struct({ token: DEFAULT_EMULATOR_TOKEN, baseUrl: emulator.url })),
    );
    const people = rosterPeople(ROSTER_SIZE, false);
    const inputs = { organizationId: ORGANIZATION_ID, operators: people, unmanaged: "ignore" };
    const createStarted = performance.now();
    const checked = await call<{ getInputs(): Struct; getFailuresList(): unknown[] }>(
      plugin,
      "check",
      new CheckRequest().setUrn(ROSTER_URN).setType(ROSTER_TYPE).setOlds(struct({})).setNews(struct(inputs)),
    );
    if (checked.getFailuresList().length > 0) throw new Error(`${launch.label}: check failed`);
    const created = await call<{ getId(): string; getProperties(): Struct }>(
      plugin,
      "create",
      new CreateRequest().setUrn(ROSTER_URN).setType(ROSTER_TYPE).setProperties(checked.getInputs()),
    );
    const createSeconds = (performance.now() - createStarted) / 1000;
    const names = new Set(people.map((person) => person.name));
    // Status 2 is the emulator's deleted.
    const liveAfterCreate = emulator
      .operators(ORGANIZATION_ID)
      .filter((operator) => operator.status !== 2 && names.has(operator.name)).length;
    const readStarted = performance.now();
    const read = await call<{ getProperties(): Struct | undefined }>(
      plugin,
      "read",
      new ReadRequest()
        .setId(created.getId())
        .setUrn(ROSTER_URN)
        .setType(ROSTER_TYPE)
        .setProperties(created.getProperties())
        .setInputs(checked.getInputs()),
    );
    const readSeconds = (performance.now() - readStarted) / 1000;
    const outputs = read.getProperties()?.toJavaScript() as { operators?: unknown[] } | undefined;
    return {
      kind: launch.kind,
      createSeconds,
      readSeconds,
      peakRssBytes: plugin.peakRssBytes(),
      liveAfterCreate,
      readOperators: outputs?.operators?.length ?? 0,
    };
  } finally {
    await plugin.stop();
    await emulator.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
const ms = (values: number[]) =>
  `${median(values).toFixed(0)} ms (min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)})`;

function evaluate(sizes: SizeResult, starts: StartResult[], memory: MemoryResult[]): TargetResult[] {
  const out: TargetResult[] = sizes.standalone.map((s) => ({
    target: `plugin archive ≤ ${ARCHIVE_GOAL_MB} MB`,
    scope: s.target,
    verdict: s.archiveBytes <= ARCHIVE_GOAL_MB * MB ? "PASS" : "MISS",
    detail: `${mb(s.archiveBytes)} (${s.archive})`,
  }));
  const standaloneStart = starts.find((s) => s.kind === "standalone");
  if (standaloneStart) {
    const got = median(standaloneStart.handshakeMs);
    out.push({
      target: `start to handshake ≤ ${HANDSHAKE_GOAL_MS / 1000} s (median)`,
      scope: `standalone linux-amd64, ${STARTS} starts`,
      verdict: got <= HANDSHAKE_GOAL_MS ? "PASS" : "MISS",
      detail: ms(standaloneStart.handshakeMs),
    });
  }
  const [standalone, node] = (["standalone", "node"] as const).map((k) => memory.find((m) => m.kind === k));
  if (standalone && node) {
    const ratio = standalone.peakRssBytes / node.peakRssBytes;
    const complete = [standalone, node].every(
      (m) => m.liveAfterCreate === ROSTER_SIZE && m.readOperators === ROSTER_SIZE,
    );
    out.push({
      target: `peak RSS at ${ROSTER_SIZE.toLocaleString("en")} people ≤ ${MEMORY_GOAL_RATIO} × the Node.js plugin's`,
      scope: "standalone linux-amd64 vs node dist/native/main.js",
      verdict: complete && ratio <= MEMORY_GOAL_RATIO ? "PASS" : "MISS",
      detail:
        `${mb(standalone.peakRssBytes)} vs ${mb(node.peakRssBytes)} = ${ratio.toFixed(2)}×` +
        (complete ? "" : "; a roster was not created or read in full (see the memory table)"),
    });
  }
  return out;
}

function report(
  machine: Machine,
  launches: Launch[],
  sizes: SizeResult,
  starts: StartResult[],
  memory: MemoryResult[],
  targets: TargetResult[],
): string {
  const labelOf = (kind: PluginKind) => launches.find((l) => l.kind === kind)?.label ?? kind;
  const load = (values: number[]) => values.map((v) => v.toFixed(2)).join(" / ");
  return [
    "# The standalone plugin beside the Node.js plugin",
    "",
    `${machine.date} · ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB · ${machine.platform}`,
    "",
    `Command: \`${machine.command}\`. Load average (1 / 5 / 15 min) at start ${load(machine.loadAverage.start)}, at end ${load(machine.loadAverage.end)}.`,
    "",
    `- **standalone**: ${labelOf("standalone")}: the single executable application of \`npm run release:files\`, Node.js ${NODE_RUNTIME_VERSION} inside, started with \`PATH=/nonexistent\`.`,
    `- **node**: ${labelOf("node")}: the machine's Node.js (${machine.node}).`,
    "",
    "## Size",
    "",
    "MB = 10⁶ bytes.",
    "",
    "| what | download | on disk |",
    "|---|---|---|",
    ...sizes.standalone.map(
      (s) =>
        `| standalone ${s.target} (\`${s.archive}\`) | ${mb(s.archiveBytes)} | ${s.target === "linux-amd64" ? `${mb(sizes.standaloneExecutableBytes)} (the executable)` : "–"} |`,
    ),
    `| node: \`${sizes.node.tarball}\` + its production install | ${mb(sizes.node.tarballBytes)} (the tarball alone; its dependencies download too) | ${mb(sizes.node.installedBytes)} (node_modules, ${sizes.node.installedPackages} packages) |`,
    "",
    "The standalone archives hold the Node.js runtime. The Node.js plugin's figure does not: it is " +
      "the npm tarball, and `du -sb` of the `node_modules` that `npm install --omit=dev <tarball>` " +
      "makes in an empty folder (the peer dependency `@pulumi/pulumi`, which the plugin requires, " +
      "included, as npm installs it); the Node.js that runs it comes on top.",
    "",
    "## Start to handshake",
    "",
    `Spawn → port on stdout, and spawn → first GetPluginInfo answered, over ${STARTS} starts of each, ` +
      "taken in turn (one start of each before, not counted, so that both start warm).",
    "",
    "| plugin | to handshake: median (min, max) | to port: median (min, max) |",
    "|---|---|---|",
    ...starts.map((s) => `| ${s.kind} | ${ms(s.handshakeMs)} | ${ms(s.portMs)} |`),
    "",
    `## Memory at ${ROSTER_SIZE.toLocaleString("en")} people`,
    "",
    `Each plugin with a fresh in-process emulator: Configure (baseUrl, token), Check + Create one \`${ROSTER_TYPE}\` ` +
      `of ${ROSTER_SIZE.toLocaleString("en")} people in organization ${ORGANIZATION_ID} (\`unmanaged: ignore\`), ` +
      "then Read (a refresh); peak RSS is the process's VmHWM after the read.",
    "",
    "| plugin | peak RSS | check + create | read | live after create | people read |",
    "|---|---|---|---|---|---|",
    ...memory.map(
      (m) =>
        `| ${m.kind} | ${mb(m.peakRssBytes)} | ${m.createSeconds.toFixed(1)} s | ${m.readSeconds.toFixed(1)} s | ${m.liveAfterCreate} | ${m.readOperators} |`,
    ),
    "",
    targetsSection(targets),
    "",
  ].join("\n");
}

/** How this run was started: the npm script (and what it is), or tsx and this file's arguments. */
function commandLine(): string {
  const script = process.env.npm_lifecycle_event;
  if (script?.startsWith("bench:")) return `npm run ${script} (${process.env.npm_lifecycle_script})`;
  return ["tsx", path.relative(repoRoot, __filename), ...process.argv.slice(2)].join(" ");
}

async function main(): Promise<void> {
  const outDir = path.resolve(process.env.BENCH_OUT ?? path.join(__dirname, "results/standalone-plugin"));
  mkdirSync(outDir, { recursive: true });
  const cpus = os.cpus();
  const machine: Machine = {
    date: new Date().toISOString(),
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? "unknown CPU",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    command: commandLine(),
    loadAverage: { start: os.loadavg(), end: [] },
  };
  const unpacked = unpackArchive("pulumi-resource-chathub");
  try {
    const executable = path.join(unpacked, "pulumi-resource-chathub");
    const launches: Launch[] = [
      {
        kind: "standalone",
        label: "`pulumi-resource-chathub` (linux-amd64, unpacked from its archive)",
        command: executable,
        args: [],
      },
      {
        kind: "node",
        label: "`node dist/native/main.js`",
        command: process.execPath,
        args: [path.join(repoRoot, "dist/native/main.js")],
      },
    ];
    log("bench:standalone: sizes");
    const sizes = measureSizes(executable);
    log(`bench:standalone: ${STARTS} starts of each plugin`);
    const starts = await measureStarts(launches);
    const memory: MemoryResult[] = [];
    for (const launch of launches) {
      log(`bench:standalone: ${ROSTER_SIZE} people, ${launch.kind}`);
      memory.push(await measureMemory(launch));
    }
    machine.loadAverage.end = os.loadavg();
    const targets = evaluate(sizes, starts, memory);
    const markdown = report(machine, launches, sizes, starts, memory, targets);
    writeFileSync(
      path.join(outDir, "results.json"),
      `${JSON.stringify({ machine, launches, sizes, starts, memory, targets }, null, 2)}\n`,
    );
    writeFileSync(path.join(outDir, "results.md"), markdown);
    process.stdout.write(markdown);
  } finally {
    rmSync(unpacked, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  log(`bench:standalone: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});

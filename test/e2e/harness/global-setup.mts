import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/**
 * Runs once before the e2e files: makes sure the Pulumi CLI of the pinned version exists
 * (scripts/ensure-pulumi builds it on a fresh machine) and that the package is compiled, since
 * the programs under test load `pulumi-chathub` from dist/ exactly as a user's program would.
 */
export default function setup(project: TestProject): void {
  const output = execFileSync(path.join(repoRoot, "scripts/ensure-pulumi"), {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const pulumiBin = output.trim().split("\n").pop() ?? "";
  if (!existsSync(pulumiBin)) throw new Error(`scripts/ensure-pulumi printed no usable binary: ${output}`);
  if (!existsSync(path.join(repoRoot, "dist/index.js"))) {
    execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: repoRoot, stdio: "inherit" });
  }
  installPackageForPrograms();
  project.provide("pulumiBin", pulumiBin);
}

/**
 * Installs what `npm pack` ships (package.json and dist/) as node_modules/pulumi-chathub, beside
 * @pulumi/pulumi, exactly the layout of a user's project: test programs in test/.work/<test>/
 * resolve both from there, so the program, the package and the provider process share one copy
 * of the SDK, and Pulumi serializes the provider as `require("pulumi-chathub/provider")`.
 */
function installPackageForPrograms(): void {
  const target = path.join(repoRoot, "node_modules/pulumi-chathub");
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  cpSync(path.join(repoRoot, "package.json"), path.join(target, "package.json"));
  cpSync(path.join(repoRoot, "dist"), path.join(target, "dist"), { recursive: true });
}

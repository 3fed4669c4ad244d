import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";

const repoRoot = path.resolve(__dirname, "../../..");

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
  project.provide("pulumiBin", pulumiBin);
}

declare module "vitest" {
  export interface ProvidedContext {
    pulumiBin: string;
  }
}

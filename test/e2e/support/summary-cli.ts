import { spawn } from "node:child_process";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const repoRoot = path.resolve(__dirname, "../../..");
/** The command line of the package the e2e global setup installed, as a user's install has it. */
const CLI = path.join(repoRoot, "node_modules/pulumi-chathub/dist/cli.js");

export interface SummaryRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `pulumi-chathub summary <args>`, with `input` on standard input when given. */
export function runSummary(
  args: readonly string[],
  input?: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<SummaryRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, "summary", ...args], {
      env,
      stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    if (input !== undefined) child.stdin?.end(input);
  });
}

/**
 * Puts `pulumi-chathub` in `dir`'s node_modules/.bin, where `npx` finds it after an `npm ci` of
 * a project depending on the package: what a workflow's `npx --no-install pulumi-chathub` runs.
 */
export function installCliBin(dir: string): void {
  const bin = path.join(dir, "node_modules/.bin");
  mkdirSync(bin, { recursive: true });
  const launcher = path.join(bin, "pulumi-chathub");
  writeFileSync(launcher, `#!/bin/sh\nexec node "${CLI}" "$@"\n`);
  chmodSync(launcher, 0o755);
}

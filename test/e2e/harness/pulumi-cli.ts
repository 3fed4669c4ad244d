import { spawn } from "node:child_process";

export interface CliResult {
  /** The command line, for messages. */
  command: string;
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Kill the process after this many milliseconds (the result then has code null). */
  killAfterMs?: number;
  /** Called with each chunk of output, e.g. to kill the process at a given moment. */
  onOutput?: (chunk: string, kill: () => void) => void;
}

/** Runs the real `pulumi` binary and collects its output; never throws on a non-zero exit. */
export function runPulumi(pulumiBin: string, args: string[], options: RunOptions): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(pulumiBin, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    const kill = () => child.kill("SIGKILL");
    const timer = options.killAfterMs === undefined ? undefined : setTimeout(kill, options.killAfterMs);
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
      options.onOutput?.(d.toString(), kill);
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
      options.onOutput?.(d.toString(), kill);
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (timer) clearTimeout(timer);
      resolve({ command: `pulumi ${args.join(" ")}`, code, stdout, stderr });
    });
  });
}

/** Throws with the command's output when it did not exit 0. */
export function expectSuccess(result: CliResult): CliResult {
  if (result.code !== 0) {
    throw new Error(
      `${result.command} exited ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`,
    );
  }
  return result;
}

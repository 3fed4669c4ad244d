import { execFileSync, spawn } from "node:child_process";

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
  /** Called once the process has started, with its pid and a function that kills it (SIGKILL). */
  onStart?: (pid: number, kill: () => void) => void;
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
    if (child.pid !== undefined) options.onStart?.(child.pid, kill);
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

export interface ProcessInfo {
  pid: number;
  command: string;
}

/**
 * Every process descended from `pid` now (children, grandchildren, …). The engine starts its
 * plugins in process groups of their own, so a `pulumi` killed with SIGKILL leaves them running,
 * reparented: take this list before the kill to find them afterwards.
 */
export function descendantProcesses(pid: number): ProcessInfo[] {
  const table = execFileSync("ps", ["-A", "-o", "pid=,ppid=,command="], { encoding: "utf8" })
    .split("\n")
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match) => match !== null)
    .map((match) => ({ pid: Number(match[1]), ppid: Number(match[2]), command: match[3] as string }));
  const found: ProcessInfo[] = [];
  const visit = (parent: number) => {
    for (const row of table) {
      if (row.ppid === parent && !found.some((known) => known.pid === row.pid)) {
        found.push({ pid: row.pid, command: row.command });
        visit(row.pid);
      }
    }
  };
  visit(pid);
  return found;
}

/** Whether a process listed by descendantProcesses still runs (the same command: a reused pid does not count). */
export function isStillRunning(leftover: ProcessInfo): boolean {
  try {
    const command = execFileSync("ps", ["-o", "command=", "-p", String(leftover.pid)], { encoding: "utf8" });
    return command.trim() === leftover.command;
  } catch {
    return false; // gone
  }
}

/** Kills (SIGKILL) a process listed by descendantProcesses if it still runs, and never another that got its pid. */
export function killIfStillRunning(leftover: ProcessInfo): void {
  if (!isStillRunning(leftover)) return;
  try {
    process.kill(leftover.pid, "SIGKILL");
  } catch {
    // ended meanwhile
  }
}

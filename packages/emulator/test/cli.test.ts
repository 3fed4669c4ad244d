import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { createInterface } from "node:readline";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_EMULATOR_LOGIN, DEFAULT_EMULATOR_TOKEN } from "../src";
import { SpecClient } from "./spec-client";

const packageRoot = resolve(__dirname, "..");
// Inside the package, so that the compiled CLI finds its dependencies as the built one does.
const buildDirectory = join(packageRoot, ".work", `cli-${process.pid}`);
const cliPath = join(buildDirectory, "cli.js");

/**
 * Compiles the emulator and its CLI with tsconfig.build.json's settings into a private directory
 * (transpile only: type checking is `npm run typecheck`'s job), so this test neither races with
 * other builds of dist/ nor depends on unrelated work in progress compiling, and takes a second
 * rather than a full `tsc` run.
 */
async function buildCli(): Promise<void> {
  const configPath = join(packageRoot, "tsconfig.build.json");
  const config = ts.parseJsonConfigFileContent(
    ts.readConfigFile(configPath, ts.sys.readFile).config,
    ts.sys,
    packageRoot,
  );
  const sources = (await readdir(join(packageRoot, "src"))).map((name) => `src/${name}`);
  for (const source of sources.filter((path) => path.endsWith(".ts"))) {
    const { outputText } = ts.transpileModule(await readFile(join(packageRoot, source), "utf8"), {
      compilerOptions: { ...config.options, sourceMap: false, declaration: false },
      fileName: source,
    });
    const target = join(buildDirectory, relative("src", source).replace(/\.ts$/, ".js"));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, outputText);
  }
}

beforeAll(buildCli, 60_000);

afterAll(async () => {
  await rm(buildDirectory, { recursive: true, force: true });
});

interface RunningCli {
  child: ChildProcessWithoutNullStreams;
  lines: string[];
  nextLine(): Promise<string>;
  exitCode: Promise<number | null>;
  stderr(): string;
}

function runCli(args: string[], env: Record<string, string> = {}): RunningCli {
  const child = spawn(process.execPath, [cliPath, ...args], { env: { ...process.env, ...env } });
  const lines: string[] = [];
  const waiting: Array<(line: string) => void> = [];
  createInterface({ input: child.stdout }).on("line", (line) => {
    const waiter = waiting.shift();
    if (waiter) waiter(line);
    else lines.push(line);
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exitCode = new Promise<number | null>((resolveExit) => child.on("exit", (code) => resolveExit(code)));
  return {
    child,
    lines,
    exitCode,
    stderr: () => stderr,
    nextLine: () => {
      const buffered = lines.shift();
      if (buffered !== undefined) return Promise.resolve(buffered);
      return new Promise((resolveLine, rejectLine) => {
        waiting.push(resolveLine);
        exitCode.then((code) => rejectLine(new Error(`CLI exited with ${code}: ${stderr}`)));
      });
    },
  };
}

const LISTENING = /^ChatHub emulator listening on (http:\/\/127\.0\.0\.1:(\d+))$/;

describe("pulumi-chathub-emulator (the built CLI)", () => {
  it("prints where it listens first, serves the spec's data, and exits 0 on SIGTERM", async () => {
    const cli = runCli(["--port", "0", "--quiet"]);
    const first = await cli.nextLine();
    const [, url = "", port = ""] = LISTENING.exec(first) ?? [];
    expect(first).toMatch(LISTENING);
    expect(Number(port)).toBeGreaterThan(0);
    expect(await cli.nextLine()).toContain(DEFAULT_EMULATOR_TOKEN);
    expect(await cli.nextLine()).toContain(DEFAULT_EMULATOR_LOGIN);

    expect(await new SpecClient(url).listOperators(24)).toHaveLength(3);
    cli.child.kill("SIGTERM");
    expect(await cli.exitCode).toBe(0);
    expect(cli.lines).toEqual([]);
  });

  it("accepts the --token it is given without ever printing it, logs requests, and exits 0 on SIGINT", async () => {
    const token = "cli-secret-token-42";
    const password = "cli-secret-password-42";
    const cli = runCli(["--port", "0", "--token", token, "--password", password], {
      CHATHUB_EMULATOR_LIST_CONTENT_TYPE: "application/json",
    });
    const url = LISTENING.exec(await cli.nextLine())?.[1] ?? "";
    const client = new SpecClient(url, token);
    const listed = await client.list(24);
    expect(listed.status).toBe(200);
    expect(listed.headers.get("content-type")).toMatch(/^application\/json/);
    expect((await client.withToken(DEFAULT_EMULATOR_TOKEN).list(24)).status).toBe(401);
    const signIn = (login: string, secret: string) =>
      fetch(`${url}/api/company/get-token`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ login, password: secret }),
      });
    const signedIn = await signIn(DEFAULT_EMULATOR_LOGIN, password);
    expect(signedIn.status).toBe(200);
    expect((await signIn(DEFAULT_EMULATOR_LOGIN, "chathub-emulator-password")).status).toBe(401);
    const obtained = (await signedIn.json()) as string;

    cli.child.kill("SIGINT");
    expect(await cli.exitCode).toBe(0);
    const output = [...cli.lines, cli.stderr()].join("\n");
    expect(output).not.toContain(token);
    expect(output).not.toContain(password);
    expect(output).not.toContain(obtained);
    expect(output).toMatch(/POST \/api\/company\/get-token 200 \d+ms/);
    expect(output).toMatch(/GET \/api\/operator\?organizationId=24 200 \d+ms/);
    expect(output).toMatch(/GET \/api\/operator\?organizationId=24 401 \d+ms/);
  });

  it.each([
    [["--rate-limit", "50", "--rate-limit-burst", "75", "--no-retry-after"], {}],
    [
      [],
      {
        CHATHUB_EMULATOR_RATE_LIMIT: "50",
        CHATHUB_EMULATOR_RATE_LIMIT_BURST: "75",
        CHATHUB_EMULATOR_NO_RETRY_AFTER: "1",
      },
    ],
  ])("models the documented limits from %j %j", async (args, env) => {
    const cli = runCli(["--port", "0", "--quiet", ...args], env);
    const url = LISTENING.exec(await cli.nextLine())?.[1] ?? "";
    const behaviour = await (await fetch(`${url}/_emulator/behaviour`)).json();
    expect(behaviour).toMatchObject({
      rateLimitPerSecond: 50,
      rateLimitBurst: 75,
      rateLimitRetryAfter: false,
    });
    cli.child.kill("SIGTERM");
    expect(await cli.exitCode).toBe(0);
  });

  it.each([
    [["--rate-limit-burst", "0.5"], /--rate-limit-burst/],
    [["--failure-rate", "2"], /--failure-rate/],
    [["--no-access", "404"], /401, 403, empty/],
    [["--port", "http"], /--port/],
    [["--list-deleted", "sometimes"], /show, hide/],
    [["--rate-limit", "0"], /--rate-limit/],
    [["--no-such-switch"], /unknown option/],
  ])("refuses %j with a clear message and exit code 2", async (args, message) => {
    const cli = runCli(args);
    expect(await cli.exitCode).toBe(2);
    expect(cli.stderr()).toMatch(message);
    expect(cli.lines).toEqual([]);
  });

  it("is the package's bin, through a launcher that exists before the build, with a shebang", async () => {
    const manifest = JSON.parse(await readFile(join(packageRoot, "package.json"), "utf8")) as {
      bin: Record<string, string>;
    };
    const launcher = manifest.bin["pulumi-chathub-emulator"] as string;
    expect(launcher).toBe("bin/pulumi-chathub-emulator.js");
    const launcherSource = await readFile(join(packageRoot, launcher), "utf8");
    expect(launcherSource.startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(launcherSource).toContain('require("../dist/cli.js").main()');
    expect((await readFile(cliPath, "utf8")).startsWith("#!/usr/bin/env node\n")).toBe(true);
  });
});

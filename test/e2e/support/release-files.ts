import { execFileSync, spawn } from "node:child_process";
import {
  chmodSync,
  createReadStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { checksumMismatches } from "../../../scripts/release/checksums";
import { archiveName, DEFAULT_TARGETS, PROGRAMS, targetNamed } from "../../../scripts/release/targets";

const repoRoot = path.resolve(__dirname, "../../..");
export const RELEASE_DIR = path.join(repoRoot, "dist/release");
export const RELEASE_VERSION: string = JSON.parse(
  readFileSync(path.join(repoRoot, "package.json"), "utf8"),
).version;
/** Where the schema and both SDKs say the plugin is released (src/declarations/package.ts). */
export const RELEASE_SERVER = "github://api.github.com/pulumi-chathub/pulumi-chathub";

/** Every file `npm run release:files` writes for this version, SHA256SUMS aside. */
export function expectedReleaseFiles(): string[] {
  const archives = PROGRAMS.flatMap((program) =>
    DEFAULT_TARGETS.map((name) => archiveName(program, RELEASE_VERSION, targetNamed(name))),
  );
  return [
    ...archives,
    `pulumi_chathub-${RELEASE_VERSION}-py3-none-any.whl`,
    `pulumi_chathub-${RELEASE_VERSION}.tar.gz`,
    `pulumi-chathub-${RELEASE_VERSION}.tgz`,
    `pulumi-chathub-emulator-${RELEASE_VERSION}.tgz`,
  ].sort();
}

/** Fails, saying how to make them, unless dist/release/ holds this version's files and SHA256SUMS holds. */
export async function checkReleaseFiles(): Promise<void> {
  const missing = expectedReleaseFiles().filter((name) => !existsSync(path.join(RELEASE_DIR, name)));
  if (missing.length > 0 || !existsSync(path.join(RELEASE_DIR, "SHA256SUMS"))) {
    throw new Error(`dist/release/ lacks ${missing.join(", ") || "SHA256SUMS"}: run npm run release:files`);
  }
  const wrong = await checksumMismatches(RELEASE_DIR);
  if (wrong.length > 0) throw new Error(`dist/release/SHA256SUMS does not hold: ${wrong.join("; ")}`);
}

export interface ReleaseServer {
  /** http://127.0.0.1:<port>: what the engine is sent to instead of GitHub. */
  url: string;
  /** The paths asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** A static server of dist/release/ on 127.0.0.1, as a mirror of the GitHub release would be. */
export async function serveRelease(): Promise<ReleaseServer> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const name = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname.slice(1));
    requests.push(name);
    const file = path.join(RELEASE_DIR, path.basename(name));
    if (name.includes("/") || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    // The engine checks the bytes it copied against the length (as GitHub's downloads give it).
    response.writeHead(200, {
      "content-type": "application/octet-stream",
      "content-length": statSync(file).size,
    });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface NodeStubs {
  /** A folder to put first on PATH: `node`, `npm` and `npx` there fail and record the call. */
  dir: string;
  /** The calls recorded, one line each (the command and its arguments). */
  calls(): string[];
}

/** `node`, `npm` and `npx` that fail, so that a run needing Node.js fails and says so. */
export function nodeStubs(): NodeStubs {
  const dir = mkdtempSync(path.join(os.tmpdir(), "chathub-no-node-"));
  const log = path.join(dir, "calls.log");
  writeFileSync(log, "");
  for (const name of ["node", "npm", "npx"]) {
    const stub = path.join(dir, name);
    writeFileSync(
      stub,
      `#!/bin/sh\necho "${name} $*" >> "${log}"\necho "${name} is not installed" >&2\nexit 127\n`,
    );
    chmodSync(stub, 0o755);
  }
  return { dir, calls: () => readFileSync(log, "utf8").split("\n").filter(Boolean) };
}

/**
 * The environment of a Pulumi command on a machine with only the CLI (and the language's own
 * toolchain): the plugin is not on PATH nor installed, the engine installs it from the release
 * files (served by `server`, in place of the GitHub release the SDKs name), and Node.js is absent.
 */
export function releaseOnlyEnv(server: ReleaseServer, stubs: NodeStubs): Record<string, string> {
  return {
    PATH: [stubs.dir, process.env.PATH ?? ""].join(path.delimiter),
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "false",
    PULUMI_IGNORE_AMBIENT_PLUGINS: "true",
    PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES: `^${RELEASE_SERVER}=${server.url}`,
  };
}

/** The folder the engine installs this release's plugin into, under a PULUMI_HOME. */
export function installedPluginDir(pulumiHome: string): string {
  return path.join(pulumiHome, "plugins", `resource-chathub-v${RELEASE_VERSION}`);
}

/** A release archive of this machine's platform (linux-amd64), unpacked into a new folder. */
export function unpackArchive(program: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `chathub-${program}-`));
  const file = path.join(RELEASE_DIR, `${program}-v${RELEASE_VERSION}-linux-amd64.tar.gz`);
  execFileSync("tar", ["-xzf", file, "-C", dir]);
  return dir;
}

export interface StandaloneEmulator {
  url: string;
  close(): Promise<void>;
}

/** The emulator from its release archive, with no Node.js on PATH, on a free port. */
export async function startStandaloneEmulator(token: string): Promise<StandaloneEmulator> {
  const dir = unpackArchive("pulumi-chathub-emulator");
  const child = spawn(
    path.join(dir, "pulumi-chathub-emulator"),
    ["--port", "0", "--token", token, "--quiet"],
    {
      env: { PATH: "/nonexistent" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the emulator did not start: ${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /listening on (http:\/\/\S+)/.exec(output);
      if (found?.[1]) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.on("exit", (code) => reject(new Error(`the emulator exited (${code}): ${output}`)));
  });
  return {
    url,
    close: async () => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill();
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

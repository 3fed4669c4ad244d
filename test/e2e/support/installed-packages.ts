import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

// Asynchronous: a test worker whose event loop is blocked for a minute loses its line to vitest.
const run = promisify(execFile);

/**
 * The packages installed in a program, as npm sees them: the unique paths of
 * `npm ls --all --parseable` relative to the program (a package nested under another, as npm
 * does for clashing versions, counts once per copy, like the disk space it takes).
 */
export async function installedPackages(program: string): Promise<Set<string>> {
  const { stdout } = await run("npm", ["ls", "--all", "--parseable"], { cwd: program, encoding: "utf8" });
  const paths = stdout
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => path.relative(program, line))
    // The program itself is listed first, as "".
    .filter((relative) => relative !== "");
  return new Set(paths);
}

/** A package's name from its path: the part after the last node_modules/. */
export function packageName(relativePath: string): string {
  const parts = relativePath.split(path.sep);
  const last = parts.lastIndexOf("node_modules");
  return parts.slice(last + 1).join("/");
}

/** Kilobytes a folder takes on disk (`du -sk`). */
export async function diskKilobytes(folder: string): Promise<number> {
  const { stdout } = await run("du", ["-sk", folder], { encoding: "utf8" });
  return Number(stdout.split("\t")[0]);
}

/**
 * Web servers (and their plugin scopes) that must not reach a user's program: the emulator's
 * server is a test tool, not a run-time dependency of the provider.
 */
const WEB_SERVERS = [
  /^fastify$/,
  /^@fastify\//,
  /^express$/,
  /^koa$/,
  /^@hapi\/hapi$/,
  /^restify$/,
  /^hono$/,
];

export function isWebServer(name: string): boolean {
  return WEB_SERVERS.some((pattern) => pattern.test(name));
}

import { type ChildProcessWithoutNullStreams, execFile, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repoRoot = path.resolve(__dirname, "../..");
// Asynchronous: a test worker whose event loop is blocked for a minute loses its line to vitest.
const run = promisify(execFile);

// The emulator's own package, installed alone into an empty project as a team's CI would: inside
// this repository its dependencies are hoisted beside everyone else's, so only an install of its
// own shows that its package.json declares all it needs, and that its bin starts.
describe("pulumi-chathub-emulator as `npm pack` makes it", () => {
  let project: string;
  let emulator: ChildProcessWithoutNullStreams | undefined;
  beforeAll(async () => {
    project = mkdtempSync(path.join(os.tmpdir(), "chathub-packed-emulator-"));
    await run(
      "npm",
      [
        "pack",
        "--silent",
        "--ignore-scripts",
        "--workspace",
        "pulumi-chathub-emulator",
        "--pack-destination",
        project,
      ],
      {
        cwd: repoRoot,
      },
    );
    const tarball = readdirSync(project).find((f) => f.endsWith(".tgz")) as string;
    writeFileSync(
      path.join(project, "package.json"),
      JSON.stringify({ name: "team-ci", private: true, devDependencies: {} }),
    );
    await run(
      "npm",
      ["install", "--no-audit", "--no-fund", "--loglevel=error", "--save-dev", `./${tarball}`],
      {
        cwd: project,
      },
    );
  }, 600_000);
  afterAll(() => {
    emulator?.kill("SIGKILL");
    rmSync(project, { recursive: true, force: true });
  });

  it("starts as the bin npm linked, serves the vendor's example, and stops on SIGTERM", async () => {
    // What `npx pulumi-chathub-emulator` runs (npx itself would stand between the signal and it).
    emulator = spawn(
      path.join(project, "node_modules/.bin/pulumi-chathub-emulator"),
      ["--port", "0", "--quiet"],
      {
        cwd: project,
      },
    );
    let stderr = "";
    emulator.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => emulator?.on("exit", (code) => resolve(code)));
    const firstLine = await new Promise<string>((resolve, reject) => {
      createInterface({ input: (emulator as ChildProcessWithoutNullStreams).stdout }).once("line", resolve);
      exited.then((code) => reject(new Error(`pulumi-chathub-emulator exited with ${code}: ${stderr}`)));
    });
    const url = /^ChatHub emulator listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(firstLine)?.[1];
    expect(url, firstLine).toBeDefined();

    const listed = await fetch(`${url}/api/operator?organizationId=24`, {
      headers: { Authorization: "Bearer chathub-emulator-token" },
    });
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as Array<{ id: number }>).map((o) => o.id)).toEqual([101, 102, 103]);

    emulator.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});

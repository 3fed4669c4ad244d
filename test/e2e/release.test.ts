import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startPlugin } from "./harness/plugin-process";
import { expectSuccess, runPulumi } from "./harness/pulumi-cli";
import { TestStack } from "./harness/test-stack";
import {
  checkReleaseFiles,
  expectedReleaseFiles,
  installedPluginDir,
  type NodeStubs,
  nodeStubs,
  RELEASE_DIR,
  RELEASE_SERVER,
  RELEASE_VERSION,
  type ReleaseServer,
  releaseOnlyEnv,
  type StandaloneEmulator,
  serveRelease,
  startStandaloneEmulator,
  unpackArchive,
} from "./support/release-files";

// What `npm run release:files` leaves in dist/release/, used as a user without this repository
// and without Node.js uses it. Python and Go programs run from the same files in
// python-program.test.ts and go-program.test.ts (support/sdk-example.ts).

const repoRoot = path.resolve(__dirname, "../..");
const pulumiBin = inject("pulumiBin");
const TOKEN = "release-company-token";

let release: ReleaseServer;
let stubs: NodeStubs;
beforeAll(async () => {
  await checkReleaseFiles();
  release = await serveRelease();
  stubs = nodeStubs();
});
afterAll(async () => {
  await release?.close();
  if (stubs) rmSync(stubs.dir, { recursive: true, force: true });
});

/** A pulumi command with only the CLI on PATH (and failing node stubs), on a PULUMI_HOME of its own. */
function bareCli(args: string[], pulumiHome: string) {
  return runPulumi(pulumiBin, args, {
    cwd: pulumiHome,
    env: {
      ...process.env,
      ...releaseOnlyEnv(release, stubs),
      PATH: [stubs.dir, path.dirname(pulumiBin), process.env.PATH].join(path.delimiter),
      PULUMI_HOME: pulumiHome,
      PULUMI_SKIP_UPDATE_CHECK: "true",
      NO_COLOR: "1",
    },
  });
}

describe("the release files", () => {
  it("are every archive, both Python distributions and both npm tarballs, and SHA256SUMS holds over them", () => {
    const listed = execFileSync("sha256sum", ["-c", "SHA256SUMS"], { cwd: RELEASE_DIR, encoding: "utf8" });
    const checked = listed
      .trim()
      .split("\n")
      .map((line) => line.replace(/: OK$/, ""));
    expect(checked.sort()).toEqual(expectedReleaseFiles());
  });

  it.each([
    ["pulumi-resource-chathub", "linux-amd64", "pulumi-resource-chathub"],
    ["pulumi-resource-chathub", "windows-amd64", "pulumi-resource-chathub.exe"],
    ["pulumi-chathub-emulator", "darwin-amd64", "pulumi-chathub-emulator"],
  ])("%s for %s holds %s at its root, with README.md and LICENSE", (program, target, executable) => {
    const archive = path.join(RELEASE_DIR, `${program}-v${RELEASE_VERSION}-${target}.tar.gz`);
    const entries = execFileSync("tar", ["-tzf", archive], { encoding: "utf8" }).trim().split("\n");
    expect(entries.sort()).toEqual(["LICENSE", "README.md", executable].sort());
  });

  it("the plugin starts on a machine without Node.js, says nothing on stderr and reports the release's version", async () => {
    const dir = unpackArchive("pulumi-resource-chathub");
    const plugin = await startPlugin(path.join(dir, "pulumi-resource-chathub"), [], { PATH: "/nonexistent" });
    try {
      expect(plugin.version).toBe(RELEASE_VERSION);
      expect(plugin.stderr()).toBe("");
    } finally {
      await plugin.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("pulumi plugin install resource chathub <version> installs it from the release, or from an archive with --file", async () => {
    for (const how of [
      ["--server", RELEASE_SERVER],
      ["--file", path.join(RELEASE_DIR, `pulumi-resource-chathub-v${RELEASE_VERSION}-linux-amd64.tar.gz`)],
    ]) {
      const home = mkdtempSync(path.join(os.tmpdir(), "chathub-plugin-install-"));
      try {
        expectSuccess(
          await bareCli(["plugin", "install", "resource", "chathub", RELEASE_VERSION, ...how], home),
        );
        expect(existsSync(path.join(installedPluginDir(home), "pulumi-resource-chathub"))).toBe(true);
      } finally {
        rmSync(home, { recursive: true, force: true });
      }
    }
    expect(release.requests).toContain(`pulumi-resource-chathub-v${RELEASE_VERSION}-linux-amd64.tar.gz`);
    expect(stubs.calls()).toEqual([]);
  });
});

describe("examples/yaml, with the CLI alone: the engine installs the plugin, the emulator is its archive's", () => {
  let emulator: StandaloneEmulator;
  let stack: TestStack;
  beforeAll(async () => {
    emulator = await startStandaloneEmulator(TOKEN);
    stack = await TestStack.create({
      pulumiBin,
      name: "release-yaml",
      projectDir: path.join(repoRoot, "examples/yaml"),
      config: { "chathub:baseUrl": emulator.url },
      secrets: { "chathub:token": TOKEN },
      env: {
        ...releaseOnlyEnv(release, stubs),
        PATH: [stubs.dir, path.dirname(pulumiBin), process.env.PATH].join(path.delimiter),
      },
    });
  });
  afterAll(async () => {
    stack?.dispose();
    await emulator?.close();
  });

  it("deploys, names a person changed by hand in preview --refresh --diff, and destroys", async () => {
    await stack.up();
    expect(await stack.outputs()).toMatchObject({ counts: { total: 3, active: 2, inactive: 1 } });
    expect(
      existsSync(path.join(installedPluginDir(stack.env.PULUMI_HOME ?? ""), "pulumi-resource-chathub")),
    ).toBe(true);

    // Someone deactivates John Smith (101) by hand.
    const changed = await fetch(`${emulator.url}/_emulator/operators/101/status`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ status: 1 }),
    });
    expect(changed.status).toBe(200);
    const drift = await stack.run(["preview", "--refresh", "--diff", "--expect-no-changes"]);
    expect(drift.code).not.toBe(0);
    expect(drift.stdout).toMatch(/name\s*: "John Smith"[\s\S]*?~ status\s*: "inactive" => "active"/);

    expectSuccess(await stack.run(["state", "unprotect", "--all", "--yes"]));
    await stack.destroy();
    expect(await stack.resourcesOfType("chathub:index:OrganizationRoster")).toEqual([]);
    expect(stubs.calls()).toEqual([]);
  });
});

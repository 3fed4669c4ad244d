import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { DEFAULT_EMULATOR_TOKEN, type RunningEmulator, startEmulator } from "pulumi-chathub-emulator";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectSampleIn } from "../doc-samples/doc-samples";
import { chathubStack, OPERATOR_TYPE } from "./support/chathub-stack";
import { diskKilobytes, installedPackages, isWebServer, packageName } from "./support/installed-packages";
import { operatorsProgram } from "./support/programs";

const repoRoot = path.resolve(__dirname, "../..");
const run = promisify(execFile);
const pulumiVersion = (require("../../package.json") as { devDependencies: Record<string, string> })
  .devDependencies["@pulumi/pulumi"];

/**
 * What `npm install pulumi-chathub` may add to a program that has the SDK: the provider's own
 * run-time libraries and theirs (33 when this was set), with a little room, and nothing more.
 */
const MAX_ADDED_PACKAGES = 35;

// What npm publishes, installed the way a user installs it, outside this repository, drives a
// real `pulumi up` and `destroy`: the package's files, exports, types and peer dependency work.
describe("the package as `npm pack` makes it", () => {
  let emulator: RunningEmulator;
  let project: string;
  /** Packages of the program before and after the tarball was installed (installedPackages). */
  let withSdkOnly: Set<string>;
  let withPackage: Set<string>;
  let kilobytes: { withSdkOnly: number; withPackage: number };
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    project = mkdtempSync(path.join(os.tmpdir(), "chathub-packed-"));
    // Asynchronously, all of it: a worker blocked for minutes loses its line to vitest.
    await run("npm", ["pack", "--silent", "--ignore-scripts", "--pack-destination", project], {
      cwd: repoRoot,
    });
    const tarball = readdirSync(project).find((f) => f.endsWith(".tgz")) as string;
    // A user's program already has the SDK: install it first, so that what the package adds shows.
    writeFileSync(
      path.join(project, "package.json"),
      JSON.stringify({
        name: "packed-user",
        private: true,
        dependencies: { "@pulumi/pulumi": pulumiVersion },
      }),
    );
    const npmInstall = (...args: string[]) =>
      run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", ...args], { cwd: project });
    await npmInstall();
    withSdkOnly = await installedPackages(project);
    const nodeModules = path.join(project, "node_modules");
    const sdkKilobytes = await diskKilobytes(nodeModules);
    await npmInstall(`./${tarball}`);
    withPackage = await installedPackages(project);
    kilobytes = { withSdkOnly: sdkKilobytes, withPackage: await diskKilobytes(nodeModules) };
  }, 600_000);
  afterAll(async () => {
    await emulator.close();
    rmSync(project, { recursive: true, force: true });
  });

  it(`adds at most ${MAX_ADDED_PACKAGES} packages to a program that has @pulumi/pulumi, and no web server`, () => {
    const added = [...withPackage].filter((installed) => !withSdkOnly.has(installed)).sort();
    const names = added.map(packageName);
    const addedMegabytes = (kilobytes.withPackage - kilobytes.withSdkOnly) / 1024;
    console.log(
      `install size: npm install pulumi-chathub adds ${added.length} packages (at most ${MAX_ADDED_PACKAGES}), ` +
        `${addedMegabytes.toFixed(1)} MB, to @pulumi/pulumi ${pulumiVersion}'s ${withSdkOnly.size} ` +
        `(${(kilobytes.withSdkOnly / 1024).toFixed(1)} MB):\n  ${names.join(" ")}`,
    );
    expect(names).toContain("pulumi-chathub");
    expect(names.filter(isWebServer)).toEqual([]);
    expect(added.length).toBeLessThanOrEqual(MAX_ADDED_PACKAGES);
  });

  it("ships only dist/ with type declarations, the README and the LICENSE", () => {
    const files = readdirSync(path.join(project, "node_modules/pulumi-chathub"), {
      recursive: true,
    }) as string[];
    expect(files).toContain(path.join("dist", "index.d.ts"));
    // Every entry point the manifest exports is in the tarball.
    const manifest = JSON.parse(
      readFileSync(path.join(project, "node_modules/pulumi-chathub/package.json"), "utf8"),
    ) as { exports: Record<string, string | Record<string, string>> };
    const targets = Object.values(manifest.exports).flatMap((target) =>
      typeof target === "string" ? [target] : Object.values(target),
    );
    expect(targets.length).toBeGreaterThan(4);
    for (const target of targets) expect(files).toContain(path.normalize(target));
    // ...and the native provider's plugin, which `bin` names.
    expect(files).toContain(path.join("dist", "native", "main.js"));
    expect(files.filter((f) => f.startsWith("src") || f.startsWith("test"))).toEqual([]);
    // The emulator is a package of its own (pulumi-chathub-emulator), not part of this one.
    expect(files.filter((f) => f.includes("emulator"))).toEqual([]);
    expect(files).toContain("LICENSE");
    expect(readFileSync(path.join(project, "node_modules/pulumi-chathub/LICENSE"), "utf8")).toContain(
      "Apache License\n                           Version 2.0, January 2004",
    );
  });

  it("gives scripts the ChatHub client as pulumi-chathub/api (examples/api-client)", async () => {
    const files = readdirSync(path.join(project, "node_modules/pulumi-chathub/dist/api"));
    expect(files).toContain("index.d.ts");
    const script = path.join(project, "report.mjs");
    writeFileSync(script, readFileSync(path.join(repoRoot, "examples/api-client/report.mjs")));
    // Asynchronously: the emulator answering it runs in this process.
    const { stdout: printed } = await run("node", [script, "24"], {
      cwd: project,
      env: { ...process.env, CHATHUB_BASE_URL: emulator.url, CHATHUB_TOKEN: DEFAULT_EMULATOR_TOKEN },
    });
    const seeded = emulator.operators(24);
    expect(printed).toContain(`organization 24: ${seeded.length} operators`);
    for (const operator of seeded.filter((o) => o.status === 0)) expect(printed).toContain(operator.name);
    expectSampleIn(printed, "api-client-report");
  });

  it("runs a program that installed it from the tarball", async () => {
    const program = operatorsProgram([{ key: "packed", organizationId: 24, name: "Packed Operator" }]);
    const stack = await chathubStack(emulator, "packed", program, { workDir: project });
    try {
      await stack.up();
      expect(emulator.operators(24).find((o) => o.name === "Packed Operator")?.status).toBe(0);
      const [operator] = await stack.resourcesOfType(OPERATOR_TYPE);
      // Installed under node_modules, the provider is stored as a reference to the package.
      expect(operator?.inputs?.__provider).toContain('require("pulumi-chathub/provider")');
      expect(String(operator?.inputs?.__provider).length).toBeLessThan(400);
      await stack.destroy();
      expect(emulator.operators(24).find((o) => o.name === "Packed Operator")?.status).toBe(2);
    } finally {
      stack.dispose();
    }
  });

  it("runs a Pulumi YAML program with the plugin from the install's node_modules/.bin alone", async () => {
    const yaml = `resources:
  support:
    type: chathub:index:OrganizationRoster
    properties:
      organizationId: 25
      unmanaged: ignore
      file: team.csv
  solo:
    type: chathub:index:Operator
    properties:
      organizationId: 25
      name: Yaml Solo
outputs:
  counts: \${support.counts}
`;
    const pulumiDir = path.dirname(inject("pulumiBin"));
    const stack = await chathubStack(
      emulator,
      "packed-yaml",
      { yaml },
      {
        workDir: project,
        // Nothing of this repository on PATH: the plugin is the one `npm install` linked.
        env: {
          PATH: [pulumiDir, path.join(project, "node_modules/.bin"), process.env.PATH].join(path.delimiter),
        },
      },
    );
    const names = () =>
      emulator
        .operators(25)
        .filter((o) => o.status !== 2)
        .map((o) => o.name);
    try {
      stack.writeFile("team.csv", "name,status\nYara Yaml,active\nYusuf Yaml,inactive\n");
      await stack.up();
      expect(names()).toEqual(expect.arrayContaining(["Yara Yaml", "Yusuf Yaml", "Yaml Solo"]));
      expect((await stack.outputs()).counts).toEqual({ total: 2, active: 1, inactive: 1 });

      const yusuf = emulator.operators(25).find((o) => o.name === "Yusuf Yaml");
      emulator.setOperatorStatus(yusuf?.id as number, 0);
      const drift = await stack.run(["preview", "--refresh", "--diff", "--expect-no-changes"]);
      expect(drift.code).not.toBe(0);
      expect(drift.stdout).toMatch(/name\s*: "Yusuf Yaml"\s*~ status\s*: "active" => "inactive"/);
      await stack.refresh();
      await stack.up();
      expect(emulator.operators(25).find((o) => o.id === yusuf?.id)?.status).toBe(1);
      await stack.destroy();
      expect(names()).not.toContain("Yara Yaml");
      expect(names()).not.toContain("Yaml Solo");
    } finally {
      stack.dispose();
    }
  });
});

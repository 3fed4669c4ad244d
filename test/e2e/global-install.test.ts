import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { RunningEmulator } from "pulumi-chathub-emulator";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectSampleIn } from "../doc-samples/doc-samples";
import { chathubStack } from "./support/chathub-stack";
import { pythonVenv } from "./support/python-venv";
import { type TwoCompanies, twoCompanyEmulator } from "./support/two-companies";

// Issue 22 part 3: what a YAML or Python user has after `npm install -g pulumi-chathub`, and
// nothing of this repository: PATH is the install's bin, node's folder, the CLI's folder and the
// program's virtualenv, no node_modules/.bin.

const repoRoot = path.resolve(__dirname, "../..");
const run = promisify(execFile);

describe("the package installed globally (npm install -g)", () => {
  let companies: TwoCompanies;
  let emulator: RunningEmulator;
  let scratch: string;
  let prefix: string;
  let venv: string;
  /** PATH with the global install's bin, or without it (the plugin missing). */
  let pathWith: (withPlugin: boolean) => string;

  beforeAll(async () => {
    companies = await twoCompanyEmulator("global");
    emulator = companies.emulator;
    scratch = mkdtempSync(path.join(os.tmpdir(), "chathub-global-"));
    prefix = path.join(scratch, "prefix");
    await run("npm", ["pack", "--silent", "--ignore-scripts", "--pack-destination", scratch], {
      cwd: repoRoot,
    });
    const tarball = readdirSync(scratch).find((f) => f.endsWith(".tgz")) as string;
    await run(
      "npm",
      [
        "install",
        "-g",
        "--prefix",
        prefix,
        "--no-audit",
        "--no-fund",
        "--loglevel=error",
        path.join(scratch, tarball),
      ],
      { cwd: scratch },
    );
    venv = await pythonVenv();
    pathWith = (withPlugin) =>
      [
        ...(withPlugin ? [path.join(prefix, "bin")] : []),
        path.dirname(process.execPath),
        path.dirname(inject("pulumiBin")),
        path.join(venv, "bin"),
      ].join(path.delimiter);
  }, 600_000);
  afterAll(async () => {
    await emulator?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  const programs = {
    yaml: {
      yaml: `variables:
  sales:
    fn::invoke:
      function: chathub:index:getOrganization
      arguments:
        name: Sales
      return: id
resources:
  support:
    type: chathub:index:OrganizationRoster
    properties:
      organizationId: 24
      operators: [{ name: John Smith }, { name: Gale Global }]
      unmanaged: ignore
  dana:
    type: chathub:index:Operator
    properties:
      organizationId: \${sales}
      name: Dana Sales
outputs:
  counts: \${support.counts}
`,
    },
    python: { projectDir: path.join(repoRoot, "examples/python") },
  };

  it.each(Object.keys(programs) as (keyof typeof programs)[])(
    "runs a %s program through up and destroy with nothing else on PATH",
    async (language) => {
      const workDir = path.join(scratch, "programs");
      mkdirSync(workDir, { recursive: true });
      const stack = await chathubStack(emulator, `global-${language}`, programs[language], {
        ...companies.stackOptions,
        workDir,
        env: { PATH: pathWith(true) },
      });
      if (language === "python") symlinkSync(venv, path.join(stack.dir, "venv"));
      try {
        await stack.up();
        expect(live(25).map((o) => o.name)).toContain("Dana Sales");
        await stack.destroy();
        expect(live(25).map((o) => o.name)).not.toContain("Dana Sales");
      } finally {
        stack.dispose();
      }
    },
    300_000,
  );

  it("without the plugin on PATH, the engine says it is missing (docs/native-provider.md quotes this)", async () => {
    const stack = await chathubStack(emulator, "global-missing", programs.yaml, {
      token: companies.companyA,
      workDir: path.join(scratch, "programs"),
      // Automatic plugin acquisition stays off (as in every e2e stack): with it on, the engine would
      // first try to download `chathub` from outside this machine.
      env: { PATH: pathWith(false) },
    });
    try {
      const requestsBefore = emulator.counters().total;
      const preview = await stack.run(["preview"]);
      expect(preview.code).not.toBe(0);
      expect(preview.stdout + preview.stderr).toContain(
        `internal error loading package "chathub": no resource plugin 'pulumi-resource-chathub' found in the workspace or on your $PATH`,
      );
      expectSampleIn(preview.stdout + preview.stderr, "plugin-missing");
      expect(emulator.counters().total).toBe(requestsBefore);
    } finally {
      stack.dispose();
    }
  }, 300_000);

  it("without the plugin on PATH, finds it in the folder Pulumi.yaml's plugins.providers names", async () => {
    const stack = await chathubStack(
      emulator,
      "global-plugins-path",
      {
        yaml: `plugins:\n  providers:\n    - name: chathub\n      path: ./node_modules/.bin\n${programs.yaml.yaml}`,
      },
      {
        token: companies.companyA,
        workDir: path.join(scratch, "programs"),
        env: { PATH: pathWith(false) },
      },
    );
    // What `npm install pulumi-chathub` beside the program leaves there: the plugin in node_modules/.bin.
    mkdirSync(path.join(stack.dir, "node_modules"), { recursive: true });
    symlinkSync(path.join(prefix, "bin"), path.join(stack.dir, "node_modules/.bin"));
    try {
      const preview = await stack.run(["preview"]);
      expect(preview.code, preview.stdout + preview.stderr).toBe(0);
      expect(preview.stdout).toContain("chathub:index:OrganizationRoster");
    } finally {
      stack.dispose();
    }
  }, 300_000);

  function live(organizationId: number) {
    return emulator.operators(organizationId).filter((o) => o.status !== 2);
  }
});

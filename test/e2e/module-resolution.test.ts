import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { type RunningEmulator, startEmulator } from "pulumi-chathub-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chathubStack } from "./support/chathub-stack";

// Every entry point of the package, installed from `npm pack`, in programs and a policy pack made
// the way Pulumi's own templates make them — not with this repository's tsconfig (node16). The
// programs run through the real CLI, whose Node.js runner type-checks them with ts-node.

const repoRoot = path.resolve(__dirname, "../..");
const run = promisify(execFile);
const manifest = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
  exports: Record<string, unknown>;
  devDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};

/** "pulumi-chathub", "pulumi-chathub/api", …: every subpath the manifest exports, but package.json. */
const ENTRY_POINTS = Object.keys(manifest.exports)
  .filter((subpath) => subpath !== "./package.json")
  .map((subpath) => (subpath === "." ? "pulumi-chathub" : `pulumi-chathub/${subpath.slice(2)}`));

// The compiler options of `pulumi new typescript` (its tsconfig.json until 2026-03) and of every
// TypeScript template of `pulumi policy new`: CommonJS with the "node" (node10) resolution, which
// knows nothing of package.json `exports`, and no skipLibCheck.
const TEMPLATE_OPTIONS = {
  strict: true,
  outDir: "bin",
  module: "commonjs",
  moduleResolution: "node",
  sourceMap: true,
  experimentalDecorators: true,
  pretty: true,
  noFallthroughCasesInSwitch: true,
  noImplicitReturns: true,
  forceConsistentCasingInFileNames: true,
};
const PROGRAM_OPTIONS = { ...TEMPLATE_OPTIONS, target: "es2020" };
const POLICY_PACK_OPTIONS = { ...TEMPLATE_OPTIONS, target: "es2016" };

/** The resolutions a user's project may have; `module` is what each requires beside it. */
const RESOLUTIONS = [
  { moduleResolution: "node", module: "commonjs" },
  { moduleResolution: "node16", module: "node16" },
  { moduleResolution: "nodenext", module: "nodenext" },
  { moduleResolution: "bundler", module: "esnext" },
] as const;

/** A TypeScript file that imports every entry point and uses a value of each, with its type. */
function everyEntryPoint(): string {
  return [
    ...ENTRY_POINTS.map((entry, index) => `import * as entry${index} from ${JSON.stringify(entry)};`),
    'import { type ChatHubOperatorArgs } from "pulumi-chathub";',
    'import { parseOperatorRef } from "pulumi-chathub/api";',
    'import { chathubRosterPolicies } from "pulumi-chathub/policy";',
    // Typed uses: under a resolution that cannot see the declarations these are errors, not `any`.
    'const args: ChatHubOperatorArgs = { organizationId: 24, name: "Alex Brown" };',
    'const ref: { organizationId: number; operatorId: number } = parseOperatorRef("24/104");',
    "const policies: { name: string }[] = chathubRosterPolicies({ minActivePerOrganization: 1 });",
    `export const exportedNames = { ${ENTRY_POINTS.map((entry, index) => `${JSON.stringify(entry)}: Object.keys(entry${index}).length`).join(", ")} };`,
    "export const used = [args.name, ref.operatorId, policies.length];",
    "",
  ].join("\n");
}

describe("every entry point under every module resolution, from npm pack", () => {
  let emulator: RunningEmulator;
  let project: string;
  let templates: string;
  const tsc = () => path.join(project, "node_modules/typescript/bin/tsc");

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    // Outside the repository, so nothing resolves to its own node_modules.
    project = mkdtempSync(path.join(os.tmpdir(), "chathub-resolution-"));
    templates = path.join(project, ".templates");
    await run("npm", ["pack", "--silent", "--ignore-scripts", "--pack-destination", project], {
      cwd: repoRoot,
    });
    const tarball = readdirSync(project).find((file) => file.endsWith(".tgz")) as string;
    writeFileSync(
      path.join(project, "package.json"),
      JSON.stringify({
        name: "resolution-user",
        private: true,
        dependencies: {
          "@pulumi/pulumi": manifest.devDependencies["@pulumi/pulumi"],
          "@pulumi/policy": manifest.devDependencies["@pulumi/policy"],
          "pulumi-chathub": `file:./${tarball}`,
        },
        devDependencies: { "@types/node": "^20", typescript: manifest.devDependencies.typescript },
      }),
    );
    await run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: project });
  }, 600_000);
  afterAll(async () => {
    await emulator?.close();
    if (project) rmSync(project, { recursive: true, force: true });
  });

  it.each(RESOLUTIONS)(
    "type-checks every entry point with moduleResolution $moduleResolution",
    async (resolution) => {
      const dir = path.join(project, `tsc-${resolution.moduleResolution}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, "index.ts"), everyEntryPoint());
      // skipLibCheck: @pulumi/policy's own declarations do not check without it (an upstream
      // matter: ts-node, which Pulumi runs programs with, reports only the program's files).
      const compilerOptions = { ...PROGRAM_OPTIONS, ...resolution, skipLibCheck: true, noEmit: true };
      writeFileSync(
        path.join(dir, "tsconfig.json"),
        JSON.stringify({ compilerOptions, files: ["index.ts"] }),
      );
      const result = await run(process.execPath, [tsc(), "-p", dir]).then(
        () => "",
        (error: { stdout: string }) => error.stdout,
      );
      expect(result).toBe("");
    },
  );

  /** A TypeScript program folder as `pulumi new typescript` lays it out, with these compiler options. */
  function templateProgram(name: string, compilerOptions: object): { projectDir: string } {
    const dir = path.join(templates, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, "Pulumi.yaml"),
      `name: ${name}\nruntime:\n  name: nodejs\n  options:\n    packagemanager: npm\n`,
    );
    writeFileSync(
      path.join(dir, "package.json"),
      JSON.stringify({ name, devDependencies: { typescript: manifest.devDependencies.typescript } }),
    );
    writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["index.ts"] }));
    writeFileSync(
      path.join(dir, "index.ts"),
      [
        everyEntryPoint(),
        'import { ChatHubOrganizationRoster } from "pulumi-chathub";',
        `const roster = new ChatHubOrganizationRoster("support", { organizationId: 24, unmanaged: "ignore", operators: [{ name: "${name} Person" }] });`,
        "export const counts = roster.counts;",
        "",
      ].join("\n"),
    );
    return { projectDir: dir };
  }

  const liveNames = () =>
    emulator
      .operators(24)
      .filter((operator) => operator.status !== 2)
      .map((operator) => operator.name);

  it.each([
    { title: "node, as `pulumi new typescript` made it until 2026-03", resolution: RESOLUTIONS[0] },
    { title: "node16", resolution: RESOLUTIONS[1] },
    { title: "nodenext", resolution: RESOLUTIONS[2] },
  ])("runs a program through pulumi up and destroy: moduleResolution $title", async ({ resolution }) => {
    const program = templateProgram(`resolution-${resolution.moduleResolution}`, {
      ...PROGRAM_OPTIONS,
      ...resolution,
    });
    const stack = await chathubStack(emulator, `resolution-${resolution.moduleResolution}`, program, {
      workDir: project,
    });
    try {
      await stack.up();
      const outputs = await stack.outputs();
      const exportedNames = outputs.exportedNames as Record<string, number>;
      expect(Object.keys(exportedNames).sort()).toEqual([...ENTRY_POINTS].sort());
      for (const entry of ENTRY_POINTS) expect(exportedNames[entry], entry).toBeGreaterThan(0);
      expect(liveNames()).toContain(`${stack.projectName} Person`);
      await stack.destroy();
      expect(liveNames()).not.toContain(`${stack.projectName} Person`);
    } finally {
      stack.dispose();
    }
  });

  it("runs a policy pack with the tsconfig of `pulumi policy new typescript` at pulumi preview --policy-pack", async () => {
    const pack = path.join(project, "template-pack");
    mkdirSync(pack, { recursive: true });
    writeFileSync(path.join(pack, "PulumiPolicy.yaml"), "runtime: nodejs\nversion: 0.0.1\n");
    writeFileSync(
      path.join(pack, "package.json"),
      JSON.stringify({
        name: "template-pack",
        version: "0.0.1",
        devDependencies: { typescript: manifest.devDependencies.typescript },
      }),
    );
    writeFileSync(
      path.join(pack, "tsconfig.json"),
      JSON.stringify({ compilerOptions: POLICY_PACK_OPTIONS, files: ["index.ts"] }),
    );
    writeFileSync(
      path.join(pack, "index.ts"),
      [
        'import { PolicyPack } from "@pulumi/policy";',
        'import { MAX_OPERATOR_NAME_LENGTH } from "pulumi-chathub/api";',
        'import { chathubRosterPolicies } from "pulumi-chathub/policy";',
        "const minimum: number = MAX_OPERATOR_NAME_LENGTH > 0 ? 2 : 0;",
        'new PolicyPack("template-pack", { policies: chathubRosterPolicies({ minActivePerOrganization: minimum }) });',
        "",
      ].join("\n"),
    );
    const program = templateProgram("template-pack-program", { ...PROGRAM_OPTIONS, ...RESOLUTIONS[0] });
    const stack = await chathubStack(emulator, "resolution-policy-pack", program, { workDir: project });
    try {
      const before = liveNames();
      const result = await stack.run(["preview", "--policy-pack", pack]);
      const printed = `${result.stdout}\n${result.stderr}`;
      // The pack compiled and ran: its one mandatory policy stops the preview, naming the person.
      expect(printed).not.toContain("Unable to compile TypeScript");
      expect(printed).toContain("chathub-min-active-per-organization");
      expect(printed).toContain(
        'organization 24 would have 1 active operator ("template-pack-program Person")',
      );
      expect(result.code).not.toBe(0);
      expect(liveNames()).toEqual(before);
    } finally {
      stack.dispose();
    }
  });
});

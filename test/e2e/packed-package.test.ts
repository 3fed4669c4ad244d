import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { DEFAULT_EMULATOR_TOKEN, type RunningEmulator, startEmulator } from "pulumi-chathub-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chathubStack, OPERATOR_TYPE } from "./support/chathub-stack";
import { operatorsProgram } from "./support/programs";

const repoRoot = path.resolve(__dirname, "../..");
const pulumiVersion = (require("../../package.json") as { devDependencies: Record<string, string> })
  .devDependencies["@pulumi/pulumi"];

// What npm publishes, installed the way a user installs it, outside this repository, drives a
// real `pulumi up` and `destroy`: the package's files, exports, types and peer dependency work.
describe("the package as `npm pack` makes it", () => {
  let emulator: RunningEmulator;
  let project: string;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    project = mkdtempSync(path.join(os.tmpdir(), "chathub-packed-"));
    execFileSync("npm", ["pack", "--silent", "--pack-destination", project], {
      cwd: repoRoot,
      stdio: "pipe",
    });
    const tarball = readdirSync(project).find((f) => f.endsWith(".tgz")) as string;
    writeFileSync(
      path.join(project, "package.json"),
      JSON.stringify({
        name: "packed-user",
        private: true,
        dependencies: { "pulumi-chathub": `file:./${tarball}`, "@pulumi/pulumi": pulumiVersion },
      }),
    );
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], {
      cwd: project,
      stdio: "pipe",
    });
  }, 600_000);
  afterAll(async () => {
    await emulator.close();
    rmSync(project, { recursive: true, force: true });
  });

  it("ships only dist/ with type declarations", () => {
    const files = readdirSync(path.join(project, "node_modules/pulumi-chathub"), {
      recursive: true,
    }) as string[];
    expect(files).toContain(path.join("dist", "index.d.ts"));
    expect(files).toContain(path.join("dist", "provider", "index.js"));
    expect(files.filter((f) => f.startsWith("src") || f.startsWith("test"))).toEqual([]);
  });

  it("gives scripts the ChatHub client as pulumi-chathub/api (examples/api-client)", async () => {
    const files = readdirSync(path.join(project, "node_modules/pulumi-chathub/dist/api"));
    expect(files).toContain("index.d.ts");
    const script = path.join(project, "report.mjs");
    writeFileSync(script, readFileSync(path.join(repoRoot, "examples/api-client/report.mjs")));
    // Asynchronously: the emulator answering it runs in this process.
    const { stdout: printed } = await promisify(execFile)("node", [script, "24"], {
      cwd: project,
      env: { ...process.env, CHATHUB_BASE_URL: emulator.url, CHATHUB_TOKEN: DEFAULT_EMULATOR_TOKEN },
    });
    const seeded = emulator.operators(24);
    expect(printed).toContain(`organization 24: ${seeded.length} operators`);
    for (const operator of seeded.filter((o) => o.status === 0)) expect(printed).toContain(operator.name);
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
});

import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEFAULT_EMULATOR_TOKEN, type RunningEmulator, startEmulator } from "pulumi-chathub-emulator";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { nativePluginBinDir } from "./harness/native-plugin";
import { expectSuccess, runPulumi } from "./harness/pulumi-cli";
import { TestStack } from "./harness/test-stack";

const repoRoot = path.resolve(__dirname, "../..");
const packageVersion: string = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")).version;
/** The Go SDK the generated code is compiled against: the CLI's own, whose module cache the CLI build warmed. */
const GO_SDK_VERSION = "v3.248.0";

const pulumiBin = inject("pulumiBin");
const plugin = path.join(nativePluginBinDir(), "pulumi-resource-chathub");

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), "chathub-native-plugin-"));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function pulumi(args: string[]) {
  return runPulumi(pulumiBin, args, {
    cwd: scratch,
    env: {
      ...process.env,
      PATH: `${path.dirname(pulumiBin)}${path.delimiter}${process.env.PATH ?? ""}`,
      PULUMI_HOME: path.join(scratch, "pulumi-home"),
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      NO_COLOR: "1",
    },
  });
}

/** The folder under `root` holding the generated package (the one with `internal/`). */
function goPackageDir(root: string): string {
  for (const name of readdirSync(root)) {
    const dir = path.join(root, name);
    if (!statSync(dir).isDirectory()) continue;
    if (readdirSync(dir).includes("internal")) return dir;
    const found = goPackageDir(dir);
    if (found) return found;
  }
  return "";
}

describe("the native provider plugin, served to the real CLI", () => {
  it("pulumi package get-schema returns the provider's schema", async () => {
    const result = expectSuccess(await pulumi(["package", "get-schema", plugin]));
    const schema = JSON.parse(result.stdout) as { name: string; version?: string };
    expect(schema.name).toBe("chathub");
    expect(schema.version ?? packageVersion).toBe(packageVersion);
  });

  it("pulumi package gen-sdk --language go produces a Go SDK that compiles", async () => {
    const out = path.join(scratch, "sdk");
    expectSuccess(await pulumi(["package", "gen-sdk", plugin, "--language", "go", "--out", out]));
    const packageDir = goPackageDir(path.join(out, "go"));
    expect(packageDir, "gen-sdk wrote no Go package").not.toBe("");
    // The generated files import their own `internal` package by the schema's import path.
    const provider = readFileSync(path.join(packageDir, "provider.go"), "utf8");
    const importPath = /"([^"]+)\/internal"/.exec(provider)?.[1];
    expect(importPath, "provider.go does not import the package's internal helpers").toBeTruthy();
    writeFileSync(
      path.join(packageDir, "go.mod"),
      `module ${importPath}\n\ngo 1.24\n\nrequire github.com/pulumi/pulumi/sdk/v3 ${GO_SDK_VERSION}\n`,
    );
    // -trimpath as the CLI build used, so its compiled packages are reused from the build cache.
    const build = spawnSync("go", ["build", "-trimpath", "./..."], {
      cwd: packageDir,
      encoding: "utf8",
      env: { ...process.env, GOFLAGS: "-mod=mod", GOTOOLCHAIN: "local" },
    });
    expect(build.error, "Go is needed to compile the generated SDK").toBeUndefined();
    expect(build.status, `go build ./... failed:\n${build.stderr}`).toBe(0);
  });
});

/** The served definition (of the built package the plugin runs): which resource types it has. */
const served: { resources: Record<string, unknown> } = require(
  path.join(repoRoot, "node_modules/pulumi-chathub/dist/native/definition.js"),
).chathubProvider;

describe("a Pulumi YAML program using the native provider", () => {
  let emulator: RunningEmulator;
  /** An explicit provider for a company, its token from the stack's secret config. */
  const providerOnlyProgram = (resources = "") => `config:
  secondToken:
    type: string
resources:
  second:
    type: pulumi:providers:chathub
    properties:
      token: \${secondToken}
      baseUrl: ${emulator.url}
      requestsPerSecond: 5
${resources}`;
  let stack: TestStack;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    stack = await TestStack.create({
      pulumiBin,
      name: "native-yaml",
      yaml: providerOnlyProgram(),
      secrets: { secondToken: DEFAULT_EMULATOR_TOKEN },
    });
  });
  afterAll(async () => {
    stack?.dispose();
    await emulator?.close();
  });

  it("previews and deploys an explicit chathub provider, its token a secret in state", async () => {
    const preview = await stack.preview();
    expect(preview.stdout).toContain("+ pulumi:providers:chathub: (create)");
    expect(preview.stdout).toContain("[urn=urn:pulumi:test::chathub-e2e::pulumi:providers:chathub::second]");

    const up = await stack.up();
    const state = await stack.exportState();
    const [provider] = state.resources.filter((r) => r.type === "pulumi:providers:chathub");
    expect(provider?.inputs?.baseUrl).toBe(emulator.url);
    expect(provider?.inputs?.token).toMatchObject({ "4dabf18193072939515e22adb298388d": expect.any(String) });
    for (const text of [preview.stdout, preview.stderr, up.stdout, up.stderr, stack.stateFileText()]) {
      expect(text).not.toContain(DEFAULT_EMULATOR_TOKEN);
    }

    await stack.destroy();
    expect(await stack.resourcesOfType("pulumi:providers:chathub")).toEqual([]);
  });

  // Dormant until the lead's definition (src/native/definition.ts) serves chathub:index:Operator.
  it.skipIf(!served.resources["chathub:index:Operator"])(
    "creates an operator through that provider, previews no changes after, and destroys it",
    async () => {
      const live = () => emulator.operators(24).filter((o) => o.name === "Alex Native" && o.status !== 2);
      stack.writeYamlProgram(
        providerOnlyProgram(`  alex:
    type: chathub:index:Operator
    properties:
      organizationId: 24
      name: Alex Native
      status: active
    options:
      provider: \${second}
outputs:
  alexId: \${alex.id}
  alexOperatorId: \${alex.operatorId}
`),
      );
      await stack.up();
      const [operator] = live();
      expect(operator?.status).toBe(0);
      expect(await stack.outputs()).toMatchObject({
        alexOperatorId: operator?.id,
        alexId: `24/${operator?.id}`,
      });
      expect((await stack.previewPlan("--expect-no-changes")).changeSummary).toEqual({ same: 3 });

      await stack.destroy();
      expect(live()).toEqual([]);
    },
  );
});

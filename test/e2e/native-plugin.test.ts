import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEFAULT_EMULATOR_TOKEN, type RunningEmulator, startEmulator } from "pulumi-chathub-emulator";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { nativePluginBinDir } from "./harness/native-plugin";
import { expectSuccess, runPulumi } from "./harness/pulumi-cli";
import { TestStack } from "./harness/test-stack";

const repoRoot = path.resolve(__dirname, "../..");
const packageVersion: string = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")).version;

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

describe("the native provider plugin, served to the real CLI", () => {
  it("pulumi package get-schema returns the provider's schema", async () => {
    const result = expectSuccess(await pulumi(["package", "get-schema", plugin]));
    const schema = JSON.parse(result.stdout) as { name: string; version?: string };
    expect(schema.name).toBe("chathub");
    expect(schema.version ?? packageVersion).toBe(packageVersion);
  });

  it("sdk/ holds what gen-sdk makes of the installed plugin's schema (scripts/generate-sdks --check)", () => {
    // The committed Go and Python SDKs: test/e2e/go-program.test.ts and python-program.test.ts
    // build programs on them, so this check is what ties those programs to the schema.
    const check = spawnSync(path.join(repoRoot, "scripts/generate-sdks"), ["--check", "--no-build"], {
      encoding: "utf8",
      env: { ...process.env, PULUMI_CHATHUB_PLUGIN: plugin },
      maxBuffer: 16 * 1024 * 1024,
    });
    expect(check.status, check.stderr).toBe(0);
    expect(check.stderr).toContain("sdk/ is what the schema generates (go python)");
  }, 300_000);
});

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

  it("creates an operator through that provider, previews no changes after, and destroys it", async () => {
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
  });
});

import { randomBytes } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { nativePluginBinDir } from "./native-plugin";
import { type CliResult, expectSuccess, type RunOptions, runPulumi } from "./pulumi-cli";

const repoRoot = path.resolve(__dirname, "../../..");
const workRoot = path.join(repoRoot, "test/.work");
export const PROJECT_NAME = "chathub-e2e";
const PASSPHRASE = "e2e-passphrase";

export interface TestStackOptions {
  /** The `pulumi` binary (scripts/ensure-pulumi prints it; e2e tests get it with inject("pulumiBin")). */
  pulumiBin: string;
  /** Names the program's folder, to find it when a test is kept for debugging. */
  name: string;
  /** The program: a CommonJS `index.js` (with a Pulumi.yaml and package.json written for it)... */
  program?: string;
  /**
   * ...or a Pulumi YAML program: what follows `runtime: yaml` in Pulumi.yaml (`resources:`,
   * `variables:`, `outputs:`), run with `pulumi-resource-chathub` on PATH...
   */
  yaml?: string;
  /** ...or a whole Pulumi project folder to copy, e.g. one of examples/. */
  projectDir?: string;
  /** Plain stack configuration, e.g. { "chathub:baseUrl": url }. */
  config?: Record<string, string>;
  /** Secret stack configuration, e.g. { "chathub:token": token }. */
  secrets?: Record<string, string>;
  /**
   * Where the program folder is made (default test/.work, inside the repository, where programs
   * load the package installed in the repository's node_modules).
   */
  workDir?: string;
  /** Extra environment for every pulumi command (e.g. CHATHUB_TOKEN). */
  env?: Record<string, string>;
}

/**
 * One Pulumi program and one stack, on a local file backend of its own, driven through the
 * real CLI. The program folder lives under test/.work/, inside the repository, so the program
 * and the dynamic provider process find this package where the e2e global setup installed it
 * (node_modules/pulumi-chathub), beside @pulumi/pulumi, as in a user's project.
 */
export class TestStack {
  readonly dir: string;
  readonly backendDir: string;
  readonly stackName = "test";
  readonly projectName: string;
  readonly env: NodeJS.ProcessEnv;
  private readonly pulumiBin: string;

  private constructor(options: TestStackOptions) {
    this.pulumiBin = options.pulumiBin;
    const parent = options.workDir ?? workRoot;
    mkdirSync(parent, { recursive: true });
    this.dir = path.join(parent, `${options.name}-${randomBytes(3).toString("hex")}`);
    mkdirSync(this.dir, { recursive: true });
    this.backendDir = mkdtempSync(path.join(os.tmpdir(), "chathub-e2e-state-"));
    if (options.yaml !== undefined) {
      this.writeYamlProgram(options.yaml);
    } else if (options.projectDir) {
      cpSync(options.projectDir, this.dir, {
        recursive: true,
        filter: (source) => !source.includes("node_modules"),
      });
    } else {
      writeFileSync(path.join(this.dir, "Pulumi.yaml"), `name: ${PROJECT_NAME}\nruntime: nodejs\n`);
      writeFileSync(
        path.join(this.dir, "package.json"),
        JSON.stringify({ name: PROJECT_NAME, main: "index.js" }),
      );
      this.writeProgram(options.program ?? "");
    }
    const pulumiYaml = readFileSync(path.join(this.dir, "Pulumi.yaml"), "utf8");
    this.projectName = /^name:\s*(\S+)/m.exec(pulumiYaml)?.[1] ?? PROJECT_NAME;

    const inherited = { ...process.env };
    // A developer's own ChatHub settings must not leak into tests.
    delete inherited.CHATHUB_TOKEN;
    delete inherited.CHATHUB_BASE_URL;
    // The native provider's plugin is found on PATH, as after an install; a YAML program needs it.
    const pluginDirs = /^runtime:\s*yaml\b/m.test(pulumiYaml) ? [nativePluginBinDir()] : [];
    this.env = {
      ...inherited,
      PATH: [path.dirname(this.pulumiBin), ...pluginDirs, process.env.PATH ?? ""].join(path.delimiter),
      PULUMI_BACKEND_URL: `file://${this.backendDir}`,
      PULUMI_HOME: path.join(this.backendDir, "pulumi-home"),
      PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_SELF_MANAGED_STATE_NO_LEGACY_WARNING: "true",
      NO_COLOR: "1",
      ...options.env,
    };
  }

  /** Creates the folder, the backend and the stack, and sets its configuration. */
  static async create(options: TestStackOptions): Promise<TestStack> {
    const stack = new TestStack(options);
    expectSuccess(await stack.run(["stack", "init", stack.stackName]));
    for (const [key, value] of Object.entries(options.config ?? {})) {
      expectSuccess(await stack.run(["config", "set", key, value]));
    }
    for (const [key, value] of Object.entries(options.secrets ?? {})) {
      expectSuccess(await stack.run(["config", "set", "--secret", key, value]));
    }
    return stack;
  }

  writeProgram(source: string): void {
    this.writeFile("index.js", source);
  }

  /** Rewrites Pulumi.yaml with this YAML program (what follows `runtime: yaml`). */
  writeYamlProgram(body: string): void {
    this.writeFile("Pulumi.yaml", `name: ${PROJECT_NAME}\nruntime: yaml\n${body}`);
  }

  writeFile(name: string, content: string): void {
    writeFileSync(path.join(this.dir, name), content);
  }

  /** Runs `pulumi <args>` for this stack; the result carries the exit code, never throws. */
  run(args: string[], options: Partial<RunOptions> = {}): Promise<CliResult> {
    return runPulumi(this.pulumiBin, [...args, "--non-interactive"], {
      cwd: this.dir,
      env: this.env,
      ...options,
    });
  }

  async up(...args: string[]): Promise<CliResult> {
    return expectSuccess(await this.run(["up", "--yes", "--skip-preview", ...args]));
  }

  async preview(...args: string[]): Promise<CliResult> {
    return expectSuccess(await this.run(["preview", "--diff", ...args]));
  }

  /** `pulumi preview --json`: the planned steps and the change summary. */
  async previewPlan(...args: string[]): Promise<PreviewPlan> {
    const result = await this.run(["preview", "--json", ...args]);
    const plan = parseJsonOutput<PreviewPlan>(result);
    if (result.code !== 0)
      throw new Error(`${result.command} failed:\n${diagnosticsText(plan)}\n${result.stderr}`);
    return plan;
  }

  async refresh(...args: string[]): Promise<CliResult> {
    return expectSuccess(await this.run(["refresh", "--yes", "--skip-preview", ...args]));
  }

  async destroy(...args: string[]): Promise<CliResult> {
    return expectSuccess(await this.run(["destroy", "--yes", "--skip-preview", ...args]));
  }

  async outputs(): Promise<Record<string, unknown>> {
    const result = expectSuccess(await this.run(["stack", "output", "--json", "--show-secrets"]));
    return JSON.parse(result.stdout) as Record<string, unknown>;
  }

  /** `pulumi stack export`: the deployment, as text and parsed, with the operations an interrupted run left pending. */
  async exportState(
    showSecrets = false,
  ): Promise<{ text: string; resources: StateResource[]; pendingOperations: PendingOperation[] }> {
    const args = ["stack", "export", ...(showSecrets ? ["--show-secrets"] : [])];
    const result = expectSuccess(await this.run(args));
    const parsed = JSON.parse(result.stdout) as {
      deployment: { resources?: StateResource[]; pending_operations?: PendingOperation[] };
    };
    return {
      text: result.stdout,
      resources: parsed.deployment.resources ?? [],
      pendingOperations: parsed.deployment.pending_operations ?? [],
    };
  }

  /** The stack's state file exactly as the file backend wrote it. */
  stateFileText(): string {
    return readFileSync(
      path.join(this.backendDir, ".pulumi/stacks", this.projectName, `${this.stackName}.json`),
      "utf8",
    );
  }

  /** Resources of a given type in the current state. */
  async resourcesOfType(type: string): Promise<StateResource[]> {
    return (await this.exportState()).resources.filter((r) => r.type === type);
  }

  dispose(): void {
    if (process.env.KEEP_E2E_WORK === "1") return;
    rmSync(this.dir, { recursive: true, force: true });
    rmSync(this.backendDir, { recursive: true, force: true });
  }
}

export interface StateResource {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  protect?: boolean;
  retainOnDelete?: boolean;
}

/** An operation the engine had started when its run was interrupted, e.g. "creating". */
export interface PendingOperation {
  type: string;
  resource: StateResource;
}

export interface PreviewStep {
  op: string;
  urn: string;
  diffReasons?: string[];
  replaceReasons?: string[];
}

export interface PreviewPlan {
  steps: PreviewStep[];
  changeSummary: Record<string, number>;
  diagnostics?: { message: string; severity: string; urn?: string }[];
}

/** The changes a plan makes to resources of one type, as "op name" strings, sorted. */
export function stepsFor(plan: PreviewPlan, type: string): string[] {
  return plan.steps
    .filter((s) => s.urn.includes(`::${type}::`) && s.op !== "same" && s.op !== "refresh")
    .map((s) => `${s.op} ${s.urn.split("::").pop()}`)
    .sort();
}

export function diagnosticsText(plan: PreviewPlan): string {
  return (plan.diagnostics ?? []).map((d) => `${d.severity}: ${d.message}`).join("\n");
}

function parseJsonOutput<T>(result: CliResult): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    throw new Error(
      `${result.command} printed no JSON (exit ${result.code}):\n${result.stdout}\n${result.stderr}`,
    );
  }
}

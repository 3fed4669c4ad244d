import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import type { CliResult } from "../harness/pulumi-cli";
import type { TestStack } from "../harness/test-stack";

const recipes = path.resolve(__dirname, "../../../examples/ci");

/**
 * The `run` of the step with id `stepId` in job `job` of examples/ci/`file`: the tests run the
 * recipes' commands as their workflow files say, so a recipe and its test cannot drift apart.
 */
export function recipeCommand(file: string, job: string, stepId: string): string {
  const workflow = parse(readFileSync(path.join(recipes, file), "utf8")) as {
    jobs: Record<string, { steps: { id?: string; run?: string }[] }>;
  };
  const command = workflow.jobs[job]?.steps.find((step) => step.id === stepId)?.run;
  if (command === undefined) throw new Error(`examples/ci/${file} has no step with id ${stepId} and a run`);
  return command;
}

/** Runs a workflow step's command with bash in the stack's folder, as a GitHub Actions runner would. */
export function runStep(
  stack: TestStack,
  command: string,
  env: NodeJS.ProcessEnv = stack.env,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", ["-eo", "pipefail", "-c", command], { cwd: stack.dir, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ command, code, stdout, stderr }));
  });
}

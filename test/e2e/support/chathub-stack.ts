import { DEFAULT_EMULATOR_TOKEN, type RunningEmulator } from "pulumi-chathub-emulator";
import { inject } from "vitest";
import { TestStack } from "../harness/test-stack";

/** A TestStack configured to talk to an emulator with its token as a secret. */
export function chathubStack(
  emulator: RunningEmulator,
  name: string,
  program: string | { projectDir: string } | { yaml: string },
  options: {
    /** The company token, set as the secret `chathub:token`; null leaves it out of the config. */
    token?: string | null;
    config?: Record<string, string>;
    /** More secret config, e.g. chathub:login and chathub:password. */
    secrets?: Record<string, string>;
    env?: Record<string, string>;
    workDir?: string;
  } = {},
): Promise<TestStack> {
  return TestStack.create({
    pulumiBin: inject("pulumiBin"),
    name,
    ...(typeof program === "string" ? { program } : program),
    config: { "chathub:baseUrl": emulator.url, ...options.config },
    secrets: {
      ...(options.token === null ? {} : { "chathub:token": options.token ?? DEFAULT_EMULATOR_TOKEN }),
      ...options.secrets,
    },
    ...(options.env ? { env: options.env } : {}),
    ...(options.workDir ? { workDir: options.workDir } : {}),
  });
}

export const OPERATOR_TYPE = "pulumi-nodejs:dynamic/chathub:Operator";

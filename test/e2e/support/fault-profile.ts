import type { EmulatorBehaviour } from "pulumi-chathub-emulator";
import { type CliResult, expectSuccess } from "../harness/pulumi-cli";
import type { TestStack } from "../harness/test-stack";

/** The fault profile every "through faults" test uses: 503s, 429s, latency spikes, lost answers. */
export const FAULT_PROFILE: Partial<EmulatorBehaviour> = {
  failureRate: 0.2,
  rateLimitPerSecond: 10,
  latencySpikeRate: 0.1,
  latencySpikeMs: 300,
  dropSyncRate: 0.05,
};

// The seeds are chosen so that a lost answer is certain: the drops are drawn, in order, only for
// synchronize calls ChatHub applied, and these seeds drop the first (5) or the second (1) of them.
/** The profile under both answers to the open questions 1 and 2. */
export const FAULT_VARIANTS: { title: string; behaviour: Partial<EmulatorBehaviour> }[] = [
  {
    title: "deleted hidden, duplicate names allowed",
    behaviour: { ...FAULT_PROFILE, seed: 5, listDeleted: "hide", duplicateNames: "allow" },
  },
  {
    title: "deleted listed, same-name operators reused",
    behaviour: { ...FAULT_PROFILE, seed: 1, listDeleted: "show", duplicateNames: "reuse" },
  },
];

/** Runs `pulumi <args> --yes --skip-preview` until it succeeds, at most `attempts` times; returns every run. */
export async function runUntilSuccess(
  stack: TestStack,
  args: string[],
  attempts: number,
): Promise<CliResult[]> {
  const runs: CliResult[] = [];
  do {
    runs.push(await stack.run([...args, "--yes", "--skip-preview"]));
  } while (runs.at(-1)?.code !== 0 && runs.length < attempts);
  expectSuccess(runs.at(-1) as CliResult);
  return runs;
}

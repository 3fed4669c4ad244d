/**
 * `npm run demo`: the top-level Pulumi program (demo/index.ts) against an embedded ChatHub
 * emulator, on a throwaway local backend, through the real Pulumi CLI:
 *   1. `pulumi up` creates the roster;
 *   2. the live roster is printed as ChatHub reports it;
 *   3. someone disables an operator by hand (a status call behind Pulumi's back);
 *   4. `pulumi preview --refresh` catches the drift, and `pulumi up --refresh` repairs it;
 *   5. someone adds an operator by hand to organization 25, which a ChatHubOrganizationRoster
 *      owns: `pulumi preview --refresh --diff` names them, `pulumi up --refresh` deactivates them;
 *   6. `pulumi destroy` cleans up (the emulator lives only as long as the demo).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEFAULT_EMULATOR_TOKEN, startEmulator } from "pulumi-chathub-emulator";
import { ChatHubClient, type Operator, statusName } from "../src/api";
import { ensurePulumi, installPackageForPrograms } from "./toolchain";

const repoRoot = path.resolve(__dirname, "..");
const STACK = "demo";
const ORGANIZATION = 24;
/** Owned by the demo's ChatHubOrganizationRoster: the code is the truth there. */
const SALES = 25;

function banner(text: string): void {
  console.log(`\n\x1b[1m=== ${text}\x1b[0m`);
}

function printRoster(operators: Operator[]): void {
  const rows = operators.map((o) => ({ id: String(o.id), name: o.name, status: statusName(o.status) }));
  const width = (key: keyof (typeof rows)[number], title: string) =>
    Math.max(title.length, ...rows.map((r) => [...r[key]].length));
  const columns = [
    ["id", width("id", "id")],
    ["name", width("name", "name")],
    ["status", width("status", "status")],
  ] as const;
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c + " ".repeat((columns[i]?.[1] ?? 0) - [...c].length)).join(" | ")} |`;
  console.log(line(columns.map(([title]) => title)));
  console.log(`|${columns.map(([, w]) => "-".repeat(w + 2)).join("|")}|`);
  for (const r of rows) console.log(line([r.id, r.name, r.status]));
}

async function main(): Promise<void> {
  banner("Pulumi CLI (built from the Go module proxy on first use; minutes, once)");
  const pulumiBin = ensurePulumi();
  installPackageForPrograms();

  const emulator = await startEmulator({ port: 0 });
  const backend = mkdtempSync(path.join(os.tmpdir(), "chathub-demo-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${path.dirname(pulumiBin)}${path.delimiter}${process.env.PATH ?? ""}`,
    PULUMI_BACKEND_URL: `file://${backend}`,
    PULUMI_HOME: path.join(backend, "pulumi-home"),
    PULUMI_CONFIG_PASSPHRASE: "demo",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_SELF_MANAGED_STATE_NO_LEGACY_WARNING: "true",
  };
  // Asynchronous on purpose: the emulator answers from this very process while pulumi runs.
  const pulumi = (...args: string[]) =>
    new Promise<void>((resolve, reject) => {
      console.log(`\x1b[2m$ pulumi ${args.join(" ")}\x1b[0m`);
      const child = spawn(pulumiBin, args, { cwd: repoRoot, env, stdio: "inherit" });
      child.on("error", reject);
      child.on("close", (code) =>
        code === 0 ? resolve() : reject(new Error(`pulumi ${args[0]} failed (exit ${code})`)),
      );
    });
  const client = new ChatHubClient({
    baseUrl: emulator.url,
    token: DEFAULT_EMULATOR_TOKEN,
    listCacheTtlMs: 0,
  });

  try {
    banner(`ChatHub emulator at ${emulator.url}; a local backend in ${backend}`);
    await pulumi("stack", "init", STACK);
    await pulumi("config", "set", "chathub:baseUrl", emulator.url);
    await pulumi("config", "set", "--secret", "chathub:token", DEFAULT_EMULATOR_TOKEN);

    banner("pulumi up: create the roster of organization 24");
    await pulumi("up", "--yes");

    banner("The live roster, as ChatHub lists it");
    printRoster(await client.listOperators(ORGANIZATION));

    const emma = (await client.findOneByName(ORGANIZATION, "Emma Davis")) as Operator;
    banner(`Someone disables ${emma.name} (operator ${emma.id}) by hand in ChatHub...`);
    await client.setStatus(emma.id, 1, ORGANIZATION);

    banner("pulumi preview --refresh: Pulumi sees the drift");
    await pulumi("preview", "--refresh", "--diff");

    banner("pulumi up --refresh: and repairs it");
    await pulumi("up", "--refresh", "--yes");
    printRoster(await client.listOperators(ORGANIZATION));

    banner(`Someone adds "Mallory Intruder" to Sales (organization ${SALES}) by hand in ChatHub...`);
    await client.synchronize([{ organizationId: SALES, name: "Mallory Intruder" }]);

    banner("pulumi preview --refresh --diff: the authoritative roster of Sales names them");
    await pulumi("preview", "--refresh", "--diff");

    banner('pulumi up --refresh: unmanaged: "deactivate" deactivates them');
    await pulumi("up", "--refresh", "--yes");
    printRoster(await client.listOperators(SALES));

    banner("pulumi destroy: clean up");
    await pulumi("destroy", "--yes");
    await pulumi("stack", "rm", "--yes", STACK);
    console.log(`\nRequests ChatHub served: ${JSON.stringify(emulator.counters().byRoute)}`);
  } finally {
    await emulator.close();
    rmSync(backend, { recursive: true, force: true });
    rmSync(path.join(repoRoot, `Pulumi.${STACK}.yaml`), { force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

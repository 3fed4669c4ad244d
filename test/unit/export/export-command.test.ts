import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Command, CommanderError } from "commander";
import {
  DEFAULT_EMULATOR_LOGIN,
  DEFAULT_EMULATOR_PASSWORD,
  DEFAULT_EMULATOR_TOKEN,
  type RunningEmulator,
  startEmulator,
} from "pulumi-chathub-emulator";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildProgram } from "../../../src/cli";
import { configureExportCommand, type ExportIo } from "../../../src/export/export-command";
import type { RosterEntry } from "../../../src/roster/roster-entry";
import { parseRosterText } from "../../../src/roster/roster-file";
import { planRoster } from "../../../src/roster/roster-plan";

const running: RunningEmulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()));
  vi.restoreAllMocks();
});

async function emulator(): Promise<RunningEmulator> {
  const started = await startEmulator({ port: 0 });
  running.push(started);
  return started;
}

/** Runs `export <args>` with its own environment and captured output. */
async function runExport(args: string[], env: Record<string, string | undefined>, cwd = os.tmpdir()) {
  let stdout = "";
  let stderr = "";
  const io: ExportIo = {
    env,
    cwd,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  };
  const program = new Command("pulumi-chathub").exitOverride();
  configureExportCommand(program.command("export"), io);
  let error: unknown;
  try {
    await program.parseAsync(["export", ...args], { from: "user" });
  } catch (caught) {
    error = caught;
  }
  return { stdout, stderr, error };
}

const tokenEnv = (server: RunningEmulator) => ({
  CHATHUB_TOKEN: DEFAULT_EMULATOR_TOKEN,
  CHATHUB_BASE_URL: server.url,
});

describe("pulumi-chathub export", () => {
  it("writes the live roster as YAML that a roster reads back as exactly those operators", async () => {
    const server = await emulator();
    const gone = server.addOperator({ organizationId: 24, name: "Gone Person" });
    server.setOperatorStatus(gone.id, 2);
    const anneMarie = server.addOperator({ organizationId: 24, name: "Anne-Marie" });
    const anneMarie2 = server.addOperator({ organizationId: 24, name: "Anne Marie", status: 1 });

    const { stdout, stderr, error } = await runExport(["--org", "24"], tokenEnv(server));
    expect(error).toBeUndefined();
    expect(stdout).toMatch(/^# ChatHub organization 24 \(Customer Support\): 5 operator\(s\)/);
    const entries = parseRosterText(stdout, "yaml", "-").entries.map((entry) => entry.value);
    expect(entries).toEqual([
      {
        name: "Anne Marie",
        status: "inactive",
        key: `anne-marie-${anneMarie2.id}`,
        import: `24/${anneMarie2.id}`,
      },
      { name: "Anne-Marie", status: "active", key: "anne-marie", import: `24/${anneMarie.id}` },
      { name: "John Smith", status: "active", key: "john-smith", import: "24/101" },
      { name: "Mike Wilson", status: "inactive", key: "mike-wilson", import: "24/103" },
      { name: "Sarah Johnson", status: "active", key: "sarah-johnson", import: "24/102" },
    ]);
    expect(() => planRoster({ organizationId: 24, operators: entries as RosterEntry[] })).not.toThrow();
    expect(stderr).toBe(
      "Exported 5 operator(s) of organization 24 (Customer Support) to standard output: 3 active, 2 inactive.\n",
    );
    expect(server.counters().byRoute).toMatchObject({
      "GET /api/operator": 1,
      "POST /api/operator/synchronize": 0,
    });
  });

  it("writes CSV to --output (format from the extension, CHATHUB_BASE_URL overridden by --base-url)", async () => {
    const server = await emulator();
    const dir = mkdtempSync(path.join(os.tmpdir(), "export-"));
    const { error, stdout, stderr } = await runExport(
      ["--org", "24", "--output", "team.csv", "--base-url", server.url],
      { CHATHUB_TOKEN: DEFAULT_EMULATOR_TOKEN, CHATHUB_BASE_URL: "http://127.0.0.1:1" },
      dir,
    );
    expect(error).toBeUndefined();
    expect(stdout).toBe("");
    expect(readFileSync(path.join(dir, "team.csv"), "utf8")).toBe(
      "name,status,key,import\nJohn Smith,active,john-smith,24/101\nMike Wilson,inactive,mike-wilson,24/103\nSarah Johnson,active,sarah-johnson,24/102\n",
    );
    expect(stderr).toMatch(/to team\.csv: 2 active, 1 inactive/);
  });

  it("--all writes one roster per visible organization into a folder, signing in with CHATHUB_LOGIN", async () => {
    const server = await emulator();
    server.addOrganization({ id: 26, name: "Sales" });
    server.addOperator({ organizationId: 26, name: "Priya Patel", status: 1 });
    const dir = mkdtempSync(path.join(os.tmpdir(), "export-all-"));
    const { error, stdout, stderr } = await runExport(
      ["--all", "--output", "rosters"],
      {
        CHATHUB_LOGIN: DEFAULT_EMULATOR_LOGIN,
        CHATHUB_PASSWORD: DEFAULT_EMULATOR_PASSWORD,
        CHATHUB_BASE_URL: server.url,
      },
      dir,
    );
    expect(error).toBeUndefined();
    expect(stdout).toBe("");
    // Two organizations named alike: the id tells their files apart.
    expect(readdirSync(path.join(dir, "rosters")).sort()).toEqual([
      "customer-support.yaml",
      "sales-25.yaml",
      "sales-26.yaml",
    ]);
    const read = (file: string) =>
      parseRosterText(readFileSync(path.join(dir, "rosters", file), "utf8"), "yaml", file).entries.map(
        (entry) => entry.value,
      );
    expect(read("customer-support.yaml")).toHaveLength(3);
    expect(read("sales-25.yaml")).toEqual([]);
    expect(read("sales-26.yaml")).toEqual([
      {
        name: "Priya Patel",
        status: "inactive",
        key: "priya-patel",
        import: expect.stringMatching(/^26\/\d+$/),
      },
    ]);
    expect(stderr).toContain(
      "Exported 3 operator(s) of organization 24 (Customer Support) to customer-support.yaml",
    );
    expect(stderr).toContain("Exported 0 operator(s) of organization 25 (Sales) to sales-25.yaml");
    expect(stderr).toContain(`Exported 3 organization(s) into ${path.join(dir, "rosters")}.`);
    expect(stderr).not.toContain(DEFAULT_EMULATOR_PASSWORD);
    expect(server.counters().byRoute).toMatchObject({
      "POST /api/company/get-token": 1,
      "GET /api/company/organization": 1,
      "GET /api/operator": 3,
    });
  });

  it("leaves out a repeated name, with a warning saying which and why", async () => {
    const server = await emulator();
    const twin = server.addOperator({ organizationId: 24, name: "john smith" });
    const { stdout, stderr } = await runExport(["--org", "24", "--format", "csv"], tokenEnv(server));
    expect(stdout.split("\n").filter((line) => /john smith/i.test(line))).toEqual([
      "John Smith,active,john-smith,24/101",
    ]);
    expect(stderr).toContain(
      `warning: left out operator ${twin.id} ("john smith"): same name as operator 101 ("John Smith"); a roster holds each name once`,
    );
  });

  it.each([
    [["--org", "24"], {}, /company token is missing.*CHATHUB_TOKEN.*CHATHUB_LOGIN and CHATHUB_PASSWORD/],
    [["--org", "x"], { CHATHUB_TOKEN: "t" }, /--org must be an organization id/],
    [[], { CHATHUB_TOKEN: "t" }, /give --org <id> \(one organization\) or --all/],
    [
      ["--all"],
      { CHATHUB_TOKEN: "t" },
      /--all writes one file per organization: give the folder with --output/,
    ],
    [["--all", "--org", "24", "--output", "x"], { CHATHUB_TOKEN: "t" }, /cannot be used with option '--org/],
    [["--org", "24", "--format", "json"], { CHATHUB_TOKEN: "t" }, /Allowed choices are yaml, csv/],
    [
      ["--org", "24", "--output", "r.txt"],
      { CHATHUB_TOKEN: "t" },
      /--output r\.txt: name the file \.yaml, \.yml or \.csv/,
    ],
    [
      ["--org", "24", "--output", "r.yaml", "--format", "csv"],
      { CHATHUB_TOKEN: "t" },
      /--format csv does not match --output r\.yaml/,
    ],
    [["--org", "24", "--base-url", "ftp://x"], { CHATHUB_TOKEN: "t" }, /must be an absolute http\(s\) URL/],
  ])(
    "refuses bad arguments %j with a usage error (exit code 2 from the command line)",
    async (args, env, message) => {
      const { error, stderr, stdout } = await runExport(args, env);
      expect(error).toBeInstanceOf(CommanderError);
      expect(stderr).toMatch(message);
      expect(stdout).toBe("");
      // main() turns every CommanderError but help into exit code 2; ours say so themselves.
      if ((error as CommanderError).code === "pulumi-chathub.usage")
        expect((error as CommanderError).exitCode).toBe(2);
    },
  );

  it("fails with the client's message, never the token, when ChatHub refuses", async () => {
    const server = await emulator();
    const token = "not-the-emulator-token-123";
    const { error, stdout, stderr } = await runExport(["--org", "24"], {
      CHATHUB_TOKEN: token,
      CHATHUB_BASE_URL: server.url,
    });
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(CommanderError);
    expect((error as Error).message).toMatch(/ChatHub refused the company token \(401/);
    expect(`${(error as Error).message}${stdout}${stderr}`).not.toContain(token);
  });

  it("is wired into the command line, loaded when used", async () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((text) => {
      written.push(String(text));
      return true;
    });
    const program = buildProgram();
    await expect(
      program.parseAsync(["node", "pulumi-chathub", "export", "--org", "nope"]),
    ).rejects.toBeInstanceOf(CommanderError);
    expect(written.join("")).toMatch(/--org must be an organization id/);
  });
});

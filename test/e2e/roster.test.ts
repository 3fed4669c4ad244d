import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_EMULATOR_TOKEN, type RunningEmulator, startEmulator } from "pulumi-chathub-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PreviewPlan, TestStack } from "./harness/test-stack";
import { chathubStack } from "./support/chathub-stack";

// ChatHubOperatorRoster through the real CLI: rosters from YAML and CSV files, what previews show
// as the files change, duplicates refused before any request, `pulumi-chathub export` re-imported
// without a create or a delete, and what a 150-operator roster costs in requests.

/** The CLI as installed for the programs by the e2e global setup. */
const installedCli = path.resolve(__dirname, "../../node_modules/pulumi-chathub/dist/cli.js");

interface RosterSpec {
  name: string;
  organizationId: number;
  file: string;
}

/** A program declaring one roster per spec, exporting each roster's ids and counts. */
function rosterProgram(rosters: readonly RosterSpec[], extra = ""): string {
  return [
    'const { ChatHubOperatorRoster, getOperators } = require("pulumi-chathub");',
    ...rosters.map(
      (roster) =>
        `{ const r = new ChatHubOperatorRoster(${JSON.stringify(roster.name)}, { organizationId: ${roster.organizationId}, file: ${JSON.stringify(roster.file)} });` +
        ` exports[${JSON.stringify(roster.name)}] = { ids: r.operatorIds, counts: r.counts }; }`,
    ),
    extra,
    "",
  ].join("\n");
}

/** Changes planned for the rosters' operators, as "op logical-name", sorted. */
function rosterSteps(plan: PreviewPlan): string[] {
  return plan.steps
    .filter((step) => step.urn.includes("$pulumi-nodejs:dynamic/chathub:Operator::") && step.op !== "same")
    .map((step) => `${step.op} ${step.urn.split("::").pop()}`)
    .sort();
}

function runCli(args: string[], cwd: string, env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [installedCli, ...args],
      { cwd, env: { ...process.env, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("ChatHubOperatorRoster", () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    emulator.addOrganization({ id: 31, name: "Support" });
    emulator.addOrganization({ id: 32, name: "Sales" });
    emulator.addOrganization({ id: 33, name: "Call Centre" });
  });
  afterAll(() => emulator.close());

  const requests = (
    route: "GET /api/operator" | "POST /api/operator/synchronize" | "POST /api/operator/status",
  ) => emulator.counters().byRoute[route] ?? 0;
  /** Live operators of an organization as "name:status". */
  const live = (organizationId: number) =>
    emulator
      .operators(organizationId)
      .filter((operator) => operator.status !== 2)
      .map((operator) => `${operator.name}:${operator.status}`)
      .sort();
  const idOf = (organizationId: number, name: string) =>
    emulator.operators(organizationId).find((operator) => operator.name === name && operator.status !== 2)
      ?.id;

  describe("from YAML and CSV files, as they change", () => {
    let stack: TestStack;
    const rosters: RosterSpec[] = [
      { name: "support", organizationId: 31, file: "support.yaml" },
      { name: "sales", organizationId: 32, file: "sales.csv" },
    ];
    beforeAll(async () => {
      stack = await chathubStack(
        emulator,
        "roster",
        rosterProgram(
          rosters,
          "exports.activeIn24 = getOperators({ organizationId: 24 }).then((r) => r.active.map((o) => o.name).sort());",
        ),
      );
    });
    afterAll(() => stack.dispose());

    it("brings up a roster from YAML and one from CSV, with ids and counts as outputs", async () => {
      stack.writeFile(
        "support.yaml",
        "operators:\n  - name: Alex Brown\n  - name: Emma Davis\n    status: inactive\n    key: emma\n  - name: Nguyễn Văn An\n",
      );
      stack.writeFile("sales.csv", 'name,status\nOlga Petrova,\n"Smith, John",inactive\nZoë Martin,\n');
      await stack.up();

      expect(live(31)).toEqual(["Alex Brown:0", "Emma Davis:1", "Nguyễn Văn An:0"]);
      expect(live(32)).toEqual(["Olga Petrova:0", "Smith, John:1", "Zoë Martin:0"]);
      const outputs = await stack.outputs();
      expect(outputs.support).toEqual({
        ids: {
          "alex-brown": idOf(31, "Alex Brown"),
          emma: idOf(31, "Emma Davis"),
          "nguyễn-văn-an": idOf(31, "Nguyễn Văn An"),
        },
        counts: { total: 3, active: 2, inactive: 1 },
      });
      expect(outputs.sales).toEqual({
        ids: {
          "olga-petrova": idOf(32, "Olga Petrova"),
          "smith-john": idOf(32, "Smith, John"),
          "zoë-martin": idOf(32, "Zoë Martin"),
        },
        counts: { total: 3, active: 2, inactive: 1 },
      });
      expect(outputs.activeIn24).toEqual(["John Smith", "Sarah Johnson"]);
    });

    it("previews no change when the files are reordered", async () => {
      stack.writeFile(
        "support.yaml",
        "- name: Nguyễn Văn An\n- key: emma\n  status: inactive\n  name: Emma Davis\n- name: Alex Brown\n",
      );
      stack.writeFile("sales.csv", 'status,name\n,Zoë Martin\ninactive,"Smith, John"\n,Olga Petrova\n');
      const plan = await stack.previewPlan("--expect-no-changes");
      expect(Object.keys(plan.changeSummary)).toEqual(["same"]);
    });

    it("previews adding, disabling and removing people as exactly a create, an update and a delete", async () => {
      stack.writeFile(
        "support.yaml",
        "- name: Nguyễn Văn An\n- key: emma\n  status: inactive\n  name: Emma Davis\n- name: Priya Patel\n",
      );
      stack.writeFile(
        "sales.csv",
        'status,name\n,Zoë Martin\ninactive,"Smith, John"\ninactive,Olga Petrova\n',
      );
      const plan = await stack.previewPlan();
      expect(rosterSteps(plan)).toEqual([
        "create support-priya-patel",
        "delete support-alex-brown",
        "update sales-olga-petrova",
      ]);

      await stack.up();
      expect(live(31)).toEqual(["Emma Davis:1", "Nguyễn Văn An:0", "Priya Patel:0"]);
      expect(live(32)).toEqual(["Olga Petrova:1", "Smith, John:1", "Zoë Martin:0"]);
      expect((await stack.outputs()).sales).toMatchObject({ counts: { total: 3, active: 1, inactive: 2 } });
    });

    it("fails the preview on duplicates, listing every offender, before any request", async () => {
      const valid = readFileSync(path.join(stack.dir, "support.yaml"), "utf8");
      stack.writeFile(
        "support.yaml",
        [
          "operators:",
          "  - { name: Emma Davis, key: emma, status: inactive }",
          "  - name: Nguyễn Văn An",
          "  - name: Priya Patel",
          "  - name: emma davis",
          "  - name: Priya  Patel",
          "  - { name: Sam Lee, key: EMMA }",
          "",
        ].join("\n"),
      );
      emulator.resetCounters();
      const result = await stack.run(["preview"]);
      expect(result.code).not.toBe(0);
      const output = result.stdout + result.stderr;
      expect(output).toContain(
        'roster "support": duplicate operators: "Emma Davis" (entries 1 and 4: support.yaml lines 2 and 5), ' +
          'key "emma" (entries 1 and 6: support.yaml lines 2 and 7), key "priya-patel" (entries 3 and 5: support.yaml lines 4 and 6).',
      );
      expect(emulator.counters().total).toBe(0);
      stack.writeFile("support.yaml", valid);
    });

    it("re-imports what `pulumi-chathub export` wrote, creating and deleting nothing", async () => {
      emulator.addOperator({ organizationId: 24, name: "Lee, Ann", status: 1 });
      emulator.addOperator({ organizationId: 24, name: 'Bo "Bobby" Chen' });
      const before = emulator.operators(24);
      const exported = await runCli(["export", "--org", "24", "--output", "team.csv"], stack.dir, {
        CHATHUB_TOKEN: DEFAULT_EMULATOR_TOKEN,
        CHATHUB_BASE_URL: emulator.url,
      });
      expect(exported).toMatchObject({ code: 0, stdout: "" });
      expect(exported.stderr).toContain(
        "Exported 5 operator(s) of organization 24 (Customer Support) to team.csv",
      );
      expect(exported.stderr).not.toContain(DEFAULT_EMULATOR_TOKEN);

      stack.writeProgram(rosterProgram([...rosters, { name: "team", organizationId: 24, file: "team.csv" }]));
      emulator.resetCounters();
      await stack.up();
      expect(requests("POST /api/operator/synchronize")).toBe(0);
      expect(requests("POST /api/operator/status")).toBe(0);
      expect(emulator.operators(24)).toEqual(before);
      expect((await stack.outputs()).team).toEqual({
        ids: {
          "bo-bobby-chen": idOf(24, 'Bo "Bobby" Chen'),
          "john-smith": 101,
          "lee-ann": idOf(24, "Lee, Ann"),
          "mike-wilson": 103,
          "sarah-johnson": 102,
        },
        counts: { total: 5, active: 3, inactive: 2 },
      });
      expect(Object.keys((await stack.previewPlan("--expect-no-changes")).changeSummary)).toEqual(["same"]);
    });
  });

  it("creates 150 operators in a handful of synchronize requests, and refreshes them in 2 lists at most", async () => {
    const names = Array.from({ length: 150 }, (_, index) => `Agent ${String(index + 1).padStart(3, "0")}`);
    const stack = await chathubStack(
      emulator,
      "roster-150",
      rosterProgram([{ name: "callcentre", organizationId: 33, file: "agents.csv" }]),
    );
    try {
      // The vendor's bulk-import file: a header, then one name per line.
      stack.writeFile("agents.csv", `name\n${names.join("\n")}\n`);
      emulator.resetCounters();
      // The engine runs at most --parallel operations at once (default 4 per CPU, so 8 creates on
      // a 2-core machine): the provider can only batch creates that are in flight together.
      await stack.up("--parallel", "200");
      // ceil(150/100) on a quiet machine (bench:roster measures it); a batch closes when the engine
      // pauses, which a loaded machine makes it do, so the bound here is "a handful": one request per
      // operator, as without the batcher, is 150.
      expect(requests("POST /api/operator/synchronize")).toBeLessThanOrEqual(10);
      expect(live(33)).toHaveLength(150);
      expect((await stack.outputs()).callcentre).toMatchObject({
        counts: { total: 150, active: 150, inactive: 0 },
      });

      emulator.resetCounters();
      await stack.refresh();
      expect(requests("GET /api/operator")).toBeLessThanOrEqual(2);
      expect(emulator.counters().total).toBe(requests("GET /api/operator"));
    } finally {
      stack.dispose();
    }
  });
});

import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type RunningEmulator, startEmulator } from "pulumi-chathub-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectSampleIn } from "../doc-samples/doc-samples";
import type { CliResult } from "./harness/pulumi-cli";
import type { TestStack } from "./harness/test-stack";
import { chathubStack } from "./support/chathub-stack";

const repoRoot = path.resolve(__dirname, "../..");
const workRoot = path.join(repoRoot, "test/.work");

/** A policy pack folder inside the repository, where it loads pulumi-chathub/policy and @pulumi/policy as a user's would. */
function writePolicyPack(name: string, options: string): string {
  const dir = path.join(workRoot, `${name}-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "PulumiPolicy.yaml"), `name: ${name}\nruntime: nodejs\n`);
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name, version: "1.0.0", main: "index.js" }));
  writeFileSync(
    path.join(dir, "index.js"),
    [
      'const { PolicyPack } = require("@pulumi/policy");',
      'const { chathubRosterPolicies } = require("pulumi-chathub/policy");',
      `new PolicyPack(${JSON.stringify(name)}, { policies: chathubRosterPolicies(${options}) });`,
      "",
    ].join("\n"),
  );
  return dir;
}

/** The operator writes (create, status, delete) the emulator received. */
function writes(emulator: RunningEmulator): number {
  const byRoute = emulator.counters().byRoute;
  return (byRoute["POST /api/operator/synchronize"] ?? 0) + (byRoute["POST /api/operator/status"] ?? 0);
}

function output(result: CliResult): string {
  return `${result.stdout}\n${result.stderr}`;
}

const operator = (key: string, organizationId: number, name: string, status = "active") =>
  `new ChatHubOperator(${JSON.stringify(key)}, ${JSON.stringify({ organizationId, name, status })});`;

const program = (...lines: string[]) =>
  [
    'const { ChatHubOperator, ChatHubOperatorRoster, ChatHubOrganizationRoster } = require("pulumi-chathub");',
    ...lines,
    "",
  ].join("\n");

/** Organization 24 has 3 active people over three resource kinds, organization 25 two; every name is "First Last". */
const compliant = program(
  `new ChatHubOrganizationRoster("support", ${JSON.stringify({
    organizationId: 24,
    unmanaged: "ignore",
    operators: [
      { name: "John Smith" },
      { name: "Sarah Johnson" },
      { name: "Mike Wilson", status: "inactive" },
    ],
  })});`,
  `new ChatHubOperatorRoster("night", ${JSON.stringify({ organizationId: 24, operators: [{ name: "Alex Brown" }] })});`,
  operator("emma", 25, "Emma Davis"),
  operator("liam", 25, "Liam Chen"),
);

describe("policy pack (pulumi preview --policy-pack)", () => {
  let emulator: RunningEmulator;
  let pack: string;
  let stack: TestStack;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    pack = writePolicyPack(
      "chathub-e2e-rules",
      `{ minActivePerOrganization: 2, namePattern: /^\\p{Lu}\\p{L}+( \\p{Lu}\\p{L}+)+$/u, unmanagedDelete: "forbidden", onePersonOneOrganization: true }`,
    );
    stack = await chathubStack(emulator, "policy-pack", compliant);
  });
  afterAll(async () => {
    stack?.dispose();
    if (pack && process.env.KEEP_E2E_WORK !== "1") rmSync(pack, { recursive: true, force: true });
    await emulator?.close();
  });

  const previewWithPack = (...args: string[]) => stack.run(["preview", "--policy-pack", pack, ...args]);

  it("passes a compliant program that uses every roster resource type", async () => {
    stack.writeProgram(compliant);
    const result = await previewWithPack();
    expect(result.code, output(result)).toBe(0);
    expect(output(result)).toMatch(/chathub-e2e-rules@v/);
    expect(output(result)).not.toMatch(/mandatory/);
  });

  it("namePattern: fails a misnamed operator of an operator roster, naming roster, organization and person", async () => {
    emulator.resetCounters();
    stack.writeProgram(compliant.replace('{"name":"Alex Brown"}', '{"name":"alex brown"}'));
    const result = await previewWithPack();
    expect(result.code).not.toBe(0);
    expect(output(result)).toContain("[mandatory]  chathub-operator-name-pattern");
    expect(output(result)).toContain(
      'operator roster "night" (operator "night-alex-brown") (organization 24) declares "alex brown", not matching the name pattern',
    );
    expect(writes(emulator)).toBe(0);
  });

  it("unmanagedDelete: fails an organization roster that deletes the unmanaged", async () => {
    emulator.resetCounters();
    stack.writeProgram(compliant.replace('"unmanaged":"ignore"', '"unmanaged":"delete"'));
    const result = await previewWithPack();
    expect(result.code).not.toBe(0);
    expect(output(result)).toContain("[mandatory]  chathub-no-unmanaged-delete");
    expect(output(result)).toContain(
      'organization roster "support" (organization 24) sets unmanaged: "delete", which deletes every operator',
    );
    expect(writes(emulator)).toBe(0);
  });

  it("minActivePerOrganization: fails an organization left with too few active people", async () => {
    emulator.resetCounters();
    stack.writeProgram(
      compliant.replace('"name":"Liam Chen","status":"active"', '"name":"Liam Chen","status":"inactive"'),
    );
    const result = await previewWithPack();
    expect(result.code).not.toBe(0);
    expect(output(result)).toContain("[mandatory]  chathub-min-active-per-organization");
    expect(output(result)).not.toContain("organization 24 would have");
    expect(output(result)).toContain(
      'organization 25 would have 1 active operator ("Emma Davis"), fewer than the 2 this policy pack requires; ' +
        'inactive: "Liam Chen". Declared by operator "emma", operator "liam": activate or add operators there.',
    );
    expect(writes(emulator)).toBe(0);
  });

  it("onePersonOneOrganization: reads an unchanged roster from the state, and fails a person added to a second organization", async () => {
    const deployed = program(
      `new ChatHubOrganizationRoster("support", ${JSON.stringify({
        organizationId: 24,
        unmanaged: "ignore",
        operators: [{ name: "John Smith" }, { name: "Sarah Johnson" }],
      })});`,
      operator("emma", 25, "Emma Davis"),
      operator("liam", 25, "Liam Chen"),
    );
    stack.writeProgram(deployed);
    await stack.up();
    emulator.resetCounters();
    // The roster is unchanged (a "same" step): the policy sees it through its stored state.
    // Names are compared as ChatHub does: "john smith" is John Smith.
    stack.writeProgram(`${deployed}${operator("john-sales", 25, "john smith")}\n`);
    const result = await previewWithPack();
    expect(result.code).not.toBe(0);
    expect(output(result)).toContain("[mandatory]  chathub-one-person-one-organization");
    expect(output(result)).toContain(
      '"John Smith" is declared in 2 organizations (24, 25): "John Smith" in organization roster "support" (organization 24); ' +
        '"john smith" in operator "john-sales" (organization 25).',
    );
    expect(writes(emulator)).toBe(0);
    await stack.destroy();
  });

  it("a policy made advisory by the pack's config warns and lets the preview pass", async () => {
    stack.writeProgram(compliant.replace('"unmanaged":"ignore"', '"unmanaged":"delete"'));
    const config = path.join(pack, "advisory.json");
    writeFileSync(config, JSON.stringify({ "chathub-no-unmanaged-delete": "advisory" }));
    const result = await previewWithPack("--policy-pack-config", config);
    expect(result.code, output(result)).toBe(0);
    expect(output(result)).toContain("[advisory]  chathub-no-unmanaged-delete");
  });

  // `pulumi up --policy-pack` previews first: a mandatory violation, of one resource (the name pattern)
  // or of the whole stack (too few active people), stops the update before anything reaches ChatHub.
  it.each([
    {
      rule: "chathub-operator-name-pattern",
      edit: (code: string) => code.replace('{"name":"Alex Brown"}', '{"name":"alex brown"}'),
    },
    {
      rule: "chathub-min-active-per-organization",
      edit: (code: string) =>
        code.replace('"name":"Liam Chen","status":"active"', '"name":"Liam Chen","status":"inactive"'),
    },
  ])("pulumi up --policy-pack: $rule stops the update, and nothing is created", async ({ rule, edit }) => {
    const before = emulator.operators();
    emulator.resetCounters();
    stack.writeProgram(edit(compliant));
    const result = await stack.run(["up", "--yes", "--policy-pack", pack]);
    expect(result.code, output(result)).not.toBe(0);
    expect(output(result)).toContain(`[mandatory]  ${rule}`);
    expect(writes(emulator)).toBe(0);
    expect(emulator.operators()).toEqual(before);
    const recorded = (await stack.exportState()).resources.filter((resource) =>
      resource.type.includes("chathub"),
    );
    expect(recorded).toEqual([]);
  });
});

describe("policy pack on the native provider (a Pulumi YAML program)", () => {
  let emulator: RunningEmulator;
  let pack: string;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    pack = writePolicyPack(
      "chathub-e2e-native",
      `{ minActivePerOrganization: 2, namePattern: /^\\p{Lu}\\p{L}+( \\p{Lu}\\p{L}+)+$/u, unmanagedDelete: "forbidden", onePersonOneOrganization: true }`,
    );
  });
  afterAll(async () => {
    if (pack && process.env.KEEP_E2E_WORK !== "1") rmSync(pack, { recursive: true, force: true });
    await emulator?.close();
  });

  it("reads chathub:index:OrganizationRoster's roster file as its check loaded it, and chathub:index:Operator", async () => {
    const yaml = [
      "resources:",
      "  support:",
      "    type: chathub:index:OrganizationRoster",
      `    properties: ${JSON.stringify({ organizationId: 24, unmanaged: "delete", file: "support.yaml" })}`,
      "  john-sales:",
      "    type: chathub:index:Operator",
      `    properties: ${JSON.stringify({ organizationId: 25, name: "John Smith" })}`,
      "",
    ].join("\n");
    const stack = await chathubStack(emulator, "policy-pack-native", { yaml });
    try {
      stack.writeFile("support.yaml", "operators:\n  - name: John Smith\n  - name: sarah johnson\n");
      emulator.resetCounters();
      const result = await stack.run(["preview", "--policy-pack", pack]);
      expect(result.code).not.toBe(0);
      const text = output(result);
      expect(text).toContain(
        'organization roster "support" (organization 24) declares "sarah johnson", not matching the name pattern',
      );
      expect(text).toContain('organization roster "support" (organization 24) sets unmanaged: "delete"');
      expect(text).toContain(
        '"John Smith" is declared in 2 organizations (24, 25): "John Smith" in organization roster "support" (organization 24); ' +
          '"John Smith" in operator "john-sales" (organization 25).',
      );
      expect(text).toContain(
        'organization 25 would have 1 active operator ("John Smith"), fewer than the 2 this policy pack requires',
      );
      expect(writes(emulator)).toBe(0);
    } finally {
      stack.dispose();
    }
  });
});

describe("examples/policy", () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  afterAll(() => emulator.close());

  it("the example pack passes the example program, and stops it once a name breaks the pattern", async () => {
    const example = path.join(repoRoot, "examples/policy");
    const stack = await chathubStack(emulator, "example-policy", {
      projectDir: path.join(example, "program"),
    });
    const pack = path.join(workRoot, `example-policy-pack-${process.pid}`);
    cpSync(path.join(example, "pack"), pack, {
      recursive: true,
      filter: (source) => !source.includes("node_modules"),
    });
    // What a user sees running the preview from program/ with `--policy-pack ../pack`.
    const asFromProgram = (result: CliResult) => output(result).replaceAll(pack, "../pack");
    try {
      const passing = await stack.run(["preview", "--policy-pack", pack]);
      expect(passing.code, output(passing)).toBe(0);
      expect(output(passing)).toMatch(/chathub-rosters@v/);
      expectSampleIn(asFromProgram(passing), "policy-pass");

      stack.writeFile(
        "support.yaml",
        "operators:\n  - name: John Smith\n  - name: sarah johnson\n  - name: Alex Brown\n",
      );
      const failing = await stack.run(["preview", "--policy-pack", pack]);
      expect(failing.code).not.toBe(0);
      expect(output(failing)).toContain(
        'organization roster "support" (organization 24) declares "sarah johnson", not matching the name pattern',
      );

      // docs/policies.md's edit: a lowercased name, Emma Davis (of organization 25) added, and
      // unmanaged: "delete": three rules broken at once.
      stack.writeFile(
        "support.yaml",
        "operators:\n  - name: John Smith\n  - name: sarah johnson\n  - name: Mike Wilson\n    status: inactive\n  - name: Alex Brown\n  - name: Emma Davis\n",
      );
      const program = readFileSync(path.join(example, "program/index.ts"), "utf8");
      stack.writeFile("index.ts", program.replace('unmanaged: "deactivate"', 'unmanaged: "delete"'));
      const violations = await stack.run(["preview", "--policy-pack", pack]);
      expect(violations.code).not.toBe(0);
      expectSampleIn(asFromProgram(violations), "policy-violations");

      // The same preview with the pack's config lowering two policies and disabling the third.
      stack.writeFile(
        "advisory.json",
        JSON.stringify({
          "chathub-operator-name-pattern": "advisory",
          "chathub-no-unmanaged-delete": "advisory",
          "chathub-one-person-one-organization": "disabled",
        }),
      );
      const advisory = await stack.run([
        "preview",
        "--policy-pack",
        pack,
        "--policy-pack-config",
        path.join(stack.dir, "advisory.json"),
      ]);
      expect(advisory.code, output(advisory)).toBe(0);
      expectSampleIn(asFromProgram(advisory), "policy-advisory");

      // A roster file that deactivates too many people.
      stack.writeFile("index.ts", program);
      stack.writeFile(
        "support.yaml",
        "operators:\n  - name: John Smith\n  - name: Sarah Johnson\n    status: inactive\n  - name: Mike Wilson\n    status: inactive\n",
      );
      const tooFew = await stack.run(["preview", "--policy-pack", pack]);
      expect(tooFew.code).not.toBe(0);
      expectSampleIn(asFromProgram(tooFew), "policy-min-active");
    } finally {
      stack.dispose();
      if (process.env.KEEP_E2E_WORK !== "1") rmSync(pack, { recursive: true, force: true });
    }
  });
});

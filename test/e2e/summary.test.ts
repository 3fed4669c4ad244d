import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_EMULATOR_TOKEN, type RunningEmulator, startEmulator } from "pulumi-chathub-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectSampleIn } from "../doc-samples/doc-samples";
import type { TestStack } from "./harness/test-stack";
import { chathubStack } from "./support/chathub-stack";
import { runSummary } from "./support/summary-cli";

// `pulumi-chathub summary` on the JSON of real previews, one stack per adapter with every resource
// kind in its own organization: the same change (two people added, one deactivated, one deleted)
// must come out named, under its organization, for each kind; a preview with nothing to do says so;
// and nothing secret of the JSON (the token, a secret name) reaches the summary.

/** The people of one kind's organization, before and after the change. */
function people(tag: string) {
  const keeper = { name: `${tag} Keeper` };
  const dimmed = { name: `${tag} Dimmed` };
  const leaving = { name: `${tag} Leaving` };
  const before = [keeper, dimmed, leaving];
  // Leaving's place is Arrival's: the engine draws the native roster's list by index, as one
  // person changing into the other; the summary must name both.
  const after = [
    keeper,
    { ...dimmed, status: "inactive" },
    { name: `${tag} Arrival` },
    { name: `${tag} Second` },
  ];
  return { before, after };
}

/** The lines the summary must have for one kind's organization, in Markdown. */
function expectedSection(tag: string): string[] {
  return [
    `- **Added (2):** ${tag} Arrival, ${tag} Second`,
    `- **Deactivated (1):** ${tag} Dimmed`,
    `- **Deleted (1):** ${tag} Leaving`,
  ];
}

const slug = (name: string) => name.toLowerCase().replace(/ /g, "-");

interface DynamicVersion {
  operators: { name: string; status?: string }[];
  operatorRoster: { name: string; status?: string }[];
  organizationRoster: { name: string; status?: string }[];
  unmanaged: string;
}

function dynamicProgram(version: DynamicVersion): string {
  return [
    'const { ChatHubOperator, ChatHubOperatorRoster, ChatHubOrganizationRoster } = require("pulumi-chathub");',
    `for (const person of ${JSON.stringify(version.operators)}) {`,
    '  new ChatHubOperator(person.name.toLowerCase().replace(/ /g, "-"), { organizationId: 31, ...person });',
    "}",
    `new ChatHubOperatorRoster("onboarding", { organizationId: 32, operators: ${JSON.stringify(version.operatorRoster)} });`,
    `new ChatHubOrganizationRoster("escalations", { organizationId: 33, unmanaged: ${JSON.stringify(version.unmanaged)}, operators: ${JSON.stringify(version.organizationRoster)} });`,
    "",
  ].join("\n");
}

function nativeProgram(version: DynamicVersion & { hidden: boolean }): string {
  const operators = version.operators.flatMap((person) => [
    `  ${slug(person.name)}:`,
    "    type: chathub:index:Operator",
    `    properties: ${JSON.stringify({ organizationId: 41, ...person })}`,
  ]);
  const hidden = version.hidden
    ? [
        "  hidden:",
        "    type: chathub:index:Operator",
        "    properties:",
        "      organizationId: 41",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a Pulumi YAML interpolation
        "      name: ${hiddenName}",
      ]
    : [];
  return [
    "config:",
    "  hiddenName:",
    "    type: string",
    "resources:",
    ...operators,
    ...hidden,
    "  partners:",
    "    type: chathub:index:OrganizationRoster",
    `    properties: ${JSON.stringify({ organizationId: 42, unmanaged: version.unmanaged, operators: version.organizationRoster })}`,
    "",
  ].join("\n");
}

/** The section of a Markdown summary under one organization's heading, as lines. */
function section(markdown: string, heading: string): string[] {
  const part = markdown.split("\n#### ").find((chunk) => chunk.startsWith(`${heading}\n`));
  if (part === undefined) throw new Error(`no section "${heading}" in:\n${markdown}`);
  return part.split("\n").filter((line) => line.startsWith("- "));
}

/** `pulumi preview --json` of the stack, written to a file as a workflow would: its path and text. */
async function previewJson(stack: TestStack, ...args: string[]): Promise<{ file: string; text: string }> {
  const result = await stack.run(["preview", "--json", ...args]);
  expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
  const file = path.join(stack.dir, "preview.json");
  writeFileSync(file, result.stdout);
  return { file, text: result.stdout };
}

/** Whatever the stack's config holds encrypted (the `secure: v1:…` values). */
function ciphertexts(stack: TestStack): string[] {
  const config = readFileSync(path.join(stack.dir, `Pulumi.${stack.stackName}.yaml`), "utf8");
  return [...config.matchAll(/secure: (\S+)/g)].map((match) => match[1] as string);
}

function expectNothingSecret(summary: string, stack: TestStack): void {
  expect(summary).not.toContain(DEFAULT_EMULATOR_TOKEN);
  expect(summary).not.toContain("[secret]");
  const encrypted = ciphertexts(stack);
  expect(encrypted.length).toBeGreaterThan(0);
  for (const ciphertext of encrypted) expect(summary).not.toContain(ciphertext);
}

describe("pulumi-chathub summary, on real previews", () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    for (const [id, name] of [
      [31, "Billing"],
      [32, "Onboarding"],
      [33, "Escalations"],
      [41, "Retention"],
      [42, "Partners"],
    ] as const)
      emulator.addOrganization({ id, name });
  });
  afterAll(() => emulator.close());

  it("dynamic resources: ChatHubOperator, ChatHubOperatorRoster's children, ChatHubOrganizationRoster", async () => {
    const [op, roster, org] = [people("Op"), people("Ros"), people("Org")];
    const stack = await chathubStack(
      emulator,
      "summary-dynamic",
      dynamicProgram({
        operators: op.before,
        operatorRoster: roster.before,
        organizationRoster: org.before,
        unmanaged: "ignore",
      }),
    );
    try {
      await stack.up();
      const unchanged = await previewJson(stack);
      const none = await runSummary(["--format", "text", unchanged.file]);
      expect(none, none.stderr).toMatchObject({ code: 0, stdout: "No roster changes.\n" });

      const mallory = emulator.addOperator({ organizationId: 33, name: "Mallory Byhand" });
      stack.writeProgram(
        dynamicProgram({
          operators: op.after,
          operatorRoster: roster.after,
          organizationRoster: org.after,
          unmanaged: "deactivate",
        }),
      );
      const changed = await previewJson(stack, "--refresh");
      expect(changed.text).toContain("[secret]"); // the token, in the config the JSON shows
      const summary = await runSummary([changed.file]);
      expect(summary.code, summary.stderr).toBe(0);
      const markdown = summary.stdout;
      expect(section(markdown, "Billing (organization 31)")).toEqual(expectedSection("Op"));
      expect(section(markdown, "Onboarding (organization 32)")).toEqual(expectedSection("Ros"));
      // An organization roster records no organization name: its id alone.
      expect(section(markdown, "Organization 33")).toEqual([
        ...expectedSection("Org"),
        `- **Deactivated by \`unmanaged\` (not in the roster) (1):** Mallory Byhand (operator ${mallory.id})`,
        "- Removal budget of roster `escalations`: 3 of 10 used (the default: 10 people or 10% of its 4 live operators, whichever is larger)",
      ]);
      expect(markdown).toContain(
        "**Totals:** 6 added, 3 deactivated, 3 deleted, 1 deactivated by unmanaged, in 3 organizations.",
      );
      expectNothingSecret(markdown, stack);
      await stack.destroy();
    } finally {
      stack.dispose();
    }
  });

  it("native resources (YAML): chathub:index:Operator and chathub:index:OrganizationRoster", async () => {
    const [op, org] = [people("Nop"), people("Nor")];
    const stack = await chathubStack(
      emulator,
      "summary-native",
      {
        yaml: nativeProgram({
          operators: op.before,
          operatorRoster: [],
          organizationRoster: org.before,
          unmanaged: "ignore",
          hidden: false,
        }),
      },
      { secrets: { hiddenName: "Quiet Person" } },
    );
    try {
      await stack.up();
      const mallory = emulator.addOperator({ organizationId: 42, name: "Mallory Native" });
      stack.writeYamlProgram(
        nativeProgram({
          operators: op.after,
          operatorRoster: [],
          organizationRoster: org.after,
          unmanaged: "delete",
          hidden: true,
        }),
      );
      const changed = await previewJson(stack, "--refresh");
      expect(changed.text).toContain("[secret]");

      // From standard input, as plain text.
      const text = await runSummary(["--format", "text", "-"], changed.text);
      expect(text.code, text.stderr).toBe(0);
      expect(text.stdout).toContain(
        [
          "Retention (organization 41)",
          "  Added (3): Nop Arrival, Nop Second, a person whose name is not shown (secret, or not known until up)",
          "  Deactivated (1): Nop Dimmed",
          "  Deleted (1): Nop Leaving",
          "",
        ].join("\n"),
      );
      expect(text.stdout).toContain(
        [
          "Organization 42",
          "  Added (2): Nor Arrival, Nor Second",
          "  Deactivated (1): Nor Dimmed",
          "  Deleted (1): Nor Leaving",
          `  Deleted by \`unmanaged\` (not in the roster) (1): Mallory Native (operator ${mallory.id})`,
          "  Removal budget of roster partners: 3 of 10 used (the default: 10 people or 10% of its 4 live operators, whichever is larger)",
          "",
        ].join("\n"),
      );
      expect(text.stdout).not.toContain("Quiet Person");
      expectSampleIn(text.stdout, "summary-text");
      expectNothingSecret(text.stdout, stack);

      const markdown = expectSuccessful(await runSummary([changed.file]));
      expect(section(markdown, "Organization 42").slice(0, 3)).toEqual(expectedSection("Nor"));
      await stack.destroy();
    } finally {
      stack.dispose();
    }
  });
});

function expectSuccessful(run: { code: number | null; stdout: string; stderr: string }): string {
  expect(run.code, run.stderr).toBe(0);
  return run.stdout;
}

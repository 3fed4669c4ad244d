import { type RunningEmulator, startEmulator } from "pulumi-chathub-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectSampleIn } from "../doc-samples/doc-samples";
import type { TestStack } from "./harness/test-stack";
import { chathubStack } from "./support/chathub-stack";
import { type OperatorSpec, operatorsProgram } from "./support/programs";

interface BadInputCase {
  title: string;
  operator: Partial<OperatorSpec>;
  /** Stack configuration to use instead of the emulator's (e.g. a malformed base URL). */
  config?: Record<string, string>;
  /** Leave the token out of the stack's configuration. */
  noToken?: boolean;
  /** What the preview's output must say: the property (or config key) and the reason with its fix. */
  expected: string[];
  /** The committed sample of this output that a page shows (test/doc-samples). */
  sample?: string;
}

const valid = { organizationId: 24, name: "Alex Brown" };

// Every case fails at `pulumi preview`, names the operator, the property and the fix, and
// sends nothing to ChatHub.
const cases: BadInputCase[] = [
  {
    title: "a blank name",
    operator: { name: "   " },
    expected: ["name must not be blank"],
    sample: "operator-blank-name",
  },
  {
    title: "a 101-character name",
    operator: { name: "x".repeat(101) },
    expected: ["name is 101 characters long; ChatHub allows at most 100: shorten it"],
  },
  {
    title: "a control character in the name",
    operator: { name: "Alex\tBrown" },
    expected: ["name contains a control character"],
  },
  { title: "a missing name", operator: { name: undefined }, expected: ["name is required"] },
  {
    title: "a non-integer organization id",
    operator: { organizationId: 24.5 },
    expected: ["organizationId must be a whole number"],
  },
  {
    title: "organization id zero",
    operator: { organizationId: 0 },
    expected: ["organizationId must be a positive id"],
  },
  {
    title: "a negative organization id",
    operator: { organizationId: -3 },
    expected: ["organizationId must be a positive id"],
  },
  {
    title: "an organization id given as text",
    operator: { organizationId: "24" },
    expected: ["organizationId must be a number"],
  },
  {
    title: "an unknown status",
    operator: { status: "paused" },
    expected: ['status must be "active" or "inactive" (to delete an operator, remove the resource)'],
  },
  {
    title: "an unknown property",
    operator: { extra: { nickname: "Al" } },
    expected: ['"nickname" is not a property of ChatHubOperator'],
  },
  {
    title: "a date that is not ISO 8601",
    operator: { extra: { activeUntil: "31/12/2026" } },
    expected: [
      'activeUntil is not an ISO 8601 date or date-time (got "31/12/2026"): write an ISO 8601 date or date-time, e.g. "2026-12-31"',
    ],
    sample: "bad-date-format",
  },
  {
    title: "a window that ends before it starts",
    operator: { extra: { activeFrom: "2027-01-05", activeUntil: "2026-12-31" } },
    expected: [
      "activeUntil 2026-12-31 is before activeFrom 2027-01-05: the person would never be active; swap the dates",
    ],
    sample: "bad-date-window",
  },
  {
    title: "a missing token",
    operator: {},
    noToken: true,
    expected: ["chathub:token", "CHATHUB_TOKEN"],
  },
  {
    title: "a company login without its password",
    operator: {},
    noToken: true,
    config: { "chathub:login": "acme" },
    expected: ["chathub:login (CHATHUB_LOGIN) is set but chathub:password (CHATHUB_PASSWORD) is not"],
  },
  {
    title: "a password without its company login",
    operator: {},
    noToken: true,
    config: { "chathub:password": "a-password-123" },
    expected: ["chathub:password (CHATHUB_PASSWORD) is set but chathub:login (CHATHUB_LOGIN) is not"],
  },
  {
    title: "a malformed base URL",
    operator: {},
    config: { "chathub:baseUrl": "chatapi.smsbat.com/api" },
    // Such a URL reaches no server either way: the message is what shows it was caught by the check.
    expected: [
      'chathub:baseUrl (CHATHUB_BASE_URL) must be an absolute http(s) URL such as https://chatapi.smsbat.com; got "chatapi.smsbat.com/api"',
    ],
  },
];

describe("bad input fails at preview, sending nothing", () => {
  let emulator: RunningEmulator;
  let stack: TestStack;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    stack = await chathubStack(emulator, "bad-input", operatorsProgram([]));
  });
  afterAll(async () => {
    stack.dispose();
    await emulator.close();
  });

  it.each(cases)("$title", async (badCase) => {
    stack.writeProgram(operatorsProgram([{ key: "alex", ...valid, ...badCase.operator }]));
    const baseUrl = badCase.config?.["chathub:baseUrl"] ?? emulator.url;
    await stack.run(["config", "set", "chathub:baseUrl", baseUrl]);
    if (badCase.noToken) await stack.run(["config", "rm", "chathub:token"]);
    const extraConfig = Object.entries(badCase.config ?? {}).filter(([key]) => key !== "chathub:baseUrl");
    for (const [key, value] of extraConfig) await stack.run(["config", "set", key, value]);
    emulator.resetCounters();
    try {
      const preview = await stack.run(["preview"]);
      const output = preview.stdout + preview.stderr;
      expect(preview.code).not.toBe(0);
      // The operator is named by its resource, and the problem by property, reason and fix.
      expect(output).toMatch(/chathub:Operator.*alex|alex.*chathub:Operator/);
      for (const text of badCase.expected) expect(output).toContain(text);
      if (badCase.sample) expectSampleIn(output, badCase.sample);
      expect(emulator.counters().total).toBe(0);
      // A secret typed into the wrong key is not echoed either.
      expect(output).not.toContain("a-password-123");
    } finally {
      for (const [key] of extraConfig) await stack.run(["config", "rm", key]);
      if (badCase.noToken)
        await stack.run(["config", "set", "--secret", "chathub:token", "chathub-emulator-token"]);
    }
  });

  it("accepts names in any script and emoji, which round-trip exactly", async () => {
    const names = ["Nguyễn Văn An", "Zoë 🚀 Ödegaard", "李小龍", "محمد علي"];
    await stack.run(["config", "set", "chathub:baseUrl", emulator.url]);
    stack.writeProgram(
      operatorsProgram(names.map((name, i) => ({ key: `person-${i}`, organizationId: 24, name }))),
    );
    await stack.up();
    const outputs = (await stack.outputs()).operators as Record<string, { name: string; operatorId: number }>;
    for (const [i, name] of names.entries()) {
      expect(outputs[`person-${i}`]?.name).toBe(name);
      const live = emulator.operators(24).find((o) => o.id === outputs[`person-${i}`]?.operatorId);
      expect(live?.name).toBe(name);
    }
    expect((await stack.previewPlan("--refresh", "--expect-no-changes")).changeSummary.same).toBe(
      names.length + 1,
    );
    await stack.destroy();
  });
});

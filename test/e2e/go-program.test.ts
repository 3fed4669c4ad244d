import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { type RunningEmulator, startEmulator } from "pulumi-chathub-emulator";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { nativePluginBinDir } from "./harness/native-plugin";
import { expectSuccess } from "./harness/pulumi-cli";
import { chathubStack } from "./support/chathub-stack";

// examples/go through the real CLI and tools/pulumi-language-go (which builds the program with
// `go build`, as upstream's host does), on the Go module committed under sdk/, taken by path with a
// `replace` as a user takes a checkout; the plugin on PATH as after `npm install`.

const repoRoot = path.resolve(__dirname, "../..");
const COMPANY_A = "go-company-a-token";
const COMPANY_B = "go-company-b-token";
const PARTNER_ORGANIZATION = 31;
const SDK_MODULE = "github.com/pulumi-chathub/pulumi-chathub/sdk";

describe("examples/go", () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({
      port: 0,
      tokens: { [COMPANY_A]: [24, 25], [COMPANY_B]: [PARTNER_ORGANIZATION] },
    });
    emulator.addOrganization({ id: PARTNER_ORGANIZATION, name: "Partner Desk" });
  });
  afterAll(() => emulator?.close());
  const live = (organizationId: number) => emulator.operators(organizationId).filter((o) => o.status !== 2);

  it("deploys, shows drift by name, refreshes, imports an operator as Go code, and destroys", async () => {
    const stack = await chathubStack(
      emulator,
      "go-example",
      { projectDir: path.join(repoRoot, "examples/go") },
      {
        token: COMPANY_A,
        secrets: { companyBToken: COMPANY_B },
        config: { companyBOrganizationId: String(PARTNER_ORGANIZATION) },
        env: {
          PATH: [path.dirname(inject("pulumiBin")), nativePluginBinDir(), process.env.PATH].join(
            path.delimiter,
          ),
        },
      },
    );
    // The example's go.mod replaces the SDK with ../../sdk; its copy here points at the checkout's.
    execFileSync("go", ["mod", "edit", `-replace=${SDK_MODULE}=${path.join(repoRoot, "sdk")}`], {
      cwd: stack.dir,
    });
    try {
      const up = await stack.up();
      const idOf = (organizationId: number, name: string) =>
        live(organizationId).find((o) => o.name === name)?.id;
      expect(await stack.outputs()).toMatchObject({
        operatorIds: {
          "john-smith": 101,
          "alex-brown": idOf(24, "Alex Brown"),
          "emma-davis": idOf(24, "Emma Davis"),
        },
        counts: { total: 3, active: 2, inactive: 1 },
        danaId: `25/${idOf(25, "Dana Sales")}`,
        samId: `${PARTNER_ORGANIZATION}/${idOf(PARTNER_ORGANIZATION, "Sam South")}`,
      });
      // Organization 24's people the file does not name were deactivated.
      expect(emulator.operators(24).find((o) => o.id === 102)?.status).toBe(1);
      for (const text of [up.stdout, up.stderr, stack.stateFileText()]) {
        expect(text).not.toContain(COMPANY_A);
        expect(text).not.toContain(COMPANY_B);
      }

      // Someone activates Emma by hand: the preview names her and the change.
      const emma = idOf(24, "Emma Davis") as number;
      emulator.setOperatorStatus(emma, 0);
      const drift = await stack.run(["preview", "--refresh", "--diff", "--expect-no-changes"]);
      expect(drift.code).not.toBe(0);
      expect(drift.stdout).toMatch(/name\s*: "Emma Davis"\s*~ status\s*: "active" => "inactive"/);
      await stack.refresh();
      await stack.up();
      expect(emulator.operators(24).find((o) => o.id === emma)?.status).toBe(1);

      // An operator made outside Pulumi, taken over from the command line: the code printed is Go.
      const ivy = emulator.addOperator({ organizationId: 25, name: "Ivy Import" });
      expectSuccess(
        await stack.run([
          "import",
          "chathub:index:Operator",
          "ivy",
          `25/${ivy.id}`,
          "--yes",
          "--protect=false",
          "--out",
          "ivy.go.txt",
        ]),
      );
      const code = readFileSync(path.join(stack.dir, "ivy.go.txt"), "utf8");
      expect(code).toContain(`"${SDK_MODULE}/go/chathub"`);
      expect(code).toMatch(
        /chathub\.NewOperator\(ctx, "ivy", &chathub\.OperatorArgs\{\s+Adopt:\s+pulumi\.Bool\(false\),\s+Name:\s+pulumi\.String\("Ivy Import"\),\s+OrganizationId: pulumi\.Int\(25\),\s+Status:\s+chathub\.OperatorStatusActive,\s+\}/,
      );

      await stack.destroy();
      expect(live(24).map((o) => o.name)).toEqual(["Sarah Johnson", "Mike Wilson"]);
      expect(live(25)).toEqual([]);
      expect(live(PARTNER_ORGANIZATION)).toEqual([]);
    } finally {
      stack.dispose();
    }
  }, 900_000);
});

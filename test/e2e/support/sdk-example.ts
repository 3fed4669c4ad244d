import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, inject } from "vitest";
import { expectSuccess } from "../harness/pulumi-cli";
import type { TestStack } from "../harness/test-stack";
import { chathubStack } from "./chathub-stack";
import {
  checkReleaseFiles,
  installedPluginDir,
  nodeStubs,
  RELEASE_VERSION,
  releaseOnlyEnv,
  serveRelease,
} from "./release-files";
import { PARTNER_ORGANIZATION, twoCompanyEmulator } from "./two-companies";

const repoRoot = path.resolve(__dirname, "../../..");

export interface SdkExample {
  /** The folder under examples/, e.g. "python": the same program in each SDK's language. */
  example: string;
  /** Makes the copied project ready as that language's user would (a virtualenv, a go.mod replace). */
  prepare(stack: TestStack): void;
  /** Where `pulumi import --out` writes the code it prints, in the project's folder. */
  importOut: string;
  /** Asserts the code `pulumi import` printed for the operator "Ivy Import" in organization 25. */
  expectImportedCode(code: string): void;
}

/**
 * The scenario every SDK example is run through, against the emulator with the real CLI, from the
 * release files alone: the engine installs the plugin from dist/release/ (served on 127.0.0.1 in
 * place of the GitHub release the SDK's pulumi-plugin.json names), and `node`, `npm` and `npx`
 * fail if anything calls them. Then: up (a roster from support.yaml, Dana found in "Sales",
 * Sam through a second company's explicit provider), drift named by person, refresh, import of an
 * operator as that language's code, destroy; no token in the output or the state.
 */
export async function runSdkExample({ example, prepare, importOut, expectImportedCode }: SdkExample) {
  await checkReleaseFiles();
  const release = await serveRelease();
  const stubs = nodeStubs();
  const { emulator, companyA, companyB, stackOptions } = await twoCompanyEmulator(example);
  const live = (organizationId: number) => emulator.operators(organizationId).filter((o) => o.status !== 2);
  const stack = await chathubStack(
    emulator,
    `${example}-example`,
    { projectDir: path.join(repoRoot, "examples", example) },
    {
      ...stackOptions,
      env: {
        ...releaseOnlyEnv(release, stubs),
        PATH: [stubs.dir, path.dirname(inject("pulumiBin")), process.env.PATH].join(path.delimiter),
      },
    },
  );
  try {
    prepare(stack);
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
      expect(text).not.toContain(companyA);
      expect(text).not.toContain(companyB);
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

    // An operator made outside Pulumi, taken over from the command line.
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
        importOut,
      ]),
    );
    expectImportedCode(readFileSync(path.join(stack.dir, importOut), "utf8"));

    await stack.destroy();
    expect(live(24).map((o) => o.name)).toEqual(["Sarah Johnson", "Mike Wilson"]);
    expect(live(25)).toEqual([]);
    expect(live(PARTNER_ORGANIZATION)).toEqual([]);

    // The engine fetched the plugin itself, and nothing asked for Node.js.
    expect(release.requests).toContain(`pulumi-resource-chathub-v${RELEASE_VERSION}-linux-amd64.tar.gz`);
    expect(
      existsSync(path.join(installedPluginDir(stack.env.PULUMI_HOME ?? ""), "pulumi-resource-chathub")),
    ).toBe(true);
    expect(stubs.calls()).toEqual([]);
  } finally {
    stack.dispose();
    await emulator.close();
    await release.close();
  }
}

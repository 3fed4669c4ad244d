import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repoRoot = path.resolve(__dirname, "../../..");
const script = path.join(repoRoot, "scripts/ensure-pulumi");
const pin: string = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")).devDependencies[
  "@pulumi/pulumi"
];

// The stamp ensure-pulumi expects beside a language host built from the current source.
const langHostSource = path.join(repoRoot, "tools/pulumi-language-nodejs");
const sourceHash = createHash("sha256")
  .update(
    Buffer.concat(
      readdirSync(langHostSource)
        .filter((name) => name.endsWith(".go"))
        .sort()
        .map((name) => readFileSync(path.join(langHostSource, name))),
    ),
  )
  .digest("hex")
  .slice(0, 16);

/** A cached "build" of `version`: a pulumi that reports it, and a stamped language host. */
function fakeBuild(binDir: string, version: string): void {
  mkdirSync(binDir, { recursive: true });
  writeFileSync(path.join(binDir, "pulumi"), `#!/bin/sh\necho v${version}\n`);
  chmodSync(path.join(binDir, "pulumi"), 0o755);
  writeFileSync(path.join(binDir, "pulumi-language-nodejs"), "#!/bin/sh\n");
  chmodSync(path.join(binDir, "pulumi-language-nodejs"), 0o755);
  writeFileSync(path.join(binDir, `pulumi-language-nodejs.source-${sourceHash}`), "");
}

// Which CLI the script picks, from cached builds: no Go build runs in these tests.
describe("scripts/ensure-pulumi chooses the CLI version", () => {
  let cacheDir: string;
  const newer = "3.274.1";

  beforeAll(() => {
    cacheDir = mkdtempSync(path.join(os.tmpdir(), "ensure-pulumi-test-"));
    fakeBuild(path.join(cacheDir, `pulumi-v${pin}`, "bin"), pin);
    fakeBuild(path.join(cacheDir, `pulumi-v${newer}`, "bin"), newer);
  });
  afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

  function run(env: Record<string, string>) {
    const result = spawnSync(script, {
      encoding: "utf8",
      // No pulumi on PATH: only node and the basic tools the script uses.
      env: {
        PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin`,
        PULUMI_CHATHUB_CACHE_DIR: cacheDir,
        ...env,
      },
    });
    return { ...result, printed: result.stdout.trim().split("\n").pop() };
  }

  it("asked nothing, uses the build at the @pulumi/pulumi pin, as always", () => {
    const result = run({});
    expect(result.status, result.stderr).toBe(0);
    expect(result.printed).toBe(path.join(cacheDir, `pulumi-v${pin}`, "bin", "pulumi"));
  });

  it("asked PULUMI_CHATHUB_CLI_VERSION, uses the build of that version instead", () => {
    const result = run({ PULUMI_CHATHUB_CLI_VERSION: newer });
    expect(result.status, result.stderr).toBe(0);
    expect(result.printed).toBe(path.join(cacheDir, `pulumi-v${newer}`, "bin", "pulumi"));
  });

  it("refuses a version that is not exact, naming the variable, before building anything", () => {
    const result = run({ PULUMI_CHATHUB_CLI_VERSION: "latest" });
    expect(result.status).not.toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("PULUMI_CHATHUB_CLI_VERSION must be an exact version");
  });
});

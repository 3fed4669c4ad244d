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

const goFiles = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith(".go"))
    .sort()
    .map((name) => path.join(dir, name));

// Every Go file of a module, its packages' too, in the byte order of their paths.
const moduleGoFiles = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".go"))
    .map((name) => path.join(dir, name))
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));

// The stamps ensure-pulumi expects beside language hosts built from the current source: the host's
// Go files, then the Python host's program runner, then the module the hosts share (its go.mod,
// then all its Go files).
function sourceHash(dir: string): string {
  const source = path.join(repoRoot, dir);
  const shared = path.join(repoRoot, "tools/hostkit");
  const files = [
    ...goFiles(source),
    ...readdirSync(source)
      .filter((name) => name === "pulumi-language-python-exec")
      .map((name) => path.join(source, name)),
    path.join(shared, "go.mod"),
    ...moduleGoFiles(shared),
  ];
  return createHash("sha256")
    .update(Buffer.concat(files.map((file) => readFileSync(file))))
    .digest("hex")
    .slice(0, 16);
}
const languageHosts = ["pulumi-language-nodejs", "pulumi-language-go", "pulumi-language-python"];

const YAML_HOST_VERSION = "v1.25.0";

/** The shared build of pulumi-language-yaml, as if built by an earlier run. */
function fakeYamlHost(cacheDir: string): void {
  const dir = path.join(cacheDir, `pulumi-language-yaml-${YAML_HOST_VERSION}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "pulumi-language-yaml"), "#!/bin/sh\necho yaml host\n");
  chmodSync(path.join(dir, "pulumi-language-yaml"), 0o755);
}

/** A cached "build" of `version`: a pulumi that reports it, and stamped language hosts. */
function fakeBuild(binDir: string, version: string): void {
  mkdirSync(binDir, { recursive: true });
  writeFileSync(path.join(binDir, "pulumi"), `#!/bin/sh\necho v${version}\n`);
  chmodSync(path.join(binDir, "pulumi"), 0o755);
  for (const host of languageHosts) {
    writeFileSync(path.join(binDir, host), "#!/bin/sh\n");
    chmodSync(path.join(binDir, host), 0o755);
    writeFileSync(path.join(binDir, `${host}.source-${sourceHash(`tools/${host}`)}`), "");
  }
}

// Which CLI the script picks, from cached builds: no Go build runs in these tests.
describe("scripts/ensure-pulumi chooses the CLI version", () => {
  let cacheDir: string;
  const newer = "3.274.1";

  beforeAll(() => {
    cacheDir = mkdtempSync(path.join(os.tmpdir(), "ensure-pulumi-test-"));
    fakeBuild(path.join(cacheDir, `pulumi-v${pin}`, "bin"), pin);
    fakeBuild(path.join(cacheDir, `pulumi-v${newer}`, "bin"), newer);
    fakeYamlHost(cacheDir);
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
    expect(
      readFileSync(path.join(cacheDir, `pulumi-v${pin}`, "bin", "pulumi-language-yaml"), "utf8"),
    ).toContain("yaml host");
  });

  it("asked PULUMI_CHATHUB_CLI_VERSION, uses the build of that version instead", () => {
    const result = run({ PULUMI_CHATHUB_CLI_VERSION: newer });
    expect(result.status, result.stderr).toBe(0);
    expect(result.printed).toBe(path.join(cacheDir, `pulumi-v${newer}`, "bin", "pulumi"));
  });

  it("a cached CLI whose Go code-generation host is missing needs Go to build that host", () => {
    const version = "3.250.0";
    const binDir = path.join(cacheDir, `pulumi-v${version}`, "bin");
    fakeBuild(binDir, version);
    rmSync(path.join(binDir, "pulumi-language-go"));
    const result = run({ PULUMI_CHATHUB_CLI_VERSION: version });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(
      `Go is not installed (needed to build the language hosts of pulumi v${version}`,
    );
  });

  it("refuses a version that is not exact, naming the variable, before building anything", () => {
    const result = run({ PULUMI_CHATHUB_CLI_VERSION: "latest" });
    expect(result.status).not.toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("PULUMI_CHATHUB_CLI_VERSION must be an exact version");
  });
});

// The YAML language host, built with a stand-in `go` that records what it is asked to do.
describe("scripts/ensure-pulumi puts pulumi-language-yaml beside pulumi", () => {
  let cacheDir: string;
  let fakeGoDir: string;
  let goLog: string;

  beforeAll(() => {
    cacheDir = mkdtempSync(path.join(os.tmpdir(), "ensure-pulumi-yaml-test-"));
    fakeBuild(path.join(cacheDir, `pulumi-v${pin}`, "bin"), pin);
    fakeBuild(path.join(cacheDir, "pulumi-v3.274.1", "bin"), "3.274.1");
    fakeGoDir = path.join(cacheDir, "fake-go");
    goLog = path.join(cacheDir, "go.log");
    mkdirSync(fakeGoDir);
    // Records each call; `go build -o X` makes X, and logs the wrapper module's tools.go.
    writeFileSync(
      path.join(fakeGoDir, "go"),
      `#!/bin/bash
echo "go $*" >> "${goLog}"
if [ "$1" = build ]; then
  cat tools.go >> "${goLog}"
  while [ $# -gt 0 ]; do [ "$1" = -o ] && { printf '#!/bin/sh\\necho built yaml host\\n' > "$2"; chmod +x "$2"; }; shift; done
fi
`,
    );
    chmodSync(path.join(fakeGoDir, "go"), 0o755);
  });
  afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

  function run(env: Record<string, string>, withGo: boolean) {
    return spawnSync(script, {
      encoding: "utf8",
      env: {
        PATH: `${withGo ? `${fakeGoDir}:` : ""}${path.dirname(process.execPath)}:/usr/bin:/bin`,
        PULUMI_CHATHUB_CACHE_DIR: cacheDir,
        ...env,
      },
    });
  }
  const goCalls = () => readFileSync(goLog, "utf8");

  it("without Go, a missing YAML host is an error that names it", () => {
    const result = run({}, false);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("Go is not installed (needed to build pulumi-language-yaml v1.25.0");
  });

  it("builds it from pulumi-yaml v1.25.0 in a wrapper module at the pulumi v3.206.0 it requires", () => {
    const result = run({}, true);
    expect(result.status, result.stderr).toBe(0);
    const calls = goCalls();
    expect(calls).toContain(
      "go mod edit -require=github.com/pulumi/pulumi-yaml@v1.25.0 -require=github.com/pulumi/pulumi/pkg/v3@v3.206.0 -require=github.com/pulumi/pulumi/sdk/v3@v3.206.0",
    );
    expect(calls).toMatch(
      /go build .*-X github.com\/pulumi\/pulumi-yaml\/pkg\/version.Version=v1.25.0.* github.com\/pulumi\/pulumi-yaml\/cmd\/pulumi-language-yaml/,
    );
    expect(calls).toContain('import _ "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml"');
    const installed = path.join(cacheDir, `pulumi-v${pin}`, "bin", "pulumi-language-yaml");
    expect(spawnSync(installed, { encoding: "utf8" }).stdout).toBe("built yaml host\n");
  });

  it("reuses that build for the newest CLI's lane, and on later runs, without calling Go", () => {
    const before = goCalls();
    const result = run({ PULUMI_CHATHUB_CLI_VERSION: "3.274.1" }, true);
    expect(result.status, result.stderr).toBe(0);
    expect(
      readFileSync(path.join(cacheDir, "pulumi-v3.274.1", "bin", "pulumi-language-yaml"), "utf8"),
    ).toContain("built yaml host");
    expect(run({}, true).status).toBe(0);
    expect(goCalls()).toBe(before);
  });
});

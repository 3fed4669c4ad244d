import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as grpc from "@grpc/grpc-js";
import { LanguageRuntimeClient } from "@pulumi/pulumi/proto/language_grpc_pb";
import { GetRequiredPackagesRequest, ProgramInfo } from "@pulumi/pulumi/proto/language_pb";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

// Which provider plugins tools/pulumi-language-go says a Go program needs (GetRequiredPackages),
// asked over gRPC as the engine asks it. The program's one module is served by a folder acting as
// a module proxy, into an empty module cache: no network, and nothing cached from another run.

const MODULE = "example.com/chathub-test-sdk";
const VERSION = "v1.0.0";

describe("the Go language host's GetRequiredPackages", () => {
  let scratch: string;
  let programDir: string;
  let proxyDir: string;
  let moduleCache: string;

  beforeAll(() => {
    scratch = mkdtempSync(path.join(os.tmpdir(), "chathub-go-host-"));
    programDir = path.join(scratch, "program");
    mkdirSync(programDir);
    writeFileSync(path.join(programDir, "Pulumi.yaml"), "name: go-plugins\nruntime: go\n");
    writeFileSync(
      path.join(programDir, "go.mod"),
      `module go-plugins\n\ngo 1.22\n\nrequire ${MODULE} ${VERSION}\n`,
    );
    writeFileSync(path.join(programDir, "main.go"), "package main\n\nfunc main() {}\n");
    proxyDir = path.join(scratch, "proxy");
    const versions = path.join(proxyDir, MODULE, "@v");
    mkdirSync(versions, { recursive: true });
    writeFileSync(path.join(versions, "list"), `${VERSION}\n`);
    writeFileSync(path.join(versions, `${VERSION}.info`), JSON.stringify({ Version: VERSION }));
    writeFileSync(path.join(versions, `${VERSION}.mod`), `module ${MODULE}\n\ngo 1.22\n`);
    moduleCache = path.join(scratch, "module-cache");
  });
  afterAll(() => {
    // The module cache is read-only, as Go leaves it; Go removes it.
    execFileSync("go", ["clean", "-modcache"], { env: { ...process.env, GOMODCACHE: moduleCache } });
    rmSync(scratch, { recursive: true, force: true });
  });

  /** The module's zip in the proxy folder, as a generated SDK ships it, with its pulumi-plugin.json. */
  function publishModuleZip(): void {
    const zip = path.join(proxyDir, MODULE, "@v", `${VERSION}.zip`);
    const plugin = JSON.stringify({ resource: true, name: "chathubtest", version: "1.2.3" });
    execFileSync("python3", [
      "-c",
      `import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr(sys.argv[2] + "/go.mod", sys.argv[3])
    z.writestr(sys.argv[2] + "/pulumi-plugin.json", sys.argv[4])`,
      zip,
      `${MODULE}@${VERSION}`,
      `module ${MODULE}\n\ngo 1.22\n`,
      plugin,
    ]);
  }

  /** Starts the host with Go reading modules from `goproxy`, and asks it about the program. */
  async function requiredPackages(goproxy: string) {
    const host = spawn(path.join(path.dirname(inject("pulumiBin")), "pulumi-language-go"), [], {
      env: {
        ...process.env,
        GOPROXY: goproxy,
        GOMODCACHE: moduleCache,
        GOSUMDB: "off",
        GOFLAGS: "-mod=mod",
        GOWORK: "off",
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    try {
      const client = new LanguageRuntimeClient(
        `127.0.0.1:${await portOf(host)}`,
        grpc.credentials.createInsecure(),
      );
      const info = new ProgramInfo()
        .setRootDirectory(programDir)
        .setProgramDirectory(programDir)
        .setEntryPoint(".");
      try {
        return await new Promise<{ name: string; kind: string; version: string }[]>((resolve, reject) =>
          client.getRequiredPackages(new GetRequiredPackagesRequest().setInfo(info), (error, response) =>
            error
              ? reject(error)
              : resolve(
                  response.getPackagesList().map((p) => ({
                    name: p.getName(),
                    kind: p.getKind(),
                    version: p.getVersion(),
                  })),
                ),
          ),
        );
      } finally {
        client.close();
      }
    } finally {
      host.kill("SIGKILL");
    }
  }

  it("a failing `go list` is an error saying what Go said, not a program without plugins", async () => {
    await expect(requiredPackages("off")).rejects.toThrow(
      /cannot tell which provider plugins the program needs: `go list -m -json` in .* failed: go: module lookup disabled by GOPROXY=off/,
    );
  });

  it("a module Go cannot download is an error naming it", async () => {
    await expect(requiredPackages(`file://${proxyDir}`)).rejects.toThrow(
      new RegExp(`\`go mod download -json\` in .* failed: ${MODULE}: .*${VERSION}\\.zip`),
    );
  });

  it("a module the module cache lacks is downloaded, and the plugin its pulumi-plugin.json names is required", async () => {
    publishModuleZip();
    expect(await requiredPackages(`file://${proxyDir}`)).toEqual([
      { name: "chathubtest", kind: "resource", version: "1.2.3" },
    ]);
  });
});

/** The port a plugin prints as the first line of its standard output. */
function portOf(plugin: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let printed = "";
    plugin.stdout?.on("data", (chunk: Buffer) => {
      printed += chunk.toString();
      const line = /^(\d+)\n/.exec(printed);
      if (line) resolve(Number(line[1]));
    });
    plugin.on("error", reject);
    plugin.on("exit", (code) =>
      reject(new Error(`the language host exited (${code}) before printing its port`)),
    );
  });
}

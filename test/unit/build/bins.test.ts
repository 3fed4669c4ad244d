import { execFile } from "node:child_process";
import { accessSync, constants, readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

// npm marks a bin executable when it links it, at `npm ci`; in this repository that is before the
// build has written it, so the build must mark it itself, or the first `npx pulumi-chathub-emulator`
// of a fresh clone fails with "Permission denied". These check what `npm run build` left behind.
const repoRoot = path.resolve(__dirname, "../../..");
const run = promisify(execFile);

const PACKAGES = [".", "packages/emulator"];

const bins = PACKAGES.flatMap((folder) => {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, folder, "package.json"), "utf8")) as {
    bin: Record<string, string>;
  };
  return Object.entries(manifest.bin).map(([name, file]) => ({ name, file: path.join(folder, file) }));
});

function isExecutable(file: string): boolean {
  try {
    accessSync(path.join(repoRoot, file), constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

describe("the built bins (after npm run build)", () => {
  it("finds every package's bins", () => {
    expect(bins.map((bin) => bin.name).sort()).toEqual([
      "pulumi-chathub",
      "pulumi-chathub-emulator",
      "pulumi-resource-chathub",
    ]);
  });

  it.each(bins)("$name ($file) is executable and starts with a node shebang", ({ file }) => {
    expect(isExecutable(file), `${file} has no execute bit: run npm run build`).toBe(true);
    expect(readFileSync(path.join(repoRoot, file), "utf8").split("\n")[0]).toBe("#!/usr/bin/env node");
  });

  it("npx pulumi-chathub-emulator --help runs, as CONTRIBUTING.md says", async () => {
    const { stdout } = await run(path.join(repoRoot, "node_modules/.bin/pulumi-chathub-emulator"), [
      "--help",
    ]);
    expect(stdout).toContain("Usage: pulumi-chathub-emulator");
  });

  it("pulumi-chathub --help runs", async () => {
    const { stdout } = await run(path.join(repoRoot, "dist/cli.js"), ["--help"]);
    expect(stdout).toContain("Usage: pulumi-chathub");
  });
});

import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../../src/cli";

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

async function run(args: string[]): Promise<string> {
  const written: string[] = [];
  for (const stream of [process.stderr, process.stdout]) {
    vi.spyOn(stream, "write").mockImplementation((text) => {
      written.push(String(text));
      return true;
    });
  }
  await main(["node", "pulumi-chathub", ...args]);
  return written.join("");
}

function file(content: string): string {
  const target = path.join(mkdtempSync(path.join(os.tmpdir(), "summary-")), "preview.json");
  writeFileSync(target, content);
  return target;
}

// The command's own errors; what it says of real previews is tested in test/e2e/summary.test.ts.
describe("pulumi-chathub summary", () => {
  it("is listed in the help", async () => {
    expect(await run(["--help"])).toMatch(
      /summary +summarize a preview.s roster changes, person by person\n/,
    );
  });

  it("refuses text that is not JSON, saying what to give", async () => {
    const input = file("Previewing update (dev)");
    expect(await run(["summary", input])).toBe(
      `error: ${input} is not JSON: give the output of \`pulumi preview --json\`.\n`,
    );
    expect(process.exitCode).toBe(1);
  });

  it("refuses JSON of another shape", async () => {
    const input = file('{"steps": 3}');
    expect(await run(["summary", input])).toBe(
      `error: ${input} is not the output of \`pulumi preview --json\` (unexpected steps).\n`,
    );
  });

  it("refuses a format it does not have", async () => {
    expect(await run(["summary", "--format", "html", file("{}")])).toMatch(/--format.*markdown, text/);
    expect(process.exitCode).toBe(2);
  });
});

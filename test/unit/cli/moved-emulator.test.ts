import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../../src/cli";

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

/** Runs the `pulumi-chathub` command line in this process and returns what it wrote to stderr. */
async function run(args: string[]): Promise<string> {
  const written: string[] = [];
  vi.spyOn(process.stderr, "write").mockImplementation((text) => {
    written.push(String(text));
    return true;
  });
  vi.spyOn(process.stdout, "write").mockImplementation((text) => {
    written.push(String(text));
    return true;
  });
  await main(["node", "pulumi-chathub", ...args]);
  return written.join("");
}

// The emulator left this package (its web server is no user's run-time dependency); whoever
// still types the old command is told, in one line, where it went.
describe("pulumi-chathub emulator", () => {
  it.each([[["emulator"]], [["emulator", "--port", "0", "--rate-limit", "50"]], [["emulator", "--help"]]])(
    "%j points at npx pulumi-chathub-emulator and fails",
    async (args) => {
      const output = await run(args);
      expect(output).toBe(
        "error: the emulator is its own package now: run `npx pulumi-chathub-emulator` (same options) instead.\n",
      );
      expect(process.exitCode).toBe(1);
    },
  );

  it("is not offered in the help, which lists export", async () => {
    const output = await run(["--help"]);
    expect(output).toContain("export");
    expect(output).not.toContain("emulator");
    expect(process.exitCode).toBe(0);
  });
});

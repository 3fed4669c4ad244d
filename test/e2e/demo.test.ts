import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const repoRoot = path.resolve(__dirname, "../..");

// `npm run demo` as a newcomer runs it (after its build step): the top-level Pulumi.yaml program
// through a real `pulumi up`, the live roster, drift caught by `preview --refresh` and repaired.
it("npm run demo creates the roster, catches the drift and repairs it", async () => {
  const { stdout } = await promisify(execFile)("npx", ["tsx", "scripts/demo.ts"], {
    cwd: repoRoot,
    env: { ...process.env, NO_COLOR: "1" },
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(stdout).toMatch(/\+ 6 created/); // the stack, the roster and its four operators
  expect(stdout).toMatch(/\| \d+ +\| Nguyễn Văn An +\| active +\|/);
  expect(stdout).toMatch(/\| \d+ +\| Olivia King +\| inactive +\|/);
  const drift = stdout.slice(stdout.indexOf("pulumi preview --refresh"));
  expect(drift).toMatch(/status\s*: "active" => "inactive"/);
  expect(drift).toMatch(/~ 1 to update/);
  const repaired = stdout.slice(stdout.indexOf("and repairs it"));
  expect(repaired).toMatch(/\| \d+ +\| Emma Davis +\| active +\|/);
  expect(stdout).toMatch(/- 6 deleted/);
});

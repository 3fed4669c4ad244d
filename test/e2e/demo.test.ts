import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { expectSampleIn } from "../doc-samples/doc-samples";

const repoRoot = path.resolve(__dirname, "../..");

// `npm run demo` as a newcomer runs it (after its build step): the top-level Pulumi.yaml program
// through a real `pulumi up`, the live roster, drift caught by `preview --refresh` and repaired.
it("npm run demo creates the roster, catches the drift and repairs it", async () => {
  const { stdout } = await promisify(execFile)("npx", ["tsx", "scripts/demo.ts"], {
    cwd: repoRoot,
    env: { ...process.env, NO_COLOR: "1" },
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(stdout).toMatch(/\+ 7 created/); // the stack, the roster and its four operators, the Sales roster
  expect(stdout).toMatch(/\| \d+ +\| Nguyễn Văn An +\| active +\|/);
  expect(stdout).toMatch(/\| \d+ +\| Olivia King +\| inactive +\|/);
  const drift = stdout.slice(stdout.indexOf("pulumi preview --refresh"));
  expect(drift).toMatch(/status\s*: "active" => "inactive"/);
  expect(drift).toMatch(/~ 1 to update/);
  const repaired = stdout.slice(stdout.indexOf("and repairs it"), stdout.indexOf("Mallory Intruder"));
  expect(repaired).toMatch(/\| \d+ +\| Emma Davis +\| active +\|/);
  // The authoritative story: someone added by hand is named by the preview, deactivated by up.
  const byHand = stdout.slice(stdout.indexOf("the authoritative roster of Sales names them"));
  expect(byHand).toMatch(/unmanaged #\d+[\s\S]*?status\s*: "active" => "inactive"/);
  expectSampleIn(byHand, "organization-roster-unmanaged-drift");
  expect(byHand).toMatch(/\| \d+ +\| Mallory Intruder +\| inactive +\|/);
  expect(byHand).toMatch(/\| \d+ +\| Priya Patel +\| active +\|/);
  expect(stdout).toMatch(/- 7 deleted/);
});

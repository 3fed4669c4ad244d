import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  codePaths,
  headingAnchors,
  isExternal,
  links,
  readRepoFile,
  repoRoot,
  userMarkdownFiles,
} from "./markdown";

// A link a reader follows must lead somewhere: every relative link in the user-facing Markdown
// names a file or folder of the repository, and an anchor into a Markdown file names one of its headings.
// A path written as code (`src/api/status.ts`, `npx vitest run test/e2e/roster.test.ts`) names one too.

/** Folders the tests write and git ignores: a page may name what is in them. */
const GENERATED = ["test/.work/", "packages/emulator/.work"];

/**
 * Whether a path written in the docs exists: a placeholder segment (`<file>`, `…`, `${…}`) ends the
 * check at its folder; a segment with `*` must match an entry of its folder.
 */
function pathExists(written: string): boolean {
  let current = repoRoot;
  for (const segment of written.split("/").filter((part) => part !== "")) {
    if (/[<{$…]|\.\.\./.test(segment)) return true;
    if (segment.includes("*")) {
      const pattern = new RegExp(`^${segment.replace(/[.+?^()[\]\\|]/g, "\\$&").replace(/\*/g, ".*")}$`);
      return (
        existsSync(current) &&
        statSync(current).isDirectory() &&
        readdirSync(current).some((entry) => pattern.test(entry))
      );
    }
    current = path.join(current, segment);
    if (!existsSync(current)) return false;
  }
  return true;
}
describe("links in the documentation", () => {
  const files = userMarkdownFiles();

  it("finds the documentation", () => {
    expect(files).toContain("README.md");
    expect(files).toContain("CONTRIBUTING.md");
    expect(files.filter((file) => file.startsWith("docs/")).length).toBeGreaterThan(5);
  });

  it.each(files)("%s: every relative link resolves", (file) => {
    const broken: string[] = [];
    for (const { target, line } of links(readRepoFile(file))) {
      if (isExternal(target)) continue;
      const [pathPart = "", anchor] = target.split("#", 2);
      const resolved = pathPart === "" ? file : path.join(path.dirname(file), decodeURI(pathPart));
      const absolute = path.join(repoRoot, resolved);
      if (!existsSync(absolute)) {
        broken.push(`${file}:${line}: ${target} (no file ${resolved})`);
        continue;
      }
      if (anchor && statSync(absolute).isFile() && resolved.endsWith(".md")) {
        if (!headingAnchors(readRepoFile(resolved)).has(anchor)) {
          broken.push(`${file}:${line}: ${target} (${resolved} has no heading #${anchor})`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  // The changelog tells history: the paths it names may have moved since.
  const pages = files.filter((file) => file !== "CHANGELOG.md");

  it.each(pages)("%s: every repository path written as code exists", (file) => {
    const stale = codePaths(readRepoFile(file))
      .filter(({ path: written }) => !GENERATED.some((folder) => written.startsWith(folder)))
      .filter(({ path: written }) => !pathExists(written))
      .map(({ path: written, line }) => `${file}:${line}: ${written}`);
    expect(stale).toEqual([]);
  });

  it("reads paths out of code, and only out of code", () => {
    const markdown = [
      "Run `npx vitest run test/unit/api/list-cache.test.ts`, see `src/api/status.ts:12`.",
      "Not code: src/nowhere.ts. A URL's `github.com/pulumi/pulumi/pkg/v3` is not a path here.",
      "```sh",
      "bash .ci/run newest",
      "```",
    ].join("\n");
    expect(codePaths(markdown)).toEqual([
      { path: "test/unit/api/list-cache.test.ts", line: 1 },
      { path: "src/api/status.ts", line: 1 },
      { path: ".ci/run", line: 4 },
    ]);
    expect(pathExists("src/api/status.ts")).toBe(true);
    expect(pathExists("src/provider/engine-watchdog.ts")).toBe(false);
    expect(pathExists("test/e2e/organization-roster*.test.ts")).toBe(true);
    expect(pathExists("test/e2e/nothing-like-this*.test.ts")).toBe(false);
    expect(pathExists("test/e2e/<file>")).toBe(true);
  });
});

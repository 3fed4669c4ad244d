import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { headingAnchors, isExternal, links, readRepoFile, repoRoot, userMarkdownFiles } from "./markdown";

// A link a reader follows must lead somewhere: every relative link in the user-facing Markdown
// names a file or folder of the repository, and an anchor into a Markdown file names one of its headings.
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
});

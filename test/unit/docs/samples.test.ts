import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { docSample, sampleNames } from "../../doc-samples/doc-samples";
import { fencedBlocks, readRepoFile, repoRoot, userMarkdownFiles } from "./markdown";

// Every sample output a page of docs/ or an example's README shows (a preview, a drift, a summary, an error: a fenced block with no
// language) is a committed sample, marked `<!-- sample: <name> -->` above it, and the test that
// produces that output checks the same sample: a page cannot show what the product does not print.
// The reference pages are generated and compared on their own.
const PAGES = userMarkdownFiles().filter(
  (file) =>
    (file.startsWith(`docs${path.sep}`) && !file.startsWith(path.join("docs", "reference"))) ||
    file.startsWith(`examples${path.sep}`),
);
const MARKER = /^\s*<!-- sample: ([\w-]+) -->\s*$/;

interface ShownSample {
  page: string;
  line: number;
  name: string | undefined;
  code: string;
}

/** Each sample block of a page, with the name of the marker above it (blank lines between allowed). */
function shownSamples(page: string): ShownSample[] {
  const markdown = readRepoFile(page);
  const lines = markdown.split("\n");
  return fencedBlocks(markdown)
    .filter((block) => block.language === "")
    .map((block) => {
      let above = block.line - 2;
      while (above >= 0 && lines[above]?.trim() === "") above--;
      const name = MARKER.exec(lines[above] ?? "")?.[1];
      return { page, line: block.line, name, code: block.code };
    });
}

/**
 * The sample names the tests check, literally: `expectSampleIn(…, "name")`, `docSample("name")`, or
 * a table case's `sample: "name"` in a file that calls `expectSampleIn`.
 */
function samplesTestsCheck(): Set<string> {
  const checked = new Set<string>();
  const testRoot = path.join(repoRoot, "test");
  const files = readdirSync(testRoot, { recursive: true, encoding: "utf8" }).filter(
    (file) =>
      file.endsWith(".ts") &&
      !file.split(path.sep).includes(".work") &&
      file !== path.join("unit", "docs", "samples.test.ts"),
  );
  for (const file of files) {
    const source = readFileSync(path.join(testRoot, file), "utf8");
    for (const call of source.matchAll(/\b(?:expectSampleIn|docSample)\(((?:[^()]|\([^()]*\))*?)\)/g)) {
      const name = /"([\w-]+)"\s*$/.exec(call[1] as string)?.[1];
      if (name) checked.add(name);
    }
    if (!source.includes("expectSampleIn(")) continue;
    for (const field of source.matchAll(/\bsample: "([\w-]+)"/g)) checked.add(field[1] as string);
  }
  return checked;
}

describe("the docs' sample outputs", () => {
  const shown = PAGES.flatMap(shownSamples);

  it("are each marked with the name of a committed sample, and show it exactly", () => {
    expect(shown.length).toBeGreaterThan(10);
    const committed = new Set(sampleNames());
    for (const sample of shown) {
      const where = `${sample.page}:${sample.line}`;
      expect(sample.name, `${where}: a sample block needs <!-- sample: <name> --> above it`).toBeDefined();
      expect(committed.has(sample.name as string), `${where}: no test/doc-samples/${sample.name}.txt`).toBe(
        true,
      );
      expect(sample.code, `${where} differs from test/doc-samples/${sample.name}.txt`).toBe(
        docSample(sample.name as string),
      );
    }
  });

  it("mark nothing but a sample block", () => {
    for (const page of PAGES) {
      const markers = readRepoFile(page)
        .split("\n")
        .filter((line) => MARKER.test(line)).length;
      const marked = shownSamples(page).filter((sample) => sample.name !== undefined).length;
      expect(marked, `${page}: a marker without a sample block below it`).toBe(markers);
    }
  });

  it("are each checked by the test that produces them, and shown by a page", () => {
    const checked = samplesTestsCheck();
    const onPages = new Set(shown.map((sample) => sample.name));
    for (const name of sampleNames()) {
      expect(checked.has(name), `no test checks test/doc-samples/${name}.txt`).toBe(true);
      expect(onPages.has(name), `no page shows test/doc-samples/${name}.txt`).toBe(true);
    }
  });
});

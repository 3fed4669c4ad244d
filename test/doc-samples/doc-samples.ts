import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";

/**
 * The sample outputs the docs show, one committed file each (`<name>.txt` in this folder). A page
 * shows one under `<!-- sample: <name> -->` and must show it exactly (test/unit/docs/samples.test.ts);
 * the test that produces that output checks it with `expectSampleIn`, so a sample changes only with
 * what the product prints. Operator ids (the emulator's, 101 to 199) are compared as any such id:
 * which person gets which depends on the order the engine creates them in, in parallel.
 */
const FOLDER = __dirname;

/** A line that stands for lines left out of a sample: `…` (or `...`) alone. */
const GAP = /^\s*(…|\.\.\.)\s*$/;

export function sampleNames(): string[] {
  return readdirSync(FOLDER)
    .filter((file) => file.endsWith(".txt"))
    .map((file) => file.slice(0, -".txt".length));
}

/** The sample, as a page shows it (no final newline). */
export function docSample(name: string): string {
  return readFileSync(path.join(FOLDER, `${name}.txt`), "utf8").replace(/\n$/, "");
}

/**
 * Checks that `output` holds the sample: each run of its lines between gaps appears, in that order,
 * colours and trailing blanks aside. When it does not, the output is written to
 * test/.work/doc-samples/<name>.actual.txt, to compare with the sample or to take a new one from.
 */
export function expectSampleIn(output: string, name: string): void {
  const printed = anyOperatorId(withoutTrailingBlanks(output));
  const parts = splitAtGaps(anyOperatorId(withoutTrailingBlanks(docSample(name))));
  let from = 0;
  for (const part of parts) {
    const at = printed.indexOf(part, from);
    if (at < 0) {
      const work = path.resolve(FOLDER, "../.work/doc-samples");
      mkdirSync(work, { recursive: true });
      writeFileSync(path.join(work, `${name}.actual.txt`), printed);
      expect(printed.slice(from), `sample "${name}" (output in test/.work/doc-samples)`).toContain(part);
    }
    from = at + part.length;
  }
}

function splitAtGaps(sample: string): string[] {
  const parts: string[][] = [[]];
  for (const line of sample.split("\n")) {
    if (GAP.test(line)) parts.push([]);
    else parts.at(-1)?.push(line);
  }
  return parts.filter((lines) => lines.length > 0).map((lines) => lines.join("\n"));
}

/** As a reader's terminal shows it: colours (which some language hosts print even under NO_COLOR) and trailing blanks aside. */
const withoutTrailingBlanks = (text: string) =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the escape that starts a colour
  text.replace(/\u001b\[[0-9;]*m/g, "").replace(/[ \t]+$/gm, "");

/** An emulator's operator id, 101 to 199, as `1xx`: see the header. */
const anyOperatorId = (text: string) => text.replace(/\b1\d\d\b/g, "1xx");

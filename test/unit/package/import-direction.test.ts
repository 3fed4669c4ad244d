import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Imports go one way: api ← roster ← core ← the adapters and the rest. A layer imports only the
// layers below it, so each can be read, and tested, without those above.
const SRC = path.resolve(__dirname, "../../../src");
const BELOW: Record<string, readonly string[]> = {
  api: [],
  roster: ["api"],
  core: ["api", "roster"],
};

/** The folders of src/ a layer's files import from, other than its own, with the importing file. */
function importsOf(layer: string): string[] {
  const files = readdirSync(path.join(SRC, layer), { recursive: true, encoding: "utf8" }).filter((file) =>
    file.endsWith(".ts"),
  );
  return files.flatMap((file) => {
    const at = path.join(SRC, layer, file);
    const specifiers = [...readFileSync(at, "utf8").matchAll(/(?:from|import) "(\.[^"]*)"/g)].map(
      (match) => match[1],
    );
    return specifiers.flatMap((specifier) => {
      const target = path
        .relative(SRC, path.resolve(path.dirname(at), specifier as string))
        .split(path.sep)[0];
      return target === layer ? [] : [`${layer}/${file} imports ${target}`];
    });
  });
}

describe("the layers", () => {
  for (const [layer, below] of Object.entries(BELOW)) {
    it(`${layer} imports only ${below.join(" and ") || "nothing of src/"}`, () => {
      const wrong = importsOf(layer).filter((line) => !below.some((allowed) => line.endsWith(` ${allowed}`)));
      expect(wrong).toEqual([]);
    });
  }
});

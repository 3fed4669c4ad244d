import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// TypeScript's "node" (node10) resolution, still in `pulumi policy new`'s templates, ignores
// package.json `exports`; `typesVersions` is what it reads for a subpath. The two must name the
// same declarations, for every subpath.
const manifest = JSON.parse(readFileSync(path.resolve(__dirname, "../../../package.json"), "utf8")) as {
  exports: Record<string, string | { types: string }>;
  typesVersions: Record<string, Record<string, string[]>>;
};

describe("package.json typesVersions", () => {
  it("maps every exported subpath to the declarations its exports entry names", () => {
    const fromExports = Object.fromEntries(
      Object.entries(manifest.exports)
        .filter(([subpath, target]) => subpath !== "." && typeof target === "object")
        .map(([subpath, target]) => [subpath.slice(2), [(target as { types: string }).types.slice(2)]]),
    );
    expect(Object.keys(fromExports).length).toBeGreaterThan(3);
    expect(manifest.typesVersions).toEqual({ "*": fromExports });
  });
});

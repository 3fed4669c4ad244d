import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import packageJson from "../../../package.json";
import { fencedBlocks, readRepoFile, repoRoot } from "./markdown";

// A reader copies the README's TypeScript; it must compile against the package as published:
// `pulumi-chathub` and its subpaths resolve to the built declarations that package.json exports.
const TYPESCRIPT_FENCES = new Set(["ts", "typescript"]);

/** `pulumi-chathub[/sub]` → the `types` file package.json exports for it, as a tsconfig `paths` entry. */
function packagePaths(): Record<string, string[]> {
  const paths: Record<string, string[]> = {};
  for (const [subpath, target] of Object.entries(packageJson.exports)) {
    if (typeof target !== "object" || !("types" in target)) continue;
    const name = subpath === "." ? packageJson.name : `${packageJson.name}/${subpath.slice(2)}`;
    paths[name] = [path.join(repoRoot, target.types)];
  }
  return paths;
}

function snippetDiagnostics(snippets: { file: string; code: string }[]): string[] {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    lib: ["lib.es2022.d.ts"],
    types: ["node"],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    baseUrl: repoRoot,
    paths: packagePaths(),
  };
  const byName = new Map(snippets.map((snippet) => [snippet.file, snippet.code]));
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (file) => byName.has(file) || ts.sys.fileExists(file);
  host.readFile = (file) => byName.get(file) ?? readFile(file);
  host.getSourceFile = (file, language, onError) => {
    const code = byName.get(file);
    return code === undefined
      ? getSourceFile(file, language, onError)
      : ts.createSourceFile(file, code, language);
  };
  const program = ts.createProgram([...byName.keys()], options, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
    if (!diagnostic.file || diagnostic.start === undefined) return text;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${path.relative(repoRoot, diagnostic.file.fileName)}:${line + 1}: ${text}`;
  });
}

/** Each TypeScript block of a page, a module of its own (.mts: top-level await is allowed), named after its line. */
function snippetsOf(page: string): { file: string; code: string }[] {
  return fencedBlocks(readRepoFile(page))
    .filter((block) => TYPESCRIPT_FENCES.has(block.language))
    .map((block) => ({ file: path.join(repoRoot, `${page}-line-${block.line}.mts`), code: block.code }));
}

describe("README TypeScript snippets", () => {
  it("type-check against the built package", () => {
    expect(existsSync(path.join(repoRoot, packageJson.types)), "run `npm run build` first").toBe(true);
    const snippets = snippetsOf("README.md");
    expect(snippets.length).toBeGreaterThan(2);
    expect(snippetDiagnostics(snippets)).toEqual([]);
  }, 60_000);

  it("and the reference pages' examples too", () => {
    const pages = readdirSync(path.join(repoRoot, "docs/reference")).map((name) => `docs/reference/${name}`);
    const snippets = pages.flatMap(snippetsOf);
    expect(snippets.length).toBeGreaterThanOrEqual(6);
    expect(snippetDiagnostics(snippets)).toEqual([]);
  }, 60_000);
});

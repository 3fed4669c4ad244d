import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const repoRoot = path.resolve(__dirname, "../../..");

/** The Markdown a user reads: README, CONTRIBUTING, CHANGELOG, docs/**, and the examples' READMEs. */
export function userMarkdownFiles(): string[] {
  const top = ["README.md", "CONTRIBUTING.md", "CHANGELOG.md"].filter((name) =>
    existsSync(path.join(repoRoot, name)),
  );
  const docs = filesUnder("docs").filter((file) => file.endsWith(".md"));
  const examples = filesUnder("examples").filter((file) => path.basename(file) === "README.md");
  return [...top, ...docs, ...examples];
}

function filesUnder(folder: string): string[] {
  const root = path.join(repoRoot, folder);
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((entry) => !entry.split(path.sep).includes("node_modules"))
    .map((entry) => path.join(folder, entry));
}

export function readRepoFile(file: string): string {
  return readFileSync(path.join(repoRoot, file), "utf8");
}

export interface FencedBlock {
  language: string;
  code: string;
  /** 1-based line of the opening fence, for messages. */
  line: number;
}

/** Fenced code blocks (```lang … ```), indented ones included (a block inside a list item). */
export function fencedBlocks(markdown: string): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  const lines = markdown.split("\n");
  let open: { language: string; indent: number; line: number; body: string[] } | undefined;
  lines.forEach((text, index) => {
    const fence = /^(\s*)```(\S*)/.exec(text);
    if (open === undefined) {
      if (fence)
        open = { language: fence[2] ?? "", indent: fence[1]?.length ?? 0, line: index + 1, body: [] };
    } else if (fence && fence[2] === "") {
      blocks.push({ language: open.language, code: open.body.join("\n"), line: open.line });
      open = undefined;
    } else {
      open.body.push(text.slice(Math.min(open.indent, text.length - text.trimStart().length)));
    }
  });
  return blocks;
}

/** Each line of a Markdown file, with the lines of fenced blocks (links there are not links) blanked. */
function linesOutsideBlocks(markdown: string): string[] {
  let inBlock = false;
  return markdown.split("\n").map((line) => {
    if (/^\s*```/.test(line)) {
      inBlock = !inBlock;
      return "";
    }
    return inBlock ? "" : line;
  });
}

export interface MarkdownLink {
  target: string;
  line: number;
}

/** Inline links and images `[text](target)` and reference definitions `[name]: target`, outside code. */
export function links(markdown: string): MarkdownLink[] {
  const found: MarkdownLink[] = [];
  linesOutsideBlocks(markdown)
    .map((line) => line.replace(/`[^`]*`/g, (code) => " ".repeat(code.length)))
    .forEach((text, index) => {
      for (const match of text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
        found.push({ target: match[1] as string, line: index + 1 });
      }
      const definition = /^\s*\[[^\]]+\]:\s*(\S+)/.exec(text);
      if (definition) found.push({ target: definition[1] as string, line: index + 1 });
    });
  return found;
}

export interface CodePath {
  path: string;
  line: number;
}

/** A path starting at one of the repository's top folders, after a space, quote, `(`, `=` or `:`. */
const CODE_PATH =
  /(?:^|[\s(=:"'])((?:src|test|docs|examples|scripts|bench|packages|tools|\.ci)\/[^\s`'"),;]*)/g;

/**
 * Repository paths written as code: in inline code spans (`src/api/status.ts`) and in fenced
 * blocks (a command's `npx vitest run test/unit/...`), relative to the repository's root, with
 * trailing punctuation and a `:line` suffix dropped.
 */
export function codePaths(markdown: string): CodePath[] {
  const found: CodePath[] = [];
  let inBlock = false;
  markdown.split("\n").forEach((text, index) => {
    if (/^\s*```/.test(text)) {
      inBlock = !inBlock;
      return;
    }
    const codes = inBlock ? [text] : [...text.matchAll(/`([^`]+)`/g)].map((span) => span[1] as string);
    for (const code of codes) {
      for (const match of code.matchAll(CODE_PATH)) {
        const written = (match[1] as string).replace(/(:\d+)+$/, "").replace(/[.,:]+$/, "");
        found.push({ path: written, line: index + 1 });
      }
    }
  });
  return found;
}

/** Whether a link leaves the repository (a URL with a scheme, or protocol-relative). */
export function isExternal(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("//");
}

/** The anchors GitHub gives a file's headings: lower case, punctuation dropped, spaces as dashes. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of linesOutsideBlocks(markdown)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const slug = githubSlug(heading[1] as string);
    const count = seen.get(slug) ?? 0;
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
    seen.set(slug, count + 1);
  }
  return anchors;
}

export function githubSlug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

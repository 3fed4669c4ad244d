/**
 * Writes what is derived from the declarations (src/declarations/): docs/reference/ and
 * src/resources/declared-args.ts. With --check, only compares, and exits 1 naming what differs.
 * `npm run declarations`.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chathubPackage } from "../src/declarations/package";
import { referencePages } from "../src/declarations/reference-pages";
import { TYPESCRIPT_ARGS_FILE, typeScriptArgs } from "../src/declarations/typescript-args";

const root = path.join(__dirname, "..");
const folder = path.join(root, "docs", "reference");
const pages = referencePages(chathubPackage);
const args = typeScriptArgs(chathubPackage);
const argsFile = path.join(root, TYPESCRIPT_ARGS_FILE);

if (process.argv.includes("--check")) {
  const present = readdirSync(folder).filter((name) => name.endsWith(".md"));
  const stale = [...new Set([...present, ...Object.keys(pages)])]
    .filter(
      (name) => !present.includes(name) || pages[name] !== readFileSync(path.join(folder, name), "utf8"),
    )
    .map((name) => `docs/reference/${name}`);
  if (readFileSync(argsFile, "utf8") !== args) stale.push(TYPESCRIPT_ARGS_FILE);
  if (stale.length > 0) {
    console.error(`differs from the declarations: ${stale.join(", ")}; run npm run declarations`);
    process.exit(1);
  }
  console.log(
    `docs/reference (${present.length} pages) and ${TYPESCRIPT_ARGS_FILE} are what the declarations generate`,
  );
} else {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (const [name, text] of Object.entries(pages)) writeFileSync(path.join(folder, name), text);
  writeFileSync(argsFile, args);
  console.log(`docs/reference: ${Object.keys(pages).length} pages, and ${TYPESCRIPT_ARGS_FILE}, written`);
}

/**
 * Writes docs/reference/ from the declarations (src/declarations/), or with --check only compares
 * and exits 1 naming the pages that differ. `npm run docs:reference`.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chathubPackage } from "../src/declarations/package";
import { referencePages } from "../src/declarations/reference-pages";

const folder = path.join(__dirname, "..", "docs", "reference");
const pages = referencePages(chathubPackage);

if (process.argv.includes("--check")) {
  const present = readdirSync(folder).filter((name) => name.endsWith(".md"));
  const stale = [...new Set([...present, ...Object.keys(pages)])].filter(
    (name) => !present.includes(name) || pages[name] !== readFileSync(path.join(folder, name), "utf8"),
  );
  if (stale.length > 0) {
    console.error(
      `docs/reference differs from the declarations: ${stale.join(", ")}; run npm run docs:reference`,
    );
    process.exit(1);
  }
  console.log(`docs/reference is what the declarations generate (${present.length} pages)`);
} else {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (const [name, text] of Object.entries(pages)) writeFileSync(path.join(folder, name), text);
  console.log(`docs/reference: ${Object.keys(pages).length} pages written`);
}

/**
 * Writes what is derived from the declarations (src/declarations/): docs/reference/ and
 * src/resources/declared-args.ts. `npm run declarations`; test/unit/declarations fails until the
 * committed files are what this writes.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chathubPackage } from "../src/declarations/package";
import { referencePages } from "../src/declarations/reference-pages";
import { TYPESCRIPT_ARGS_FILE, typeScriptArgs } from "../src/declarations/typescript-args";

const root = path.join(__dirname, "..");
const folder = path.join(root, "docs", "reference");
const pages = referencePages(chathubPackage);

rmSync(folder, { recursive: true, force: true });
mkdirSync(folder, { recursive: true });
for (const [name, text] of Object.entries(pages)) writeFileSync(path.join(folder, name), text);
writeFileSync(path.join(root, TYPESCRIPT_ARGS_FILE), typeScriptArgs(chathubPackage));
console.log(`docs/reference: ${Object.keys(pages).length} pages, and ${TYPESCRIPT_ARGS_FILE}, written`);

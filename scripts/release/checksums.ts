import { createHash } from "node:crypto";
import { createReadStream, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const CHECKSUMS_FILE = "SHA256SUMS";

/** `SHA256SUMS` over every other file of the folder, in `sha256sum`'s format (`sha256sum -c` reads it). */
export async function writeChecksums(dir: string): Promise<void> {
  const names = readdirSync(dir)
    .filter((name) => name !== CHECKSUMS_FILE)
    .sort();
  const lines = await Promise.all(
    names.map(async (name) => `${await sha256(path.join(dir, name))}  ${name}\n`),
  );
  writeFileSync(path.join(dir, CHECKSUMS_FILE), lines.join(""));
}

/** The files SHA256SUMS lists whose bytes no longer match it, and those it does not list. */
export async function checksumMismatches(dir: string): Promise<string[]> {
  const listed = new Map(
    readFileSync(path.join(dir, CHECKSUMS_FILE), "utf8")
      .trim()
      .split("\n")
      .map((line) => {
        const [hash, name] = line.split(/ {2}/);
        return [name ?? "", hash ?? ""] as const;
      }),
  );
  const names = readdirSync(dir).filter((name) => name !== CHECKSUMS_FILE);
  const wrong: string[] = [];
  for (const name of names) {
    const expected = listed.get(name);
    if (expected === undefined) wrong.push(`${name}: not listed`);
    else if ((await sha256(path.join(dir, name))) !== expected) wrong.push(`${name}: differs`);
  }
  for (const name of listed.keys()) if (!names.includes(name)) wrong.push(`${name}: listed, missing`);
  return wrong;
}

function sha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(file)
      .on("data", (chunk) => hash.update(chunk))
      .on("error", reject)
      .on("end", () => resolve(hash.digest("hex")));
  });
}

import { execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { unsign as unsignMachO } from "macho-unsign";
import { signatureSet as setPeSignature } from "portable-executable-signature";
import { inject } from "postject";
import type { Target } from "./targets";

/** The fuse Node.js looks for to know it carries a blob (Node's single executable applications). */
const SEA_FUSE = "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2";

/**
 * A single executable application's blob of one bundled script, made by `node` (the runtime the
 * executables carry: a blob runs only in the version that made it). Without a snapshot or a code
 * cache it is the same for every platform. Returns its path.
 */
export function seaBlob(node: string, bundle: string): string {
  const blob = bundle.replace(/\.js$/, ".blob");
  const config = bundle.replace(/\.js$/, ".sea.json");
  writeFileSync(
    config,
    JSON.stringify({
      main: bundle,
      output: blob,
      // The program is the product; Node.js' "experimental feature" notice is not for its users.
      disableExperimentalSEAWarning: true,
      useSnapshot: false,
      useCodeCache: false,
    }),
  );
  // It says "Wrote single executable preparation blob"; an error says more, and throws with it.
  execFileSync(node, ["--experimental-sea-config", config], { stdio: "pipe" });
  return blob;
}

/**
 * Writes the executable of one target: its Node.js binary, its symbols stripped (ELF: a quarter
 * of its size; the dynamic symbols native addons link against stay) and its vendor signature removed (the injection would break it; the macOS
 * runner signs darwin's again), with the blob injected.
 */
export async function writeExecutable(
  runtime: string,
  blob: string,
  target: Target,
  output: string,
): Promise<void> {
  copyFileSync(runtime, output);
  chmodSync(output, 0o755);
  if (target.os === "linux") execFileSync(llvmStrip(), ["--strip-all", output], { stdio: "inherit" });
  const binary = readFileSync(output);
  const unsigned =
    target.os === "darwin"
      ? unsignMachO(binary)
      : target.os === "windows"
        ? setPeSignature(binary, null)
        : null;
  if (unsigned) writeFileSync(output, Buffer.from(unsigned));
  await inject(output, "NODE_SEA_BLOB", readFileSync(blob), {
    sentinelFuse: SEA_FUSE,
    ...(target.os === "darwin" ? { machoSegmentName: "NODE_SEA" } : {}),
  });
}

/** llvm-strip reads ELF of every architecture (binutils' strip, only the machine's own). */
function llvmStrip(): string {
  for (const candidate of [process.env.LLVM_STRIP, "llvm-strip", "llvm-strip-18", "llvm-strip-14"]) {
    if (candidate === undefined) continue;
    try {
      execFileSync(candidate, ["--version"], { stdio: "ignore" });
      return candidate;
    } catch {}
  }
  throw new Error(
    "llvm-strip is not installed (Debian and Ubuntu: apt-get install llvm); LLVM_STRIP names another",
  );
}

/** Signs a darwin executable ad hoc, as macOS on arm64 requires to run it (macOS only). */
export function codesign(executable: string): void {
  execFileSync("codesign", ["--sign", "-", "--force", executable], { stdio: "inherit" });
  execFileSync("codesign", ["--verify", "--verbose", executable], { stdio: "inherit" });
}

import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

// Asynchronous: a test worker whose event loop is blocked for a minute loses its line to vitest.
const run = promisify(execFile);

const repoRoot = path.resolve(__dirname, "../../..");
export const SDK_DIR = path.join(repoRoot, "sdk/python");
/** The `pulumi` PyPI package the Python programs run on: the CLI's version, as examples/python pins it. */
export const PYTHON_SDK_REQUIREMENT = "pulumi==3.248.0";

/** Every file of a folder, for a content hash (names and bytes, in a stable order). */
function hashTree(hash: ReturnType<typeof createHash>, dir: string): void {
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) {
      if (name === "__pycache__" || name.endsWith(".egg-info") || name === "build") continue;
      hashTree(hash, file);
    } else {
      hash.update(path.relative(SDK_DIR, file)).update(readFileSync(file));
    }
  }
}

/**
 * A virtualenv with `pulumi` from PyPI and the SDK in sdk/python installed as a user installs a
 * package (`pip install <folder>`), made once per SDK content and Python and kept in the cache
 * beside the CLI: a warm run reuses it instead of downloading and installing again. Made under
 * a temporary name and renamed whole, so two e2e files asking at once never see half of one.
 */
export async function pythonVenv(): Promise<string> {
  const { stdout: pythonVersion } = await run("python3", ["--version"], { encoding: "utf8" });
  const hash = createHash("sha256").update(`${pythonVersion.trim()}\n${PYTHON_SDK_REQUIREMENT}\n`);
  hashTree(hash, SDK_DIR);
  const cacheRoot =
    process.env.PULUMI_CHATHUB_CACHE_DIR ??
    path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache"), "pulumi-chathub");
  const venv = path.join(cacheRoot, "python-venvs", hash.digest("hex").slice(0, 16));
  if (existsSync(path.join(venv, "bin", "python"))) return venv;

  mkdirSync(path.dirname(venv), { recursive: true });
  const fresh = `${venv}.new-${process.pid}`;
  rmSync(fresh, { recursive: true, force: true });
  await run("python3", ["-m", "venv", fresh]);
  // From a copy: building the package writes build/ and *.egg-info beside its sources.
  const source = mkdtempSync(path.join(os.tmpdir(), "chathub-sdk-python-"));
  cpSync(SDK_DIR, source, { recursive: true });
  try {
    // `python -m pip`, not bin/pip: a renamed virtualenv's scripts name their old path.
    await run(
      path.join(fresh, "bin", "python"),
      ["-m", "pip", "install", "--disable-pip-version-check", "--quiet", PYTHON_SDK_REQUIREMENT, source],
      { maxBuffer: 16 * 1024 * 1024 },
    );
  } finally {
    rmSync(source, { recursive: true, force: true });
  }
  try {
    renameSync(fresh, venv);
  } catch (error) {
    // Another file made it first: use theirs.
    rmSync(fresh, { recursive: true, force: true });
    if (!existsSync(path.join(venv, "bin", "python"))) throw error;
  }
  return venv;
}

import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { RELEASE_DIR, RELEASE_VERSION } from "./release-files";

// Asynchronous: a test worker whose event loop is blocked for a minute loses its line to vitest.
const run = promisify(execFile);

/** The `pulumi` PyPI package the Python programs run on: the CLI's version, as examples/python pins it. */
export const PYTHON_SDK_REQUIREMENT = "pulumi==3.248.0";

/**
 * A virtualenv holding the release's wheel of the SDK (dist/release/, `npm run release:files`) and
 * what pip takes from PyPI for it (`pulumi` at the CLI's version), installed as a user installs a
 * package, made once per wheel and Python and kept in the cache beside the CLI: a warm run reuses
 * it instead of downloading and installing again. Made under a temporary name and renamed whole,
 * so two e2e files asking at once never see half of one.
 */
export async function pythonVenv(): Promise<string> {
  const wheel = path.join(RELEASE_DIR, `pulumi_chathub-${RELEASE_VERSION}-py3-none-any.whl`);
  if (!existsSync(wheel)) throw new Error(`${wheel} is missing: run npm run release:files`);
  const { stdout: pythonVersion } = await run("python3", ["--version"], { encoding: "utf8" });
  const hash = createHash("sha256")
    .update(`${pythonVersion.trim()}\n${PYTHON_SDK_REQUIREMENT}\n`)
    .update(readFileSync(wheel));
  const cacheRoot =
    process.env.PULUMI_CHATHUB_CACHE_DIR ??
    path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache"), "pulumi-chathub");
  const venv = path.join(cacheRoot, "python-venvs", hash.digest("hex").slice(0, 16));
  if (existsSync(path.join(venv, "bin", "python"))) return venv;

  mkdirSync(path.dirname(venv), { recursive: true });
  const fresh = `${venv}.new-${process.pid}`;
  rmSync(fresh, { recursive: true, force: true });
  await run("python3", ["-m", "venv", fresh]);
  // `python -m pip`, not bin/pip: a renamed virtualenv's scripts name their old path.
  await run(
    path.join(fresh, "bin", "python"),
    ["-m", "pip", "install", "--disable-pip-version-check", "--quiet", PYTHON_SDK_REQUIREMENT, wheel],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  try {
    renameSync(fresh, venv);
  } catch (error) {
    // Another file made it first: use theirs.
    rmSync(fresh, { recursive: true, force: true });
    if (!existsSync(path.join(venv, "bin", "python"))) throw error;
  }
  return venv;
}

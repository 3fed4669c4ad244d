import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * The npm tarballs of this package and of the emulator's, as `npm publish` would send them (the
 * build is done: their prepack scripts would only build again).
 */
export function writeNpmTarballs(repoRoot: string, outDir: string): void {
  for (const args of [[], ["--workspace", "pulumi-chathub-emulator"]]) {
    execFileSync("npm", ["pack", ...args, "--ignore-scripts", "--silent", "--pack-destination", outDir], {
      cwd: repoRoot,
      stdio: ["ignore", "ignore", "inherit"],
    });
  }
}

/**
 * The Python SDK's wheel and sdist, by `python -m build` (PyPA's builder, kept in a virtual
 * environment under the cache) from a copy of sdk/python, so the checkout gets no build folders.
 */
export function writePythonDistributions(repoRoot: string, outDir: string, cacheRoot: string): void {
  const python = process.env.PYTHON ?? (process.platform === "win32" ? "python" : "python3");
  const venv = path.join(cacheRoot, "python-build-venv");
  const venvPython = path.join(venv, process.platform === "win32" ? "Scripts/python.exe" : "bin/python");
  if (!existsSync(venvPython)) {
    execFileSync(python, ["-m", "venv", venv], { stdio: "inherit" });
    execFileSync(
      venvPython,
      ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "build==1.6.1"],
      {
        stdio: "inherit",
      },
    );
  }
  const copy = mkdtempSync(path.join(os.tmpdir(), "pulumi-chathub-python-"));
  try {
    cpSync(path.join(repoRoot, "sdk/python"), copy, { recursive: true });
    // setuptools talks at length (deprecation notices of the generated pyproject): shown only on failure.
    const build = spawnSync(venvPython, ["-m", "build", "--sdist", "--wheel", "--outdir", outDir, copy], {
      encoding: "utf8",
    });
    if (build.status !== 0) throw new Error(`python -m build failed:\n${build.stdout}${build.stderr}`);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

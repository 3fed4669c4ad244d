import { execFileSync } from "node:child_process";
import { copyFileSync } from "node:fs";
import path from "node:path";
import * as tar from "tar";

/**
 * A plugin archive as the engine unpacks it (as-is, no top folder stripped, into
 * `$PULUMI_HOME/plugins/resource-<name>-v<version>/`): the executable and its docs at the root.
 * The same sources make the same bytes: fixed owner and times (the last commit's).
 */
export async function writeArchive(
  file: string,
  executable: string,
  docs: readonly string[],
  repoRoot: string,
): Promise<void> {
  // The executable's folder is the archive's root: its docs are copied in beside it.
  const root = path.dirname(executable);
  for (const doc of docs) copyFileSync(path.join(repoRoot, doc), path.join(root, path.basename(doc)));
  const names = [path.basename(executable), ...docs.map((doc) => path.basename(doc))];
  await tar.c({ file, cwd: root, gzip: { level: 9 }, portable: true, mtime: sourceDate(repoRoot) }, names);
}

/** SOURCE_DATE_EPOCH when set (reproducible-builds.org), else the last commit's time. */
function sourceDate(repoRoot: string): Date {
  const fromEnv = process.env.SOURCE_DATE_EPOCH;
  if (fromEnv) return new Date(Number(fromEnv) * 1000);
  try {
    const seconds = execFileSync("git", ["log", "-1", "--format=%ct"], {
      cwd: repoRoot,
      encoding: "utf8",
    }).trim();
    return new Date(Number(seconds) * 1000);
  } catch {
    return new Date(0);
  }
}

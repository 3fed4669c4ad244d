import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

const repoRoot = path.resolve(__dirname, "../../..");

/**
 * A folder holding `pulumi-resource-chathub`, as `node_modules/.bin` of an install holds it: a
 * launcher for the package the e2e global setup installed (node_modules/pulumi-chathub). Put
 * first on PATH, it is where the engine finds the native provider plugin.
 */
export function nativePluginBinDir(): string {
  const dir = path.join(repoRoot, "test/.work/native-plugin-bin");
  const launcher = path.join(dir, "pulumi-resource-chathub");
  const main = path.join(repoRoot, "node_modules/pulumi-chathub/dist/native/main.js");
  const script = `#!/bin/sh\nexec node "${main}" "$@"\n`;
  // Written once, and whole (a rename): e2e files run side by side, and rewriting a script
  // another file's engine is running would corrupt it.
  if (!existsSync(launcher) || readFileSync(launcher, "utf8") !== script) {
    mkdirSync(dir, { recursive: true });
    const written = `${launcher}.${process.pid}`;
    writeFileSync(written, script);
    chmodSync(written, 0o755);
    renameSync(written, launcher);
  }
  return dir;
}

import { isBuiltin } from "node:module";
import path from "node:path";
import { build, type Plugin } from "esbuild";
import type { Program } from "./targets";

/**
 * `debug` (through axios' follow-redirects) tries `require("supports-color")` and carries on
 * without it. An executable's embedded `require` reaches only built-in modules and warns when
 * asked for another, so the bundle answers that one require itself, as a plain install where
 * supports-color is absent would: with nothing.
 */
const absentOptionalModules: Plugin = {
  name: "absent-optional-modules",
  setup(plugin) {
    plugin.onResolve({ filter: /^supports-color$/ }, (args) => ({ path: args.path, namespace: "absent" }));
    plugin.onLoad({ filter: /.*/, namespace: "absent" }, () => ({
      contents: "module.exports = undefined;",
      loader: "js",
    }));
  },
};

/**
 * One CommonJS file holding the program and every dependency it loads, over the built dist/
 * (npm run build first): what a single executable application embeds. Returns its path.
 */
export async function bundleProgram(repoRoot: string, program: Program, workDir: string): Promise<string> {
  const outfile = path.join(workDir, `${program.name}.js`);
  const result = await build({
    stdin: { contents: program.start, resolveDir: repoRoot, sourcefile: `${program.name}-start.js` },
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node22",
    outfile,
    minifyWhitespace: true,
    minifySyntax: true,
    keepNames: true,
    legalComments: "none",
    logLevel: "warning",
    plugins: [absentOptionalModules],
    metafile: true,
  });
  // A require left to run time would reach only built-in modules inside the executable.
  const unbundled = Object.values(result.metafile.outputs)
    .flatMap((output) => output.imports)
    .filter((entry) => entry.external && !isBuiltin(entry.path));
  if (unbundled.length > 0) {
    throw new Error(
      `${program.name}: the bundle leaves modules to run time: ${unbundled.map((e) => e.path).join(", ")}`,
    );
  }
  return outfile;
}

#!/usr/bin/env node
// The package's bin. It is a file of the repository, not of the build, because npm links a bin when
// it installs the package and skips one that does not exist yet: in this repository `npm ci` links
// the workspace before `npm run build` has written dist/, and so a bin in dist/ was never linked.
try {
  require.resolve("../dist/cli.js");
} catch {
  process.stderr.write("error: pulumi-chathub-emulator is not built: run `npm run build` first.\n");
  process.exit(1);
}
require("../dist/cli.js").main();

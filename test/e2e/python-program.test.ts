import { symlinkSync } from "node:fs";
import path from "node:path";
import { beforeAll, expect, it } from "vitest";
import { pythonVenv } from "./support/python-venv";
import { runSdkExample } from "./support/sdk-example";

// examples/python through the real CLI and tools/pulumi-language-python, from the release files
// alone: a virtualenv holding only the release's wheel and `pulumi` from PyPI, the plugin installed
// by the engine from the release's archive, no Node.js (support/sdk-example.ts).

let venv: string;
beforeAll(async () => {
  venv = await pythonVenv();
}, 600_000);

it("examples/python: deploys, shows drift by name, refreshes, imports an operator as Python code, and destroys", async () => {
  await runSdkExample({
    example: "python",
    // Pulumi.yaml's `virtualenv: venv`: the one made from sdk/python (cached between runs).
    prepare: (stack) => symlinkSync(venv, path.join(stack.dir, "venv")),
    importOut: "ivy.py",
    expectImportedCode: (code) => {
      expect(code).toContain("import pulumi_chathub as chathub");
      expect(code).toMatch(
        /ivy = chathub\.Operator\("ivy",\s+adopt=False,\s+name="Ivy Import",\s+organization_id=25,\s+status=chathub\.OperatorStatus\.ACTIVE\)/,
      );
    },
  });
}, 600_000);

import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";
import { runSdkExample } from "./support/sdk-example";

// examples/go through the real CLI and tools/pulumi-language-go (which builds the program with
// `go build`, as upstream's host does), on the Go module committed under sdk/, taken by path with a
// `replace` (what the release tags as sdk/v<version>); the plugin installed by the engine from the
// release's archive, no Node.js (support/sdk-example.ts).

const repoRoot = path.resolve(__dirname, "../..");
const SDK_MODULE = "github.com/pulumi-chathub/pulumi-chathub/sdk";

it("examples/go: deploys, shows drift by name, refreshes, imports an operator as Go code, and destroys", async () => {
  await runSdkExample({
    example: "go",
    // The example's go.mod replaces the SDK with ../../sdk; its copy here points at the checkout's.
    prepare: (stack) =>
      execFileSync("go", ["mod", "edit", `-replace=${SDK_MODULE}=${path.join(repoRoot, "sdk")}`], {
        cwd: stack.dir,
      }),
    // A whole main package: beside main.go, a second func main would not build (examples/go/README.md).
    importOut: "ivy.go.txt",
    expectImportedCode: (code) => {
      expect(code).toContain(`"${SDK_MODULE}/go/chathub"`);
      expect(code).toMatch(
        /chathub\.NewOperator\(ctx, "ivy", &chathub\.OperatorArgs\{\s+Adopt:\s+pulumi\.Bool\(false\),\s+Name:\s+pulumi\.String\("Ivy Import"\),\s+OrganizationId: pulumi\.Int\(25\),\s+Status:\s+chathub\.OperatorStatusActive,\s+\}/,
      );
    },
  });
}, 900_000);

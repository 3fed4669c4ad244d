import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chathubProvider } from "../../../src/native/definition";

// One release, one version: the npm packages, the plugin and its schema, both SDKs, and what the
// examples and docs ask users to install all say the version in package.json.

const repoRoot = path.resolve(__dirname, "../../..");
const read = (file: string) => readFileSync(path.join(repoRoot, file), "utf8");
const json = (file: string) => JSON.parse(read(file));
const { version } = json("package.json") as { version: string };

describe(`version ${version} everywhere`, () => {
  it.each([
    ["packages/emulator/package.json", json("packages/emulator/package.json").version],
    ["package-lock.json", json("package-lock.json").packages[""].version],
    ["package-lock.json (the emulator)", json("package-lock.json").packages["packages/emulator"].version],
    ["what the plugin reports (GetPluginInfo)", chathubProvider.version],
    ["the package schema", (chathubProvider.schema as { version: string }).version],
    [
      "sdk/python/pulumi_chathub/pulumi-plugin.json",
      json("sdk/python/pulumi_chathub/pulumi-plugin.json").version,
    ],
    ["sdk/go/chathub/pulumi-plugin.json", json("sdk/go/chathub/pulumi-plugin.json").version],
    ["sdk/python/pyproject.toml", /^\s*version = "([^"]+)"/m.exec(read("sdk/python/pyproject.toml"))?.[1]],
    ["examples/go/go.mod", /pulumi-chathub\/sdk v(\S+)/.exec(read("examples/go/go.mod"))?.[1]],
    [
      "examples/python/requirements.txt",
      /^pulumi[-_]chathub==(\S+)/m.exec(read("examples/python/requirements.txt"))?.[1],
    ],
    ["examples/yaml/Pulumi.yaml", /^\s*version: (\S+)/m.exec(read("examples/yaml/Pulumi.yaml"))?.[1]],
  ])("%s", (_where, found) => {
    expect(found).toBe(version);
  });

  it("every example's package.json asks for it", () => {
    const manifests = readdirSync(path.join(repoRoot, "examples"), {
      recursive: true,
      encoding: "utf8",
    }).filter((file) => file.endsWith("package.json") && !file.includes("node_modules"));
    expect(manifests.length).toBeGreaterThan(3);
    for (const manifest of manifests) {
      const dependency = json(path.join("examples", manifest)).dependencies?.["pulumi-chathub"];
      if (dependency !== undefined) expect([manifest, dependency]).toEqual([manifest, `^${version}`]);
    }
  });

  it("the CHANGELOG has its section", () => {
    expect(read("CHANGELOG.md")).toMatch(
      new RegExp(`^## \\[${version.replaceAll(".", "\\.")}\\] - \\d{4}-\\d{2}-\\d{2}$`, "m"),
    );
  });

  it("both SDKs name the release as where the engine downloads the plugin", () => {
    const server = (chathubProvider.schema as { pluginDownloadURL: string }).pluginDownloadURL;
    expect(server).toBe("github://api.github.com/pulumi-chathub/pulumi-chathub");
    expect(json("sdk/python/pulumi_chathub/pulumi-plugin.json").server).toBe(server);
    expect(json("sdk/go/chathub/pulumi-plugin.json").server).toBe(server);
    expect(read("examples/yaml/Pulumi.yaml")).toContain(`pluginDownloadURL: ${server}`);
  });
});

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chathubPackage } from "../../../src/declarations/package";
import { GENERATED_NOTICE, referencePages } from "../../../src/declarations/reference-pages";

const folder = path.join(__dirname, "../../../docs/reference");

describe("docs/reference", () => {
  const pages = referencePages(chathubPackage);

  it("is what the declarations generate (npm run docs:reference writes it)", () => {
    const committed = Object.fromEntries(
      readdirSync(folder).map((name) => [name, readFileSync(path.join(folder, name), "utf8")]),
    );
    expect(committed).toEqual(pages);
  });

  it("has a page per resource and function, each saying it is generated", () => {
    const tokens = [...chathubPackage.resources, ...chathubPackage.functions].map(({ token }) => token);
    for (const token of tokens) {
      const name = token.split(":").at(-1) ?? "";
      const page = Object.values(pages).find((text) => text.includes(`# ${name}\n`));
      expect(page, token).toBeDefined();
      expect(page?.startsWith(GENERATED_NOTICE)).toBe(true);
    }
  });

  it("documents every input with its type, whether it is required, and its default", () => {
    const operator = pages["operator.md"] ?? "";
    expect(operator).toContain(
      '| `status` | [OperatorStatus](types.md#operatorstatus) | no | `"active"` | "active" (default) or "inactive".',
    );
    expect(operator).toContain("| `organizationId` | integer | yes | — |");
    expect(operator).toContain("pulumi import chathub:index:Operator alex 24/104");
    expect(pages["provider.md"]).toContain("| `chathub:timeoutMs` | integer | `30000` |");
    expect(pages["types.md"]).toContain('One of `"ignore"`, `"deactivate"`, `"delete"`.');
  });
});

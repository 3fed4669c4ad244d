import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, expectTypeOf, it } from "vitest";
import { parse } from "yaml";
import type { z } from "zod";
import { chathubPackage } from "../../../src/declarations/package";
import { GENERATED_NOTICE, referencePages } from "../../../src/declarations/reference-pages";
import { TYPESCRIPT_ARGS_FILE, typeScriptArgs } from "../../../src/declarations/typescript-args";
import type { RosterEntry } from "../../../src/resources/declared-args";
import type { rosterEntrySchema } from "../../../src/roster/roster-entry-schema";

const folder = path.join(__dirname, "../../../docs/reference");

describe("docs/reference", () => {
  const pages = referencePages(chathubPackage);

  it("is what the declarations generate (npm run declarations writes it)", () => {
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

  it("shows a default the provider applies itself, as the description states it", () => {
    const roster = pages["organization-roster.md"] ?? "";
    expect(roster).toContain(
      "| `maxRemovals` | integer or string | no | 10 people or 10% of the live operators, whichever is larger |",
    );
    expect(roster).toContain("| `timeZone` | string | no | UTC |");
  });

  it("describes an output that is also an input as the state records it, not in the input's words", () => {
    const outputs = (pages["organization-roster.md"] ?? "").split("## Outputs")[1] ?? "";
    expect(outputs).toContain(
      "| `operators` | list of [RosterEntry](types.md#rosterentry) | yes | The input `operators` as the state records it",
    );
    expect(outputs).not.toContain("Give this or");
  });
});

// The YAML examples use the declared tokens and inputs: a renamed property fails here.
describe("the reference's YAML examples", () => {
  const declared = new Map<string, Set<string>>([
    ...chathubPackage.resources.map((r) => [r.token, new Set(Object.keys(r.inputs.shape))] as const),
    ...chathubPackage.functions.map((f) => [f.token, new Set(Object.keys(f.inputs?.shape ?? {}))] as const),
    ["pulumi:providers:chathub", new Set(Object.keys(chathubPackage.provider.config.shape))],
  ]);
  const examples = [chathubPackage.provider, ...chathubPackage.resources, ...chathubPackage.functions].map(
    (declaration) => parse(declaration.examples.yaml) as Program,
  );

  it("name only declared tokens and their inputs", () => {
    const used: string[] = [];
    for (const program of examples) {
      for (const resource of Object.values(program.resources ?? {})) {
        used.push(resource.type);
        const inputs = declared.get(resource.type);
        expect(inputs, resource.type).toBeDefined();
        for (const key of Object.keys(resource.properties ?? {}))
          expect([resource.type, inputs?.has(key)]).toEqual([resource.type, true]);
      }
      for (const variable of Object.values(program.variables ?? {})) {
        const invoke = variable["fn::invoke"];
        used.push(invoke.function);
        const inputs = declared.get(invoke.function);
        expect(inputs, invoke.function).toBeDefined();
        for (const key of Object.keys(invoke.arguments ?? {}))
          expect([invoke.function, inputs?.has(key)]).toEqual([invoke.function, true]);
      }
    }
    expect(new Set(used)).toEqual(new Set(declared.keys()));
  });
});

interface Program {
  resources?: Record<string, { type: string; properties?: Record<string, unknown> }>;
  variables?: Record<string, { "fn::invoke": { function: string; arguments?: Record<string, unknown> } }>;
}

describe("src/resources/declared-args.ts", () => {
  it("is what the declarations generate: the TypeScript arguments' doc comments are the schema's descriptions", () => {
    const committed = readFileSync(path.join(__dirname, "../../../", TYPESCRIPT_ARGS_FILE), "utf8");
    expect(committed).toBe(typeScriptArgs(chathubPackage));
    expect(committed.split("\n")[0]).toContain("Generated from src/declarations/");
  });

  it("types a roster entry as the schema that checks it reads it", () => {
    expectTypeOf<RosterEntry>().toEqualTypeOf<z.input<typeof rosterEntrySchema>>();
  });
});

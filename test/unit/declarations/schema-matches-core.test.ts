import { describe, expect, it } from "vitest";
import { z } from "zod";
import { operatorInputsSchema } from "../../../src/core/operator/inputs";
import {
  organizationRosterInputsSchema,
  rosterMemberSchema,
} from "../../../src/core/organization-roster/inputs";
import { chathubPackage, OPERATOR_TOKEN, ORGANIZATION_ROSTER_TOKEN } from "../../../src/declarations/package";
import { packageSchema } from "../../../src/declarations/package-schema";

type Property = { type?: string; $ref?: string; oneOf?: unknown[]; items?: { $ref: string } };
const schema = packageSchema(chathubPackage, "0.0.0") as {
  resources: Record<string, { inputProperties: Record<string, Property> }>;
  types: Record<string, { enum?: { value: string }[]; properties?: Record<string, Property> }>;
};

/** A zod field as the package schema types it: a JSON type, or the values of an enum. */
function zodType(field: z.ZodType): string {
  const inner = field instanceof z.ZodOptional || field instanceof z.ZodDefault ? field.unwrap() : field;
  if (inner instanceof z.ZodPipe) return zodType(inner.in as z.ZodType);
  if (inner instanceof z.ZodEnum) return `enum ${[...inner.options].join("|")}`;
  if (inner instanceof z.ZodNumber) return inner.format === "safeint" ? "integer" : "number";
  if (inner instanceof z.ZodString) return "string";
  if (inner instanceof z.ZodBoolean) return "boolean";
  return "custom";
}

/** A package schema property in the same terms. */
function schemaType(property: Property): string {
  if (property.$ref) {
    const type = schema.types[property.$ref.replace("#/types/", "")];
    return type?.enum ? `enum ${type.enum.map(({ value }) => value).join("|")}` : property.$ref;
  }
  if (property.oneOf) return "custom"; // maxRemovals: a number or "unlimited", checked by its own rule
  return property.type ?? "?";
}

function compare(
  core: z.ZodObject,
  declared: Record<string, Property>,
  skip: { core: string[]; schema: string[] },
) {
  const coreTypes = Object.fromEntries(
    Object.entries(core.shape)
      .filter(([key]) => !skip.core.includes(key))
      .map(([key, field]) => [key, zodType(field as z.ZodType)]),
  );
  const schemaTypes = Object.fromEntries(
    Object.entries(declared)
      .filter(([key]) => !skip.schema.includes(key))
      .map(([key, property]) => [key, schemaType(property)]),
  );
  expect(schemaTypes).toEqual(coreTypes);
}

// What the core parses and what the plugin's schema declares, property by property and type by type.
describe("the package schema and the core's input schemas", () => {
  it("declare the same operator inputs (importFrom is the dynamic ChatHubOperator's own)", () => {
    compare(operatorInputsSchema, schema.resources[OPERATOR_TOKEN]?.inputProperties ?? {}, {
      core: ["importFrom"],
      schema: [],
    });
  });

  it("declare the same roster inputs (the native roster lists people, and may read them from a file)", () => {
    compare(
      organizationRosterInputsSchema,
      schema.resources[ORGANIZATION_ROSTER_TOKEN]?.inputProperties ?? {},
      {
        core: ["operators"],
        schema: ["operators", "file"],
      },
    );
    compare(rosterMemberSchema, schema.types["chathub:index:RosterEntry"]?.properties ?? {}, {
      core: [],
      schema: ["key"],
    });
  });
});

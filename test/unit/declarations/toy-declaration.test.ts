import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { PackageDeclaration, ResourceDeclaration } from "../../../src/declarations/declaration";
import { chathubPackage } from "../../../src/declarations/package";
import { packageSchema } from "../../../src/declarations/package-schema";
import { named } from "../../../src/declarations/pulumi-types";
import { referencePages } from "../../../src/declarations/reference-pages";

// A resource of this test's own: declaring it is all it takes for the schema and the reference to have it.
const shiftDeclaration: ResourceDeclaration = {
  token: "chathub:index:Shift",
  typeScriptName: "ChatHubShift",
  description: "A block of hours an organization is staffed.",
  inputs: z.object({
    organizationId: z.int().describe("The organization staffed."),
    hours: z.int().default(8).describe("How long the shift lasts."),
    kind: named(z.enum(["day", "night"]).describe("When it runs."), { name: "ShiftKind" }).optional(),
  }),
  outputs: z.object({ shiftId: z.int().describe("The shift's id.") }),
  id: { format: '"<organizationId>/<shiftId>"', example: "24/7", name: "morning" },
  examples: { typescript: 'new ChatHubShift("morning", { organizationId: 24 });', yaml: "resources: {}" },
};

const withShift: PackageDeclaration = {
  ...chathubPackage,
  resources: [...chathubPackage.resources, shiftDeclaration],
};

describe("a resource declared in a test", () => {
  it("is in the derived package schema, typed, required and described as declared", () => {
    const schema = packageSchema(withShift, "0.0.0") as {
      resources: Record<string, Record<string, unknown>>;
      types: Record<string, unknown>;
    };
    expect(schema.resources["chathub:index:Shift"]).toEqual({
      description:
        'A block of hours an organization is staffed. Its id is "<organizationId>/<shiftId>", e.g. "24/7" (`pulumi import chathub:index:Shift morning 24/7`).',
      inputProperties: {
        organizationId: { type: "integer", description: "The organization staffed." },
        hours: { type: "integer", description: "How long the shift lasts." },
        kind: { $ref: "#/types/chathub:index:ShiftKind", description: "When it runs." },
      },
      requiredInputs: ["organizationId"],
      properties: {
        organizationId: { type: "integer", description: "The organization staffed." },
        hours: { type: "integer", description: "How long the shift lasts." },
        kind: { $ref: "#/types/chathub:index:ShiftKind", description: "When it runs." },
        shiftId: { type: "integer", description: "The shift's id." },
      },
      required: ["organizationId", "hours", "shiftId"],
    });
    expect(schema.types["chathub:index:ShiftKind"]).toEqual({
      type: "string",
      enum: [{ value: "day" }, { value: "night" }],
    });
  });

  it("has its reference page, and the index lists it", () => {
    const pages = referencePages(withShift);
    expect(pages["shift.md"]).toContain("| `hours` | integer | no | `8` | How long the shift lasts. |");
    expect(pages["shift.md"]).toContain("pulumi import chathub:index:Shift morning 24/7");
    expect(pages["README.md"]).toContain("| [`chathub:index:Shift`](shift.md) | `ChatHubShift` |");
    expect(pages["types.md"]).toContain("## ShiftKind");
  });

  it("leaves the package's own schema as it was", () => {
    expect(packageSchema(chathubPackage, "0.0.0")).not.toHaveProperty(["resources", "chathub:index:Shift"]);
  });
});

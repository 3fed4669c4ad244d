import { z } from "zod";
import { addedOutputs } from "../dynamic/dynamic-type";
import type { PackageDeclaration, ResourceDeclaration } from "./declaration";
import { descriptionOf, isOptional, namedTypes, wireTypes, writtenSchema } from "./pulumi-types";

/**
 * The TypeScript resources' argument interfaces, the outputs each class adds to its inputs and the
 * functions' arguments, with their doc comments, written from the declarations into
 * src/resources/declared-args.ts (`npm run declarations`): the descriptions a TypeScript user reads
 * in the editor are the schema's.
 */
export const TYPESCRIPT_ARGS_FILE = "src/resources/declared-args.ts";

export function typeScriptArgs(pkg: PackageDeclaration): string {
  const named = new Map<string, z.ZodObject>();
  const interfaces = pkg.resources.flatMap((resource) => [
    argsInterface(resource, named),
    outputsInterface(resource, named),
  ]);
  for (const { typeScriptArgs: name, inputs } of pkg.functions)
    if (name !== undefined && inputs !== undefined)
      interfaces.push(objectInterface(name, inputs.shape as Record<string, z.ZodType>, plainInput, named));
  // The object types the arguments use, each once (RosterEntry).
  const types = [...named].map(([name, schema]) =>
    objectInterface(name, schema.shape as Record<string, z.ZodType>, plainInput, named),
  );
  return [
    "// Generated from src/declarations/ by `npm run declarations`: edit the declarations, not this file.",
    'import type * as pulumi from "@pulumi/pulumi";',
    "",
    ...[...interfaces, ...types].map((text) => `${text}\n`),
  ]
    .join("\n")
    .replace(/\n+$/, "\n");
}

/** How a member is written: its key's line, from the member's TypeScript type. */
type MemberWriter = (key: string, type: string, optional: boolean) => string;

const plainInput: MemberWriter = (key, type, optional) => `${key}${optional ? "?" : ""}: ${type};`;

function argsInterface(resource: ResourceDeclaration, named: Map<string, z.ZodObject>): string {
  const plain = new Set(resource.typeScriptPlain ?? []);
  return objectInterface(
    `${resource.typeScriptName}Args`,
    resource.inputs.shape as Record<string, z.ZodType>,
    (key, type, optional) => plainInput(key, plain.has(key) ? type : `pulumi.Input<${type}>`, optional),
    named,
  );
}

/**
 * The outputs a class adds to its inputs (those the class names as placeholders), as
 * `pulumi.Output`s: the class merges this interface, so each output has the schema's doc comment.
 */
function outputsInterface(resource: ResourceDeclaration, named: Map<string, z.ZodObject>): string {
  const addedKeys = new Set(addedOutputs(resource));
  const added = Object.entries(resource.outputs.shape as Record<string, z.ZodType>).filter(([key]) =>
    addedKeys.has(key),
  );
  // The class merges it, so the resource's description is the class's too.
  const description = docComment(resource.description).replace(/^ {2}/gm, "");
  return `${description}${objectInterface(
    `${resource.typeScriptName}Outputs`,
    Object.fromEntries(added),
    (key, type, optional) => `readonly ${key}: pulumi.Output<${optional ? `${type} | undefined` : type}>;`,
    named,
    "output",
  )}`;
}

function objectInterface(
  name: string,
  shape: Record<string, z.ZodType>,
  write: MemberWriter,
  named: Map<string, z.ZodObject>,
  side: "input" | "output" = "input",
): string {
  const members = Object.entries(shape).map(([key, field]) => {
    const type = typeOf(writtenSchema(field), named, side);
    return `${docComment(descriptionOf(field))}  ${write(key, type, isOptional(field, side))}`;
  });
  return `export interface ${name} {\n${members.join("\n")}\n}`;
}

/** A schema's TypeScript type; lists are read-only where a program writes them. */
function typeOf(schema: z.ZodType, named: Map<string, z.ZodObject>, side: "input" | "output"): string {
  const wire = wireTypes.get(schema);
  if (wire !== undefined) return wire.typeScript;
  if (schema instanceof z.ZodEnum) return schema.options.map((value) => JSON.stringify(value)).join(" | ");
  const type = namedTypes.get(schema);
  if (schema instanceof z.ZodObject && type !== undefined) {
    named.set(type.name, schema);
    return type.name;
  }
  if (schema instanceof z.ZodString) return "string";
  if (schema instanceof z.ZodBoolean) return "boolean";
  if (schema instanceof z.ZodNumber) return "number";
  if (schema instanceof z.ZodArray) {
    const element = typeOf(writtenSchema(schema.element as z.ZodType), named, side);
    return side === "input" ? `readonly ${element}[]` : `${element}[]`;
  }
  if (schema instanceof z.ZodRecord)
    return `Record<string, ${typeOf(writtenSchema(schema.valueType as z.ZodType), named, side)}>`;
  throw new Error(`no TypeScript type for a zod ${schema.def.type}`);
}

function docComment(description: string | undefined): string {
  if (description === undefined) return "";
  const words = description.split(/\s+/);
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line.length > 0 && line.length + word.length + 1 > 96) {
      lines.push(line);
      line = word;
    } else line = line.length > 0 ? `${line} ${word}` : word;
  }
  lines.push(line);
  if (lines.length === 1) return `  /** ${lines[0]} */\n`;
  return `  /**\n${lines.map((text) => `   * ${text}`).join("\n")}\n   */\n`;
}

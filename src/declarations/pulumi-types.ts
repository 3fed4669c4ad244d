import { z } from "zod";

/**
 * How the declarations' zod schemas become Pulumi schema types. A property's description is zod's
 * own (`.describe()`, on the field or on what it wraps); a named type (an enum or object with a
 * token of its own) is registered here, once, on the schema instance the inputs use.
 */

/** A Pulumi schema type as the package schema writes it (`type`, `$ref`, `items`, ...). */
export type PulumiType = Record<string, unknown>;

export interface NamedType {
  /** The type's name under the package, e.g. "RosterEntry" for `chathub:index:RosterEntry`. */
  name: string;
  description?: string;
}

/** Schemas that are types of their own in the package schema, referred to by `$ref`. */
export const namedTypes = z.registry<NamedType>();

/**
 * Names the type a field is written as (what its optional or default wraps), and returns the
 * field: a declaration marks which schemas are the package's named types.
 */
export function named<T extends z.ZodType>(field: T, type: NamedType): T {
  namedTypes.add(writtenSchema(field), type);
  return field;
}

/**
 * What a schema is, when zod cannot tell: a custom check (`z.custom`) has no shape, so its
 * declaration says which Pulumi type it takes and how TypeScript writes it.
 */
export interface WireType {
  pulumi: PulumiType;
  typeScript: string;
}

export const wireTypes = z.registry<WireType>();

/** The description a field carries: its own, or that of the schema it wraps (optional, default). */
export function descriptionOf(schema: z.ZodType): string | undefined {
  const own = schema.description;
  if (own !== undefined) return own;
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault)
    return descriptionOf(schema.unwrap() as z.ZodType);
  return undefined;
}

/** The field's default value as a program would write it, when it has one. */
export function defaultOf(schema: z.ZodType): unknown {
  if (schema instanceof z.ZodDefault) return schema.def.defaultValue;
  if (schema instanceof z.ZodOptional) return defaultOf(schema.unwrap() as z.ZodType);
  return undefined;
}

/**
 * Whether the field may be absent: from a program's inputs when optional or defaulted, from the
 * state only when optional (a default is recorded).
 */
export function isOptional(schema: z.ZodType, side: Side): boolean {
  return schema instanceof z.ZodOptional || (side === "input" && schema instanceof z.ZodDefault);
}

/** Inputs, as a program writes them, or outputs, as the state records them. */
export type Side = "input" | "output";

/**
 * The schema a field's type is read from: wrappers (optional, default) and transforms unwrapped to
 * what a program writes (a pipe's input side).
 */
export function writtenSchema(schema: z.ZodType): z.ZodType {
  if (namedTypes.get(schema) !== undefined || wireTypes.get(schema) !== undefined) return schema;
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault)
    return writtenSchema(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodPipe) return writtenSchema(schema.in as z.ZodType);
  return schema;
}

/** The token of a named type in a package. */
export const typeToken = (packageName: string, name: string) => `${packageName}:index:${name}`;

/**
 * Turns zod schemas into Pulumi schema types for one package, collecting the named types it meets
 * (each written once, under `types`).
 */
export class PulumiTypeWriter {
  readonly types: Record<string, PulumiType> = {};

  constructor(readonly packageName: string) {}

  /** A property: its type, then its description when it has one. */
  property(field: z.ZodType): PulumiType {
    const description = descriptionOf(field);
    return { ...this.type(writtenSchema(field)), ...(description === undefined ? {} : { description }) };
  }

  /** An object's properties and the names of those it always has. */
  object(
    shape: Record<string, z.ZodType>,
    side: Side,
  ): { properties: Record<string, PulumiType>; required: string[] } {
    const properties = Object.fromEntries(
      Object.entries(shape).map(([key, field]) => [key, this.property(field)]),
    );
    const required = Object.entries(shape)
      .filter(([, field]) => !isOptional(field, side))
      .map(([key]) => key);
    return { properties, required };
  }

  private type(schema: z.ZodType): PulumiType {
    const wire = wireTypes.get(schema);
    if (wire !== undefined) return wire.pulumi;
    const named = namedTypes.get(schema);
    if (named !== undefined) return this.reference(schema, named);
    if (schema instanceof z.ZodString) return { type: "string" };
    if (schema instanceof z.ZodBoolean) return { type: "boolean" };
    if (schema instanceof z.ZodNumber) return { type: schema.format === "safeint" ? "integer" : "number" };
    if (schema instanceof z.ZodArray)
      return { type: "array", items: this.type(writtenSchema(schema.element as z.ZodType)) };
    if (schema instanceof z.ZodRecord)
      return {
        type: "object",
        additionalProperties: this.type(writtenSchema(schema.valueType as z.ZodType)),
      };
    throw new Error(`no Pulumi type for a zod ${schema.def.type}: register it in namedTypes or wireTypes`);
  }

  private reference(schema: z.ZodType, named: NamedType): PulumiType {
    const token = typeToken(this.packageName, named.name);
    if (!(token in this.types)) {
      this.types[token] = {}; // taken before its properties are written, so a cycle ends here
      this.types[token] = this.definition(schema, named);
    }
    return { $ref: `#/types/${token}` };
  }

  private definition(schema: z.ZodType, named: NamedType): PulumiType {
    const description = named.description === undefined ? {} : { description: named.description };
    if (schema instanceof z.ZodEnum) {
      return { type: "string", ...description, enum: schema.options.map((value) => ({ value })) };
    }
    if (schema instanceof z.ZodObject) {
      const { properties, required } = this.object(schema.shape as Record<string, z.ZodType>, "input");
      return { type: "object", ...description, properties, required };
    }
    throw new Error(`${named.name}: only enums and objects can be named types`);
  }
}

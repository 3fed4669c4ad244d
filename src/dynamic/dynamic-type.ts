import type { z } from "zod";

/**
 * How a declared resource's TypeScript class is typed in the state: a dynamic resource registers
 * as `pulumi-nodejs:dynamic/<module>:<type>`, here the token's package and type
 * (`chathub:index:Operator` → `pulumi-nodejs:dynamic/chathub:Operator`).
 */
export function dynamicRegistration(declaration: { token: string }): [module: string, type: string] {
  const [module = "", , type = ""] = declaration.token.split(":");
  return [module, type];
}

/** The type the engine records for the class's resources. */
export function dynamicTypeOf(declaration: { token: string }): string {
  const [module, type] = dynamicRegistration(declaration);
  return `pulumi-nodejs:dynamic/${module}:${type}`;
}

/**
 * The outputs the class adds to its inputs: the keys it names as placeholders among its inputs
 * (Pulumi exposes only the keys given), which its dynamic provider drops from what it checks.
 */
export function addedOutputs(declaration: { inputs: z.ZodObject; outputs: z.ZodObject }): string[] {
  return Object.keys(declaration.outputs.shape).filter((key) => !(key in declaration.inputs.shape));
}

/** Those outputs as the class names them among its inputs, each undefined until the provider answers. */
export function outputPlaceholders(declaration: {
  inputs: z.ZodObject;
  outputs: z.ZodObject;
}): Record<string, undefined> {
  return Object.fromEntries(addedOutputs(declaration).map((key) => [key, undefined]));
}

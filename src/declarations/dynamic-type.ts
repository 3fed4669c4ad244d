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

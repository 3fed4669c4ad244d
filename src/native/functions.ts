import { failureMessage, failuresOf } from "../core/check-failures";
import type { ProviderRuntime } from "../core/runtime";
import type { FunctionDeclaration } from "../declarations/declaration";
import type { FunctionHandler, PropertyMap } from "./handler";
import { plain } from "./plain";

/** The declared lookups, read-only, with the provider's credentials (the same as the TypeScript functions). */
export function servedFunctions(
  declarations: readonly FunctionDeclaration[],
  runtime: ProviderRuntime,
): Record<string, FunctionHandler> {
  return Object.fromEntries(
    declarations.map((declaration) => [
      declaration.token,
      async (args: PropertyMap) =>
        plain(await declaration.invoke(argumentsOf(declaration, args), runtime.client())),
    ]),
  );
}

/** The arguments, parsed by the function's declared schema; a bad one is an error naming the function. */
function argumentsOf(declaration: FunctionDeclaration, args: PropertyMap): Record<string, unknown> {
  if (declaration.inputs === undefined) return {};
  const parsed = declaration.inputs.safeParse(args);
  if (parsed.success) return parsed.data;
  const accepted = Object.keys(declaration.inputs.shape);
  throw new Error(
    `${declaration.token}: ${failureMessage(failuresOf(parsed.error, declaration.token, accepted))}`,
  );
}

import type { z } from "zod";
import type { ChatHubClient } from "../api";
import type { providerConfigSchema } from "../core/provider-config";
import type { AnyResourceBehaviour } from "../core/resource-behaviour";

/**
 * What the package says of each resource and function, declared once: the package schema
 * (package-schema.ts), the reference pages (docs/reference/, from reference-pages.ts) and the
 * TypeScript arguments (src/resources/declared-args.ts, from typescript-args.ts) are derived from
 * these. The zod schemas are the ones the
 * inputs are parsed with, carrying their descriptions (`.describe()`) and defaults.
 */

/** The same example, as a user of each language writes it. */
export interface Examples {
  typescript: string;
  yaml: string;
}

export interface ImportId {
  format: string;
  /** One id, e.g. "24/104", and a resource name to import it as, e.g. "alex". */
  example: string;
  name: string;
  /** What the import brings, when there is more to say than the id. */
  brings?: string;
}

export interface ResourceDeclaration {
  /** The native provider's type token, e.g. "chathub:index:Operator". */
  token: string;
  /** The TypeScript class, e.g. "ChatHubOperator" (the dynamic resource of `pulumi-chathub`). */
  typeScriptName: string;
  description: string;
  /** What a program writes. */
  inputs: z.ZodObject;
  /**
   * The inputs the TypeScript class takes as plain values, not `pulumi.Input`s: it checks them as
   * it is constructed, before anything is registered.
   */
  typeScriptPlain?: readonly string[];
  /**
   * What the state holds besides (or, for a key also among the inputs, instead of) the inputs:
   * the outputs a program reads.
   */
  outputs: z.ZodObject;
  /** What the id is, e.g. `"<organizationId>/<operatorId>"`, and how `pulumi import` takes one. */
  id: ImportId;
  examples: Examples;
  /**
   * What it does (src/core/resource-behaviour.ts), in the declared form: the native provider's,
   * and the TypeScript class's (through src/dynamic/class-forms.ts, where the class records another form).
   */
  behaviour: AnyResourceBehaviour;
}

export interface FunctionDeclaration {
  /** e.g. "chathub:index:getOperators". */
  token: string;
  /** The TypeScript function, e.g. "getOperators". */
  typeScriptName: string;
  description: string;
  /** Its arguments, when it takes any. */
  inputs?: z.ZodObject;
  /** The TypeScript interface of its arguments to write from `inputs` (declared-args.ts), e.g. "GetOperatorsArgs". */
  typeScriptArgs?: string;
  outputs: z.ZodObject;
  examples: Examples;
  /** What it returns, in its outputs' shape, for arguments parsed by `inputs`: read-only. */
  invoke(args: Record<string, unknown>, client: ChatHubClient): Promise<object>;
}

/** The provider's configuration: `chathub:<key>` in stack config, and an explicit provider's inputs. */
export interface ProviderDeclaration {
  description: string;
  config: typeof providerConfigSchema;
  /** Which config keys the provider resource also outputs. */
  outputs: readonly string[];
  examples: Examples;
}

/** A package: its provider, resources and functions, in the order the reference lists them. */
export interface PackageDeclaration {
  /** e.g. "chathub": tokens are `chathub:index:*`, the plugin `pulumi-resource-chathub`. */
  name: string;
  displayName: string;
  description: string;
  /** Where the engine downloads the plugin from when a program needs it (the schema's pluginDownloadURL). */
  pluginDownloadURL: string;
  provider: ProviderDeclaration;
  resources: readonly ResourceDeclaration[];
  functions: readonly FunctionDeclaration[];
}

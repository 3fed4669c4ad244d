/**
 * What the native provider's gRPC server (src/native/server/) asks of each resource type and
 * function. Values are plain JSON-like data: the server has already unwrapped secrets (the
 * provider does not accept secrets, so the engine strips and re-applies them) and turned the
 * engine's unknown marker into UNKNOWN (src/core/unknown.ts), and turns UNKNOWN back on the way
 * out. A handler that fails halfway throws PartialFailure (src/core/partial-failure.ts).
 */
import type { CheckFailure } from "../core/check-failures";
import type { DiffKind } from "../core/resource-behaviour";
import type { Unknown } from "../core/unknown";

export type { CheckFailure, DiffKind };

export type PropertyValue =
  | null
  | boolean
  | number
  | string
  | Unknown
  | PropertyValue[]
  | { [key: string]: PropertyValue };
export type PropertyMap = Record<string, PropertyValue>;

export type LogSeverity = "debug" | "info" | "warning" | "error";

/** What a call knows of where it runs. */
export interface CallContext {
  /** The resource's URN ("" for functions and config calls). */
  urn: string;
  /** Logs through the engine, attributed to this call's resource (shown as `warning:` under it). */
  log(severity: LogSeverity, message: string): Promise<void>;
}

export interface DiffResult {
  changes: boolean;
  replaces?: string[];
  deleteBeforeReplace?: boolean;
  /** Property paths and what happens to each, for `preview --diff`. */
  detailedDiff?: Record<string, { kind: DiffKind; inputDiff?: boolean }>;
}

export interface ResourceHandler {
  check(
    olds: PropertyMap,
    news: PropertyMap,
    context: CallContext,
  ): Promise<{ inputs: PropertyMap; failures?: CheckFailure[] }>;
  /** `olds` are the recorded outputs, `oldInputs` the recorded inputs, `news` the checked inputs. */
  diff(
    id: string,
    olds: PropertyMap,
    news: PropertyMap,
    context: CallContext,
    oldInputs: PropertyMap,
  ): Promise<DiffResult>;
  /** Not called at preview: the server answers a preview create with the inputs as outputs. */
  create(inputs: PropertyMap, context: CallContext): Promise<{ id: string; outs: PropertyMap }>;
  /**
   * Refresh and import (`inputs` and `props` are empty for an import). An empty `id` tells the
   * engine the resource is gone. `inputs` are what a program would write to describe it as it is.
   */
  read(
    id: string,
    props: PropertyMap,
    inputs: PropertyMap,
    context: CallContext,
  ): Promise<{ id: string; props: PropertyMap; inputs?: PropertyMap }>;
  /** Not called at preview: the server answers a preview update with the news as outputs. */
  update(
    id: string,
    olds: PropertyMap,
    news: PropertyMap,
    context: CallContext,
    oldInputs: PropertyMap,
  ): Promise<{ outs: PropertyMap }>;
  delete(id: string, props: PropertyMap, context: CallContext): Promise<void>;
}

export type FunctionHandler = (args: PropertyMap, context: CallContext) => Promise<PropertyMap>;

/** The whole provider: what the server serves. */
export interface NativeProviderDefinition {
  /** "chathub". */
  name: string;
  version: string;
  /** The Pulumi package schema (GetSchema returns it as JSON). */
  schema: Record<string, unknown>;
  /** The provider's own configuration (CheckConfig): failures name the property and the fix. */
  checkConfig(news: PropertyMap): Promise<CheckFailure[]>;
  /**
   * Configure: `config` holds the provider's properties by bare name (token, baseUrl, ...), plain
   * (secrets unwrapped; null and values not known yet left out), as the engine typed them.
   */
  configure(config: PropertyMap): Promise<void>;
  resources: Record<string, ResourceHandler>;
  functions: Record<string, FunctionHandler>;
}

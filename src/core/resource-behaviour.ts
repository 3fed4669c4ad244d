import type { z } from "zod";
import type { CheckFailure } from "./check-failures";
import type { ProviderRuntime } from "./runtime";

/**
 * What a resource does, over parsed values: the adapters (src/native/declared-resource.ts and
 * src/dynamic/declared-provider.ts) turn the engine's calls into these, parse what the engine
 * recorded with the schemas given here, and write the answers back in their protocol's form.
 * A behaviour never sees a property map, an unknown marker of the wire or a serialized provider.
 */

/** Where a call runs: the provider process's runtime, and how the resource is named to the user. */
export interface BehaviourContext {
  runtime: ProviderRuntime;
  /** The resource as the user's language names it: the type token natively, the class in TypeScript. */
  resource: string;
  /** A warning shown under the resource at `pulumi preview` and `up`. */
  warn(message: string): Promise<void>;
}

/** check()'s answer: checked inputs (some keys perhaps still unknown), failures, or all unknown. */
export type CheckOutcome<Checked> =
  | { ok: true; inputs: Checked; unknown?: readonly string[] }
  | { ok: false; failures: CheckFailure[] }
  | { ok: "unknown" };

/** DiffResponse.detailedDiff's kinds, by property path (e.g. `operators[3]`). */
export type DiffKind = "add" | "add-replace" | "delete" | "delete-replace" | "update" | "update-replace";

export interface ResourceDiff {
  changes: boolean;
  replaces: string[];
  deleteBeforeReplace?: boolean;
  /** What `preview --diff` prints, by property path, where a protocol can say it (the native one). */
  detailedDiff?: Record<string, DiffKind>;
}

/**
 * A resource's behaviour. `Checked` is what check() accepts and the engine records as inputs,
 * `State` what the engine records as outputs, `Recorded` the recorded inputs as check() and diff()
 * read them (an older version's, or an import's, may hold less than check() writes).
 */
export interface ResourceBehaviour<Checked, State, Recorded> {
  /** Names a record in messages, e.g. "operator": "The stack's record of operator 24/104 is not ...". */
  recordName: string;
  /** The outputs the engine recorded: a record it cannot read says to refresh. */
  state: z.ZodType<State>;
  recordedInputs: z.ZodType<Recorded>;
  /** Inputs check() accepted, as the engine hands them back to diff, create and update. */
  checkedInputs(raw: Record<string, unknown>, resource: string): Checked;

  /** At preview and up: the program's inputs (unknown values as UNKNOWN), before any change. */
  check(
    news: Record<string, unknown>,
    olds: Recorded,
    context: BehaviourContext,
  ): Promise<CheckOutcome<Checked>>;
  diff(id: string, olds: State, news: Checked, oldInputs: Recorded): ResourceDiff;
  /** Fails halfway with PartialFailure, its state of this behaviour's `State`. */
  create(inputs: Checked, context: BehaviourContext): Promise<{ id: string; state: State }>;
  /**
   * Refresh, and import (`recorded` undefined: nothing is recorded yet). Undefined: the resource
   * is gone. `inputs` describe it as it is, as a program would write them, for the next diff to
   * compare with the program.
   */
  read(
    id: string,
    recorded: State | undefined,
    recordedInputs: Recorded,
    context: BehaviourContext,
  ): Promise<{ state: State; inputs: object } | undefined>;
  update(id: string, olds: State, news: Checked, context: BehaviourContext): Promise<State>;
  delete(id: string, recorded: State, context: BehaviourContext): Promise<void>;

  /**
   * The people a resource's properties declare, each as written (a name, perhaps a status), for
   * readers of properties alone (the policy pack): read leniently, as a preview may not know them all.
   */
  declaredPeople(properties: Record<string, unknown>): Record<string, unknown>[];
}

/** A behaviour whatever its types, as a declaration holds it (its methods are checked where written). */
// biome-ignore lint/suspicious/noExplicitAny: each behaviour is typed where it is written; a list of them is not
export type AnyResourceBehaviour = ResourceBehaviour<any, any, any>;

import * as pulumi from "@pulumi/pulumi";
import type { DesiredStatus } from "../api";
import { operatorDeclaration } from "../declarations/operator";
import { dynamicRegistration, outputPlaceholders } from "../dynamic/dynamic-type";
import type { ChatHubOperatorArgs, ChatHubOperatorOutputs } from "./declared-args";
import { operatorProviderReference } from "./operator-provider-reference";

/** "active" or "inactive": an operator's status as a program writes it. */
export type OperatorStatus = DesiredStatus;

export type { ChatHubOperatorArgs };

/**
 * `chathub:index:Operator` in a TypeScript program (what it is: ChatHubOperatorOutputs, from its
 * declaration; docs/reference/operator.md).
 *
 * Adopting an existing operator: pass the resource option `import: "<organizationId>/<operatorId>"`
 * (e.g. "24/104"). Pulumi's own import cannot reach a dynamic provider's read, so this class
 * hands the id to the provider, which takes the operator over without changing it and fails,
 * saying why, if the program does not describe it as it is.
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the class's outputs are the declaration's
export class ChatHubOperator extends pulumi.dynamic.Resource {
  declare readonly name: pulumi.Output<string>;
  declare readonly organizationId: pulumi.Output<number>;
  declare readonly status: pulumi.Output<OperatorStatus>;

  constructor(name: string, args: ChatHubOperatorArgs, opts: pulumi.CustomResourceOptions = {}) {
    const { import: importFrom, ...options } = opts;
    super(
      operatorProviderReference,
      name,
      {
        // Every output is named here, even when not set: Pulumi exposes only the keys given.
        ...outputPlaceholders(operatorDeclaration),
        status: undefined,
        ...args,
        ...(importFrom === undefined ? {} : { importFrom }),
      },
      options,
      ...dynamicRegistration(operatorDeclaration),
    );
  }
}

// The outputs the declaration adds (operatorId, organizationName), typed and described there.
export interface ChatHubOperator extends ChatHubOperatorOutputs {}

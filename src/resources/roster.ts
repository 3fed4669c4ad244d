import * as pulumi from "@pulumi/pulumi";
import type { RosterCounts } from "../core/organization-roster/inputs";
import { windowOf } from "../roster/active-window";
import { RosterError } from "../roster/roster-error";
import { planRoster, rosterDefinition } from "../roster/roster-plan";
import type {
  ChatHubOperatorArgs,
  ChatHubOrganizationRosterArgs,
  ChatHubOrganizationRosterOutputs,
} from "./declared-args";
import { ChatHubOperator } from "./operator";

/** The arguments an organization roster and an operator declare (src/declarations/), for every operator of the roster. */
export interface ChatHubOperatorRosterArgs
  extends Pick<ChatHubOrganizationRosterArgs, "operators" | "file">,
    Pick<ChatHubOperatorArgs, "adopt" | "timeZone"> {
  /** The ChatHub organization of every operator of the roster, e.g. 24. */
  organizationId: pulumi.Input<number>;
}

/** The vendor's statistics, for the operators the roster declares. */
export type { RosterCounts };

/**
 * One organization's roster: a ChatHubOperator per entry, each named `${rosterName}-${key}`, where
 * the key is the entry's `key` or else derived from its name ("Nguyễn Văn An" → "nguyễn-văn-an").
 * Reordering the entries changes nothing; adding, disabling and removing people preview as
 * exactly that. An entry's `import: "24/104"` adopts that existing operator.
 *
 * The roster is checked while the program runs: duplicate names or keys, a malformed file or a
 * bad entry fail `pulumi preview` with every problem listed, before anything is sent to ChatHub.
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: its outputs are the organization roster's
export class ChatHubOperatorRoster extends pulumi.ComponentResource {
  /** The operator resources, by key. */
  readonly operators: Readonly<Record<string, ChatHubOperator>>;

  constructor(name: string, args: ChatHubOperatorRosterArgs, opts: pulumi.ComponentResourceOptions = {}) {
    // Checked before anything is registered: a bad roster stops the program here.
    const plan = checkedPlan(name, args);
    super("chathub:index:OperatorRoster", name, {}, opts);

    const operators: Record<string, ChatHubOperator> = {};
    for (const entry of plan.entries) {
      operators[entry.key] = new ChatHubOperator(
        `${name}-${entry.key}`,
        {
          organizationId: args.organizationId,
          name: entry.name,
          status: entry.status,
          ...(args.adopt === undefined ? {} : { adopt: args.adopt }),
          ...windowOf(entry),
          // Only a dated entry records the time zone: an undated operator's state stays as it was.
          ...(args.timeZone === undefined || (entry.activeFrom ?? entry.activeUntil) === undefined
            ? {}
            : { timeZone: args.timeZone }),
        },
        { parent: this, ...(entry.import === undefined ? {} : { import: entry.import }) },
      );
    }
    const keys = Object.keys(operators);
    const children = Object.values(operators);
    const operatorIds = pulumi
      .all(children.map((operator) => operator.operatorId))
      .apply((ids) => Object.fromEntries(keys.map((key, index) => [key, ids[index] as number])));
    const counts = pulumi.all(children.map((operator) => operator.status)).apply(
      (statuses): RosterCounts => ({
        total: statuses.length,
        active: statuses.filter((status) => status === "active").length,
        inactive: statuses.filter((status) => status === "inactive").length,
      }),
    );
    this.operators = operators;
    const outputs: RosterOutputs = { operatorIds, counts };
    Object.assign(this, outputs);
    this.registerOutputs(outputs);
  }
}

/** The outputs an organization roster declares that this component has too, typed and described there. */
type RosterOutputs = Pick<ChatHubOrganizationRosterOutputs, "operatorIds" | "counts">;
export interface ChatHubOperatorRoster extends RosterOutputs {}

function checkedPlan(name: string, args: ChatHubOperatorRosterArgs) {
  try {
    // What is not known yet is checked by each operator's provider once known.
    return planRoster(rosterDefinition(args));
  } catch (error) {
    // RunError: Pulumi prints the message alone, without a stack trace of the program.
    if (error instanceof RosterError) throw new pulumi.RunError(`roster "${name}": ${error.message}`);
    throw error;
  }
}

import * as pulumi from "@pulumi/pulumi";
import type { RosterMember, UnmanagedOperator } from "../core/organization-roster/inputs";
import {
  UNMANAGED_CHOICES,
  UNMANAGED_MODES,
  type UnmanagedMode,
} from "../core/organization-roster/unmanaged";
import { organizationRosterDeclaration } from "../declarations/organization-roster";
import { dynamicRegistration, outputPlaceholders } from "../dynamic/dynamic-type";
import { recordedEntry } from "../roster/roster-entry";
import { RosterError } from "../roster/roster-error";
import { planRoster, rosterDefinition } from "../roster/roster-plan";
import type { ChatHubOrganizationRosterArgs, ChatHubOrganizationRosterOutputs } from "./declared-args";
import { organizationRosterProviderReference } from "./organization-roster-provider-reference";

export type { ChatHubOrganizationRosterArgs, UnmanagedMode, UnmanagedOperator };

/**
 * `chathub:index:OrganizationRoster` in a TypeScript program (what it is:
 * ChatHubOrganizationRosterOutputs, from its declaration; docs/reference/organization-roster.md).
 * One resource, not one per operator: `up` lists the organization once and creates the missing
 * in synchronize calls of up to 100 (names compared case-insensitively); `destroy` deletes the
 * operators the roster manages and leaves the rest.
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the class's outputs are the declaration's
export class ChatHubOrganizationRoster extends pulumi.dynamic.Resource {
  constructor(name: string, args: ChatHubOrganizationRosterArgs, opts: pulumi.CustomResourceOptions = {}) {
    // Checked before anything is registered: a bad roster stops the preview here, with no request.
    const operators = checkedMembers(name, args);
    super(
      organizationRosterProviderReference,
      name,
      {
        organizationId: args.organizationId,
        unmanaged: args.unmanaged,
        operators,
        maxRemovals: args.maxRemovals, // checked by the provider (src/core/removal-budget.ts)
        timeZone: args.timeZone, // checked by the provider (src/roster/active-window.ts)
        // Every output is named here: Pulumi exposes only the keys given.
        ...outputPlaceholders(organizationRosterDeclaration),
      },
      opts,
      ...dynamicRegistration(organizationRosterDeclaration),
    );
  }
}

// The outputs (operatorIds, counts, unmanagedOperators), typed and described by the declaration.
export interface ChatHubOrganizationRoster extends ChatHubOrganizationRosterOutputs {}

/** The roster as a map by key (the engine's diff then reads as a list of people), or a RunError. */
function checkedMembers(name: string, args: ChatHubOrganizationRosterArgs): Record<string, RosterMember> {
  const unmanaged = (args as { unmanaged?: unknown }).unmanaged;
  const problems: string[] = [];
  if (!UNMANAGED_MODES.includes(unmanaged as UnmanagedMode)) {
    const given = unmanaged === undefined ? "is required" : `${JSON.stringify(unmanaged)} is not a choice`;
    problems.push(
      `unmanaged ${given}: it decides what happens to the organization's operators that the roster does not name; ${UNMANAGED_CHOICES}`,
    );
  }
  let members: Record<string, RosterMember> = {};
  try {
    // What is not known yet is checked by the provider once known.
    const plan = planRoster(rosterDefinition(args));
    members = Object.fromEntries(plan.entries.map(recordedEntry).map(({ key, ...member }) => [key, member]));
  } catch (error) {
    if (!(error instanceof RosterError)) throw error;
    problems.push(...error.problems);
  }
  // RunError: Pulumi prints the message alone, without a stack trace of the program.
  if (problems.length > 0) {
    throw new pulumi.RunError(`organization roster "${name}": ${new RosterError(problems).message}`);
  }
  return members;
}

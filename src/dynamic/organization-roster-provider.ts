import type * as pulumi from "@pulumi/pulumi";
import { knownPeopleOf, removalBudgetAtPreview } from "../core/organization-roster/budget";
import { diffOrganizationRoster, hasChanges } from "../core/organization-roster/diff";
import {
  datedRosterNotes,
  expandedMember,
  isUnmanagedKey,
  type OrganizationRosterInputs,
  type OrganizationRosterState,
  parseCheckedRosterInputs,
  type RosterMember,
  UNMANAGED_KEY_PREFIX,
  type UnmanagedOperator,
} from "../core/organization-roster/inputs";
import * as core from "../core/organization-roster/operations";
import { projectUnmanaged } from "../core/organization-roster/unmanaged";
import { recordedRoster } from "../core/recorded-state";
import type { KnownPerson } from "../core/removal-budget";
import { asPartialResult, storable } from "./partial-result";
import { coreInputs, engineInputs } from "./protocol";
import { providerRuntime as runtime } from "./shared-runtime";

/** The outputs ChatHubOrganizationRoster declares as placeholders among its inputs. */
const OUTPUTS = ["operatorIds", "counts", "unmanagedOperators"] as const;

/*
 * Live operators the roster does not name appear in `read`'s inputs under keys no roster entry
 * can have (UNMANAGED_KEY_PREFIX), so the engine's own `preview --diff` lists them as people:
 * `- unmanaged #107`. A dynamic provider cannot return a detailed diff: this is how the input
 * shape tells the engine's comparison what `up` will do.
 */

/**
 * The dynamic ChatHubOrganizationRoster: the engine's calls turned into the core's
 * (src/core/organization-roster), with the unmanaged people drawn into the inputs for previews.
 */
export const organizationRosterProvider: pulumi.dynamic.ResourceProvider = {
  async configure(request) {
    runtime.configure(request.config);
  },

  async check(olds, news) {
    const result = await core.checkOrganizationRoster(runtime, rosterOnly(coreInputs(news, OUTPUTS)));
    if (result.ok === false) return { inputs: news, failures: result.failures };
    if (result.ok === "unknown") return { inputs: news };
    // Over the removal budget fails the preview, before anything is sent. No property: the engine
    // would print the value of the one named, and the message says it all.
    const known = knownPeople(olds as Partial<OrganizationRosterInputs>, result.inputs.organizationId);
    const overBudget = await removalBudgetAtPreview(runtime, known, result.inputs);
    if (overBudget !== undefined) return { inputs: news, failures: [{ property: "", reason: overBudget }] };
    if (olds.organizationId === undefined) {
      const warning = await core.unmanagedWarning(runtime, result.inputs, "ChatHubOrganizationRoster");
      // The provider's stderr is shown by the CLI: a dynamic provider has no other way to warn.
      if (warning !== undefined) console.error(`warning: ${warning}`);
    }
    for (const note of datedRosterNotes(result.inputs, recordedStatus(olds, result.inputs.organizationId)))
      console.error(
        `warning: ChatHubOrganizationRoster for organization ${result.inputs.organizationId}: ${note}`,
      );
    const inputs = withUnmanagedOutcomes(result.inputs, olds as Partial<OrganizationRosterInputs>);
    return { inputs: engineInputs(inputs, news) };
  },

  async diff(id, olds, news) {
    const diff = diffOrganizationRoster(recordedRoster(olds, id), checked(news));
    return { changes: hasChanges(diff), replaces: diff.replaces, deleteBeforeReplace: false };
  },

  async create(inputs) {
    const desired = checked(inputs);
    const id = String(desired.organizationId);
    const state = await asPartialResult(inputs, () =>
      core.convergeOrganizationRoster(runtime, id, desired, {}),
    );
    return { id, outs: storable(state) };
  },

  async read(id, props) {
    const state = await core.readOrganizationRoster(runtime, Number(id), recordedRoster(props, id));
    return { id, props: state, inputs: inputsMirroring(state) };
  },

  async update(id, olds, news) {
    const previous = recordedRoster(olds, id);
    const state = await asPartialResult(news, () =>
      core.convergeOrganizationRoster(runtime, id, checked(news), previous),
    );
    return { outs: storable(state) };
  },

  async delete(id, props) {
    await core.deleteOrganizationRoster(runtime, recordedRoster(props, id));
  },
};

/** Inputs check() accepted, as the program gave them (without the unmanaged people check() carries). */
function checked(raw: Record<string, unknown>): OrganizationRosterInputs {
  return parseCheckedRosterInputs(rosterOnly(coreInputs(raw, OUTPUTS)));
}

/**
 * Inputs as a program would write them to describe the organization as it is: the managed
 * people as they are live, plus every unmanaged person under a key of their own
 * (`unmanaged #107`), which check() then carries into the new inputs with what `unmanaged` will
 * do to them.
 */
function inputsMirroring(state: OrganizationRosterState): OrganizationRosterInputs {
  const operators: Record<string, RosterMember> = {};
  for (const [key, member] of Object.entries(state.operators)) operators[key] = expandedMember(member);
  for (const operator of state.unmanagedOperators) {
    operators[`${UNMANAGED_KEY_PREFIX}${operator.id}`] = { name: operator.name, status: operator.status };
  }
  return { organizationId: state.organizationId, unmanaged: state.unmanaged, operators };
}

/**
 * The program's inputs plus the unmanaged people the last refresh found, each as `unmanaged`
 * will leave them, so that the engine's own `preview --diff` names each person and the change:
 * `~ status: "active" => "inactive"` (deactivate), `- unmanaged #107` (delete), nothing (ignore).
 * Someone the roster now names is adopted instead, and is not carried.
 */
function withUnmanagedOutcomes(
  desired: OrganizationRosterInputs,
  olds: Partial<OrganizationRosterInputs>,
): OrganizationRosterInputs {
  if (olds.organizationId !== desired.organizationId) return desired;
  const operators = { ...desired.operators };
  for (const { adopted, after } of projectUnmanaged(unmanagedEntries(olds), desired)) {
    if (!adopted && after)
      operators[`${UNMANAGED_KEY_PREFIX}${after.id}`] = { name: after.name, status: after.status };
  }
  return { ...desired, operators };
}

/**
 * The people the state last saw, from the old inputs (after a refresh they mirror what is live,
 * `unmanaged #<id>` entries included); undefined before the roster exists in this organization.
 */
function knownPeople(
  olds: Partial<OrganizationRosterInputs>,
  organizationId: number,
): KnownPerson[] | undefined {
  if (olds.organizationId !== organizationId) return undefined;
  const entries = Object.entries(olds.operators ?? {});
  return knownPeopleOf(
    entries.filter(([key]) => !isUnmanagedKey(key)).map(([, member]) => member),
    unmanagedEntries(olds),
  );
}

/** The unmanaged people read() drew into the inputs, as `unmanaged #<id>` entries. */
function unmanagedEntries(olds: Partial<OrganizationRosterInputs>): UnmanagedOperator[] {
  return Object.entries(olds.operators ?? {}).flatMap(([key, member]) =>
    key.startsWith(UNMANAGED_KEY_PREFIX)
      ? [
          {
            id: Number(key.slice(UNMANAGED_KEY_PREFIX.length)),
            name: member.name,
            status: member.status ?? "active",
          },
        ]
      : [],
  );
}

/** Each person's status as the old inputs recorded it, for the notes on what a date changes. */
function recordedStatus(olds: Record<string, unknown>, organizationId: number) {
  const recorded = olds as Partial<OrganizationRosterInputs>;
  const operators = recorded.organizationId === organizationId ? (recorded.operators ?? {}) : {};
  return (key: string) => {
    const member = operators[key];
    return member === undefined ? undefined : (member.status ?? "active");
  };
}

/** The inputs without the unmanaged people check() carries. */
function rosterOnly(inputs: Record<string, unknown>): Record<string, unknown> {
  const operators = inputs.operators;
  if (typeof operators !== "object" || operators === null) return inputs;
  const kept = Object.entries(operators).filter(([key]) => !key.startsWith(UNMANAGED_KEY_PREFIX));
  return { ...inputs, operators: Object.fromEntries(kept) };
}

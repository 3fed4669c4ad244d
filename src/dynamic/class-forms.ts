import type { AnyResourceBehaviour } from "../core/resource-behaviour";
import type { ResourceDeclaration } from "../declarations/declaration";
import { organizationRosterDeclaration } from "../declarations/organization-roster";
import { declaredForm, keyedOrganizationRosterBehaviour } from "./keyed-organization-roster";

/**
 * Where a declared resource's TypeScript class records another form than the declared one
 * (ChatHubOrganizationRoster keeps the form its 0.1.0 stacks recorded): the behaviour its dynamic
 * provider serves, a projection of the declared one, and how a reader of properties alone (the
 * policy pack, the summary) reads its records in the declared form. Every other class records
 * the declared form.
 */
const CLASS_FORMS = new Map<
  string,
  { behaviour: AnyResourceBehaviour; declaredForm(record: Record<string, unknown>): Record<string, unknown> }
>([[organizationRosterDeclaration.token, { behaviour: keyedOrganizationRosterBehaviour, declaredForm }]]);

/** The behaviour the class's dynamic provider serves. */
export function classBehaviour(declaration: Pick<ResourceDeclaration, "token" | "behaviour">) {
  return CLASS_FORMS.get(declaration.token)?.behaviour ?? declaration.behaviour;
}

/** A record (inputs or outputs) of the class's resources, in the declared form. */
export function inDeclaredForm(
  declaration: Pick<ResourceDeclaration, "token">,
  record: Record<string, unknown>,
): Record<string, unknown> {
  return CLASS_FORMS.get(declaration.token)?.declaredForm(record) ?? record;
}

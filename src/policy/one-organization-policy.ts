import type { EnforcementLevel, StackValidationPolicy } from "@pulumi/policy";
import { describeRoster } from "./describe";
import { type DeclaredRoster, declaredRosters } from "./roster-resources";

export const ONE_ORGANIZATION_POLICY = "chathub-one-person-one-organization";

/** Where one person is declared. */
interface Declaration {
  name: string;
  roster: DeclaredRoster;
}

/** A person (a name, compared as ChatHub does) is declared in one organization at most. */
export function oneOrganizationPolicy(enforcementLevel: EnforcementLevel): StackValidationPolicy {
  return {
    name: ONE_ORGANIZATION_POLICY,
    description: "A person is a ChatHub operator of one organization at most.",
    enforcementLevel,
    validateStack: (args, reportViolation) => {
      const declarations = new Map<string, Declaration[]>();
      for (const roster of declaredRosters(args.resources)) {
        if (roster.organizationId === undefined) continue;
        for (const person of roster.people) {
          declarations.set(person.person, [
            ...(declarations.get(person.person) ?? []),
            { name: person.name, roster },
          ]);
        }
      }
      for (const found of declarations.values()) {
        const organizations = new Set(found.map(({ roster }) => roster.organizationId));
        if (organizations.size < 2) continue;
        const where = found.map(({ name, roster }) => `${JSON.stringify(name)} in ${describeRoster(roster)}`);
        reportViolation(
          `${JSON.stringify(found[0]?.name)} is declared in ${organizations.size} organizations (${[...organizations].join(", ")}): ` +
            `${where.join("; ")}. A person may be an operator of one organization only: remove them from all but one.`,
          found[0]?.roster.urn,
        );
      }
    },
  };
}

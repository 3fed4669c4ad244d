import type { EnforcementLevel, ResourceValidationPolicy } from "@pulumi/policy";
import { describeRoster } from "./describe";
import { declaredRoster } from "./roster-resources";

export const UNMANAGED_DELETE_POLICY = "chathub-no-unmanaged-delete";

/** No organization roster deletes the people it does not name: those were added by hand. */
export function unmanagedDeletePolicy(enforcementLevel: EnforcementLevel): ResourceValidationPolicy {
  return {
    name: UNMANAGED_DELETE_POLICY,
    description: 'ChatHub organization rosters do not set unmanaged: "delete".',
    enforcementLevel,
    validateResource: (args, reportViolation) => {
      const roster = declaredRoster({ ...args, parentUrn: args.opts.parent });
      if (roster?.unmanaged !== "delete") return;
      reportViolation(
        `${describeRoster(roster)} sets unmanaged: "delete", which deletes every operator of the organization ` +
          `that its ${roster.people.length} people do not include; this policy pack forbids it. ` +
          'Use unmanaged: "deactivate" (reversible) or "ignore", or name those people in the roster.',
      );
    },
  };
}

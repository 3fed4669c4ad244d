import type { EnforcementLevel, ResourceValidationPolicy } from "@pulumi/policy";
import { describeRoster, listNames } from "./describe";
import { declaredRoster } from "./roster-resources";

export const NAME_PATTERN_POLICY = "chathub-operator-name-pattern";

/** Every operator a resource declares is named as the team's pattern says. */
export function namePatternPolicy(
  pattern: RegExp,
  enforcementLevel: EnforcementLevel,
): ResourceValidationPolicy {
  // A global or sticky pattern remembers where it stopped; a copy without those flags does not.
  const matcher = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ""));
  return {
    name: NAME_PATTERN_POLICY,
    description: `ChatHub operator names match ${pattern}.`,
    enforcementLevel,
    validateResource: (args, reportViolation) => {
      const roster = declaredRoster({ ...args, parentUrn: args.opts.parent });
      if (roster === undefined) return;
      const misnamed = roster.people.map((person) => person.name).filter((name) => !matcher.test(name));
      if (misnamed.length === 0) return;
      reportViolation(
        `${describeRoster(roster)} declares ${listNames(misnamed)}, not matching the name pattern ${pattern}: ` +
          "correct the name in the program or the roster file.",
      );
    },
  };
}

/** Most problems listed in one message; the rest are counted. */
const MAX_LISTED_PROBLEMS = 20;

/**
 * A roster that cannot be used as written: every problem found, each saying where (file, line,
 * entry) and how to fix it. Thrown while the program builds the roster, so `pulumi preview`
 * fails before anything is sent to ChatHub.
 */
export class RosterError extends Error {
  override readonly name = "RosterError";

  constructor(readonly problems: readonly string[]) {
    super(formatProblems(problems));
  }
}

function formatProblems(problems: readonly string[]): string {
  if (problems.length === 1) return problems[0] as string;
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map((problem) => `\n  - ${problem}`);
  const more =
    problems.length > MAX_LISTED_PROBLEMS ? `\n  … and ${problems.length - MAX_LISTED_PROBLEMS} more` : "";
  return `${problems.length} problems:${listed.join("")}${more}`;
}

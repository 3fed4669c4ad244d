/** The vendor's documented limit on an operator's display name. */
export const MAX_OPERATOR_NAME_LENGTH = 100;

/**
 * Why a name would be refused by ChatHub, or undefined when it is acceptable.
 * Length is counted in characters (code points), not UTF-16 units, so "Zoë" is 3.
 */
export function describeNameProblem(name: string): string | undefined {
  if (name.trim() === "") return "name must not be blank";
  const length = [...name].length;
  if (length > MAX_OPERATOR_NAME_LENGTH) {
    return `name must be at most ${MAX_OPERATOR_NAME_LENGTH} characters (got ${length})`;
  }
  return undefined;
}

/** The key under which two names count as "the same" for duplicate detection. */
export function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

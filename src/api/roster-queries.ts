import type { Operator } from "./schemas";
import { isLive, OPERATOR_STATUS } from "./status";

/** Counts per status for one organization, as the vendor's statistics example reports them. */
export interface OperatorStatistics {
  total: number;
  active: number;
  inactive: number;
  deleted: number;
}

/** How ChatHub users compare names: case-insensitive, ignoring surrounding blanks. */
export function normalizeOperatorName(name: string): string {
  return name.normalize("NFC").trim().toLowerCase();
}

/** Every operator with that name; several if the API allowed duplicates. */
function operatorsNamed(operators: readonly Operator[], name: string): Operator[] {
  const wanted = normalizeOperatorName(name);
  return operators.filter((operator) => normalizeOperatorName(operator.name) === wanted);
}

/** The first operator with that name that is not deleted. */
export function firstLiveOperatorNamed(operators: readonly Operator[], name: string): Operator | undefined {
  return operatorsNamed(operators, name).find(isLive);
}

export function activeOnly(operators: readonly Operator[]): Operator[] {
  return operators.filter((operator) => operator.status === OPERATOR_STATUS.active);
}

/** Deleted counts only what the list shows: 0 where ChatHub hides deleted operators. */
export function rosterStatistics(operators: readonly Operator[]): OperatorStatistics {
  const count = (status: Operator["status"]) =>
    operators.filter((operator) => operator.status === status).length;
  return {
    total: operators.length,
    active: count(OPERATOR_STATUS.active),
    inactive: count(OPERATOR_STATUS.inactive),
    deleted: count(OPERATOR_STATUS.deleted),
  };
}

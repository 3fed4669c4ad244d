import { normalizeOperatorName } from "../../api";
import { DATED_PROPERTIES, type OperatorInputs, type OperatorState } from "./inputs";

export interface OperatorDiff {
  changes: boolean;
  replaces: string[];
  deleteBeforeReplace: boolean;
}

/**
 * Status is changed in place; name and organization cannot be (ChatHub has no rename), so a
 * change to either replaces the operator, creating the new one before deleting the old. When
 * only the case of the name changes, the old one goes first: ChatHub would see the new name as
 * a clash with the old. `adopt` only matters at creation; `importFrom` replaces only when it
 * points at another operator than the one managed.
 */
export function diffOperator(id: string, olds: OperatorState, news: OperatorInputs): OperatorDiff {
  const replaces: string[] = [];
  if (olds.organizationId !== news.organizationId) replaces.push("organizationId");
  if (olds.name !== news.name) replaces.push("name");
  if (news.importFrom !== undefined && news.importFrom !== id && news.importFrom !== olds.importFrom) {
    replaces.push("importFrom");
  }
  const onlyCaseChanged =
    replaces.length === 1 &&
    replaces[0] === "name" &&
    normalizeOperatorName(olds.name) === normalizeOperatorName(news.name);
  return {
    // A moved date is recorded (no request when the status stays): the next run judges the new window.
    changes:
      replaces.length > 0 ||
      olds.status !== news.status ||
      DATED_PROPERTIES.some((key) => olds[key] !== news[key]),
    replaces,
    deleteBeforeReplace: onlyCaseChanged,
  };
}

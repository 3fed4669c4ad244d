/** Operator status codes exactly as the ChatHub API sends and accepts them. */
export const OPERATOR_STATUS = { active: 0, inactive: 1, deleted: 2 } as const;

export type OperatorStatusName = keyof typeof OPERATOR_STATUS;
export type OperatorStatusCode = (typeof OPERATOR_STATUS)[OperatorStatusName];

export const OPERATOR_STATUS_NAMES: readonly OperatorStatusName[] = ["active", "inactive", "deleted"];

const NAME_BY_CODE: Record<OperatorStatusCode, OperatorStatusName> = {
  0: "active",
  1: "inactive",
  2: "deleted",
};

/** The readable name of a status code, e.g. 1 → "inactive". */
export function statusName(code: OperatorStatusCode): OperatorStatusName {
  return NAME_BY_CODE[code];
}

/** The API's code for a readable status name, e.g. "deleted" → 2. */
export function statusCode(name: OperatorStatusName): OperatorStatusCode {
  return OPERATOR_STATUS[name];
}

export function isOperatorStatusCode(value: unknown): value is OperatorStatusCode {
  return value === 0 || value === 1 || value === 2;
}

export function isOperatorStatusName(value: unknown): value is OperatorStatusName {
  return typeof value === "string" && (OPERATOR_STATUS_NAMES as readonly string[]).includes(value);
}

import { z } from "zod";

/** Operator status codes exactly as the ChatHub API sends and accepts them. */
export const OPERATOR_STATUS = { active: 0, inactive: 1, deleted: 2 } as const;

export type OperatorStatusName = keyof typeof OPERATOR_STATUS;
export type OperatorStatusCode = (typeof OPERATOR_STATUS)[OperatorStatusName];

/** The code of an operator that still exists (anything but deleted). */
export type LiveStatusCode = Exclude<OperatorStatusCode, typeof OPERATOR_STATUS.deleted>;

/** The statuses a program may ask for: deleting an operator is removing it from the program. */
export const DESIRED_STATUSES = ["active", "inactive"] as const;
export type DesiredStatus = (typeof DESIRED_STATUSES)[number];

/** Every status by name, as a report lists operators (deleted ones where ChatHub lists them). */
export const STATUS_NAMES = [...DESIRED_STATUSES, "deleted"] as const satisfies readonly OperatorStatusName[];

/** A status code as the API carries it. */
export const operatorStatusSchema = z.literal(Object.values(OPERATOR_STATUS), {
  error: "expected 0, 1 or 2",
});

/** How a desired status is described wherever a program writes one (an operator, a roster entry). */
export const DESIRED_STATUS_DESCRIPTION = '"active" (default) or "inactive".';

/** A status a program asks for; `fix` says how to delete instead (it depends on where it is written). */
export function desiredStatusSchema(fix: string) {
  return z.enum(DESIRED_STATUSES, { error: `must be "active" or "inactive" (${fix})` }).default("active");
}

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
export function statusCode<N extends OperatorStatusName>(name: N): (typeof OPERATOR_STATUS)[N] {
  return OPERATOR_STATUS[name];
}

/** Whether an operator still exists for ChatHub's users: anything but deleted (ChatHub keeps deleted ones). */
export function isLive<T extends { status: OperatorStatusCode }>(
  operator: T,
): operator is T & { status: LiveStatusCode } {
  return operator.status !== OPERATOR_STATUS.deleted;
}

/** The status of a live operator, as a program writes it. */
export function liveStatusName(code: OperatorStatusCode): DesiredStatus {
  const name = statusName(code);
  if (name === "deleted") throw new Error("a deleted operator has no live status");
  return name;
}

import type { NamedType } from "./pulumi-types";

/** The package's named types that more than one resource or function uses. */
export const OPERATOR_STATUS_TYPE: NamedType = {
  name: "OperatorStatus",
  description: "An operator's status as a program writes it (ChatHub's 0 and 1).",
};

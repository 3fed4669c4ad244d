import { z } from "zod";
import {
  desiredStatusSchema,
  importOrganizationProblem,
  operatorNameSchema,
  operatorRefSchema,
  organizationIdSchema,
} from "../../api";
import { DESIRED_STATUS_DESCRIPTION } from "../../api/status";
import {
  activeFromSchema,
  activeUntilSchema,
  datedStatus,
  timeZoneSchema,
  windowOrderProblem,
} from "../../roster/active-window";
import { type CheckFailure, failuresOf } from "../check-failures";
import { now } from "../clock";
import { isUnknown } from "../unknown";

/**
 * An operator's inputs, as both adapters check them at `pulumi preview`, from the operator rules
 * every description of an operator shares (src/api/operator-rules.ts). `importFrom` is the
 * dynamic ChatHubOperator's own way in (its `import` option); the native one uses `pulumi import`.
 */
export const operatorInputsSchema = z.strictObject({
  organizationId: organizationIdSchema.describe(
    "The ChatHub organization the operator answers chats for, e.g. 24.",
  ),
  name: operatorNameSchema.describe(`${operatorNameSchema.description} Changing it replaces the operator.`),
  status: desiredStatusSchema("to delete an operator, remove the resource").describe(
    `${DESIRED_STATUS_DESCRIPTION} Deleting an operator is deleting the resource.`,
  ),
  adopt: z
    .boolean({ error: "must be true or false" })
    .default(false)
    .describe(
      "Take over a live operator of the same name instead of failing with a name clash: to bring an existing roster under Pulumi, or to re-run an `up` that was interrupted.",
    ),
  importFrom: operatorRefSchema.optional(),
  // Dated entries (src/roster/active-window.ts): outside the window the status is inactive.
  activeFrom: activeFromSchema.optional(),
  activeUntil: activeUntilSchema.optional(),
  timeZone: timeZoneSchema
    .describe(
      'The time zone in which the dates of `activeFrom` and `activeUntil` are days: an IANA name, e.g. "Europe/Kyiv" (default UTC).',
    )
    .optional(),
});

export type OperatorInputs = z.infer<typeof operatorInputsSchema>;

/** What an operator accepts, as messages list it: importFrom is the class's own (its `import` option). */
const OPERATOR_PROPERTIES = Object.keys(operatorInputsSchema.omit({ importFrom: true }).shape);

/** The properties of a dated operator, recorded only when set. */
export const DATED_PROPERTIES = ["activeFrom", "activeUntil", "timeZone"] as const;

// The two required properties are checked separately, so that a missing one and an unknown one
// (still to be known, during preview) read differently.
const inputsAsGiven = operatorInputsSchema.partial({ organizationId: true, name: true });

/** What an operator's state holds: its inputs and what ChatHub reports. */
export interface OperatorState extends OperatorInputs {
  operatorId: number;
  organizationName?: string;
}

export type CheckedOperatorInputs =
  | { ok: true; inputs: OperatorInputs; unknown: readonly string[] }
  | { ok: false; failures: CheckFailure[] };

/**
 * Validates the inputs a program gave. Properties whose value is not known yet (an output of
 * another resource, during preview) are left for the real run and listed in `unknown`. `resource`
 * names the resource in messages. A dated operator's `status` comes back as it is now (inactive
 * outside its window, by the clock of src/core/clock.ts): what every later step converges to.
 */
export function checkOperatorInputs(
  raw: Record<string, unknown>,
  resource = "ChatHubOperator",
): CheckedOperatorInputs {
  const candidate: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined || value === null) continue;
    if (isUnknown(value)) unknown.push(key);
    else candidate[key] = value;
  }
  const parsed = inputsAsGiven.safeParse(candidate);
  const failures = parsed.success ? [] : failuresOf(parsed.error, resource, OPERATOR_PROPERTIES);
  for (const required of ["organizationId", "name"] as const) {
    if (!(required in candidate) && !unknown.includes(required)) {
      failures.push({ property: required, reason: `${required} is required` });
    }
  }
  if (failures.length > 0 || !parsed.success) return { ok: false, failures };
  const inputs = parsed.data as OperatorInputs;
  const order = windowOrderProblem(inputs, inputs.timeZone);
  if (order !== undefined) return { ok: false, failures: [{ property: "activeUntil", reason: order }] };
  inputs.status = datedStatus(inputs.status, inputs, inputs.timeZone, now());
  if (inputs.importFrom !== undefined && inputs.organizationId !== undefined) {
    const problem = importOrganizationProblem(inputs.importFrom, inputs.organizationId);
    if (problem !== undefined) return { ok: false, failures: [{ property: "importFrom", reason: problem }] };
  }
  return { ok: true, inputs, unknown };
}

import { z } from "zod";
import {
  desiredStatusSchema,
  importOrganizationProblem,
  operatorNameSchema,
  operatorRefSchema,
  organizationIdSchema,
} from "../api";

/** The marker Pulumi puts in place of a value that is not known yet (during preview). */
export const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Key under which Pulumi stores the serialized dynamic provider in every resource's inputs. */
export const PROVIDER_KEY = "__provider";

export const OPERATOR_PROPERTIES = ["organizationId", "name", "status", "adopt", "importFrom"] as const;

/**
 * A ChatHubOperator's inputs, as the provider checks them at `pulumi preview`, from the operator
 * rules every description of an operator shares (src/api/operator-rules.ts).
 */
export const operatorInputsSchema = z.strictObject({
  organizationId: organizationIdSchema,
  name: operatorNameSchema,
  status: desiredStatusSchema("to delete an operator, remove the resource"),
  adopt: z.boolean({ error: "must be true or false" }).default(false),
  importFrom: operatorRefSchema.optional(),
});

export type OperatorInputs = z.infer<typeof operatorInputsSchema>;

// The two required properties are checked separately, so that a missing one and an unknown one
// (still to be known, during preview) read differently.
const inputsAsGiven = operatorInputsSchema.partial({ organizationId: true, name: true });

/** What a ChatHubOperator's state holds: its inputs and what ChatHub reports. */
export interface OperatorState extends OperatorInputs {
  operatorId: number;
  organizationName?: string;
}

export interface CheckFailure {
  property: string;
  reason: string;
}

export type CheckedInputs =
  | { ok: true; inputs: OperatorInputs; unknown: readonly string[] }
  | { ok: false; failures: CheckFailure[] };

/**
 * Validates the inputs a program gave. Properties whose value is not known yet (an Output of
 * another resource, during preview) are left for the real run.
 */
export function checkOperatorInputs(raw: Record<string, unknown>): CheckedInputs {
  const candidate: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (key === PROVIDER_KEY || value === undefined || value === null) continue;
    // Outputs of the resource that the program passed as placeholders are not inputs.
    if (key === "operatorId" || key === "organizationName") continue;
    if (value === UNKNOWN_VALUE) unknown.push(key);
    else candidate[key] = value;
  }
  const parsed = inputsAsGiven.safeParse(candidate);
  const failures: CheckFailure[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) {
          failures.push({
            property: key,
            reason: `"${key}" is not a property of ChatHubOperator; it accepts ${OPERATOR_PROPERTIES.slice(0, 4).join(", ")}: remove it or fix its spelling`,
          });
        }
      } else {
        const property = String(issue.path[0] ?? "");
        failures.push({ property, reason: `${property} ${issue.message}` });
      }
    }
  }
  for (const required of ["organizationId", "name"] as const) {
    if (!(required in candidate) && !unknown.includes(required)) {
      failures.push({ property: required, reason: `${required} is required` });
    }
  }
  if (failures.length > 0 || !parsed.success) return { ok: false, failures };
  const inputs = parsed.data as OperatorInputs;
  if (inputs.importFrom !== undefined && inputs.organizationId !== undefined) {
    const problem = importOrganizationProblem(inputs.importFrom, inputs.organizationId);
    if (problem !== undefined) return { ok: false, failures: [{ property: "importFrom", reason: problem }] };
  }
  return { ok: true, inputs, unknown };
}

/** Parses inputs that check() already accepted (create/update get them from the engine). */
export function parseCheckedInputs(raw: Record<string, unknown>): OperatorInputs {
  const result = checkOperatorInputs(raw);
  if (!result.ok) {
    throw new Error(`invalid ChatHubOperator inputs: ${result.failures.map((f) => f.reason).join("; ")}`);
  }
  return result.inputs;
}

import { z } from "zod";
import { MAX_OPERATOR_NAME_LENGTH } from "../api";

/** The marker Pulumi puts in place of a value that is not known yet (during preview). */
export const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Key under which Pulumi stores the serialized dynamic provider in every resource's inputs. */
export const PROVIDER_KEY = "__provider";

export const OPERATOR_PROPERTIES = ["organizationId", "name", "status", "adopt", "importFrom"] as const;

// C0 and C1 control characters (tabs and newlines included): a display name never needs them.
const CONTROL_CHARACTERS = /\p{Cc}/u;

/**
 * A ChatHubOperator's inputs, as the provider checks them at `pulumi preview`. Each message
 * says what is wrong and how to fix it; the caller adds the operator and the property.
 */
export const operatorInputsSchema = z.strictObject({
  organizationId: z
    .number({ error: "must be a number: the id of the ChatHub organization, e.g. 24" })
    .int({ error: "must be a whole number: the id of the ChatHub organization, e.g. 24" })
    .positive({ error: "must be a positive id: the id of the ChatHub organization, e.g. 24" }),
  name: z
    .string({ error: "must be a string: the operator's display name" })
    .transform((name) => name.trim())
    .pipe(
      z
        .string()
        .min(1, { error: "must not be blank: give the operator's display name" })
        .max(MAX_OPERATOR_NAME_LENGTH, {
          error: (issue) =>
            `is ${String(issue.input).length} characters long; ChatHub allows at most ${MAX_OPERATOR_NAME_LENGTH}: shorten it`,
        })
        .refine((name) => !CONTROL_CHARACTERS.test(name), {
          error: "contains a control character (such as a tab or a newline): remove it",
        }),
    ),
  status: z
    .enum(["active", "inactive"], {
      error: 'must be "active" or "inactive" (to delete an operator, remove the resource)',
    })
    .default("active"),
  adopt: z.boolean({ error: "must be true or false" }).default(false),
  importFrom: z
    .string({ error: 'must be "<organizationId>/<operatorId>", e.g. "24/104"' })
    .regex(/^[1-9]\d*\/[1-9]\d*$/, { error: 'must be "<organizationId>/<operatorId>", e.g. "24/104"' })
    .optional(),
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
    const [organization] = inputs.importFrom.split("/");
    if (Number(organization) !== inputs.organizationId) {
      return {
        ok: false,
        failures: [
          {
            property: "importFrom",
            reason: `import id "${inputs.importFrom}" names organization ${organization}, but organizationId is ${inputs.organizationId}: make them agree`,
          },
        ],
      };
    }
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

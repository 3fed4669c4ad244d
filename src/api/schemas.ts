import { z } from "zod";
import { operatorStatusSchema } from "./status";

/** The vendor's documented limit on an operator's name, in characters as a person counts them. */
export const MAX_OPERATOR_NAME_LENGTH = 100;

/** A name's length in characters (code points, as the emulator counts them): an emoji is one, not two UTF-16 units. */
export function characterCount(name: string): number {
  return [...name].length;
}

const id = z.number().int().positive();

/** An operator as `GET /api/operator` lists it. Extra fields are tolerated (and dropped). */
export const operatorSchema = z.object({
  id,
  name: z.string(),
  status: operatorStatusSchema,
  organization: z.object({ id, name: z.string() }),
});

export const operatorListSchema = z.array(operatorSchema);

/** An operator as `POST /api/operator/synchronize` answers it: no organization object. */
export const synchronizedOperatorSchema = z.object({
  id,
  name: z.string(),
  status: operatorStatusSchema,
});

export const synchronizedOperatorListSchema = z.array(synchronizedOperatorSchema);

/** One element of a synchronize request, checked with the vendor's own recommendations before sending. */
export const newOperatorSchema = z.object({
  organizationId: z
    .number({ error: "must be a number" })
    .int("must be an integer")
    .positive("must be positive"),
  name: z
    .string({ error: "must be a string" })
    .refine((name) => name.trim().length > 0, "must not be blank")
    .refine(
      (name) => characterCount(name) <= MAX_OPERATOR_NAME_LENGTH,
      `must be at most ${MAX_OPERATOR_NAME_LENGTH} characters`,
    ),
});

/** The body of `POST /api/operator/status`. */
export const statusChangeSchema = z.object({
  id: z.number({ error: "must be a number" }).int("must be an integer").positive("must be positive"),
  status: operatorStatusSchema,
});

/** An organization as `GET /api/company/organization` lists it. */
export const organizationSchema = z.object({ id, name: z.string() });

export const organizationListSchema = z.array(organizationSchema);

/** `POST /api/company/get-token` answers the token itself as a JSON string; it goes into a header. */
export const companyTokenSchema = z
  .string()
  .regex(/^[^\s\p{Cc}]+$/u, { error: "expected a non-empty token without whitespace" });

export type Organization = z.infer<typeof organizationSchema>;
export type Operator = z.infer<typeof operatorSchema>;
export type SynchronizedOperator = z.infer<typeof synchronizedOperatorSchema>;
export type NewOperator = z.infer<typeof newOperatorSchema>;
export type StatusChange = z.infer<typeof statusChangeSchema>;

import { z } from "zod";
import { describeNameProblem } from "./operator-name";

/** One problem with a request, in the shape the emulator's 400 answers use. */
export interface FieldProblem {
  index?: number;
  field: string;
  message: string;
}

function positiveInteger(field: string) {
  const message = `${field} must be a positive integer`;
  return z
    .int({ error: (issue) => (issue.input === undefined ? `${field} is required` : message) })
    .positive({ error: message });
}

/** GET /api/operator?organizationId=N — the query string holds text, so the integer is checked as text. */
export const listQuerySchema = z.object({
  organizationId: z
    .string({
      error: (issue) =>
        issue.input === undefined ? "organizationId is required" : "organizationId must be given once",
    })
    .regex(/^[1-9][0-9]{0,14}$/, { error: "organizationId must be a positive integer" })
    .transform(Number),
});

/** One entry of the synchronize array; extra keys are ignored, as a lenient server would. */
export const synchronizeEntrySchema = z.object(
  {
    organizationId: positiveInteger("organizationId"),
    name: z
      .string({
        error: (issue) => (issue.input === undefined ? "name is required" : "name must be a string"),
      })
      .check((context) => {
        const problem = describeNameProblem(context.value);
        if (problem) context.issues.push({ code: "custom", message: problem, input: context.value });
      }),
  },
  { error: "each entry must be an object { organizationId, name }" },
);

export type SynchronizeEntry = z.infer<typeof synchronizeEntrySchema>;

/** POST /api/operator/status */
export const statusChangeSchema = z.object(
  {
    id: positiveInteger("id"),
    status: z.union([z.literal(0), z.literal(1), z.literal(2)], {
      error: (issue) => (issue.input === undefined ? "status is required" : "status must be 0, 1 or 2"),
    }),
  },
  { error: "the body must be a JSON object { id, status }" },
);

/** Turns zod issues into field problems; an issue about the whole value is reported as field "body" or "entry". */
export function toFieldProblems(error: z.ZodError, wholeValueField: string, index?: number): FieldProblem[] {
  return error.issues.map((issue) => ({
    ...(index === undefined ? {} : { index }),
    field: issue.path.length > 0 ? issue.path.map(String).join(".") : wholeValueField,
    message: issue.message,
  }));
}

import { z } from "zod";
import { characterCount, MAX_OPERATOR_NAME_LENGTH } from "./schemas";

/**
 * What makes an operator's description valid, written once for every place a program describes
 * operators (a ChatHubOperator's inputs, a roster entry). Each message says what is wrong and how
 * to fix it; the caller names the operator and the property.
 */

// C0 and C1 control characters (tabs and newlines included): a display name never needs them.
const CONTROL_CHARACTERS = /\p{Cc}/u;

export const organizationIdSchema = z
  .number({ error: "must be a number: the id of the ChatHub organization, e.g. 24" })
  .int({ error: "must be a whole number: the id of the ChatHub organization, e.g. 24" })
  .positive({ error: "must be a positive id: the id of the ChatHub organization, e.g. 24" });

/** An operator's name as ChatHub reports it (in a list), not checked as a program's is. */
export const reportedNameSchema = z.string().describe("Display name.");

/** A display name, trimmed (ChatHub compares names trimmed): 1–100 characters, no control character. */
export const operatorNameSchema = z
  .string({ error: "must be a string: the operator's display name" })
  .transform((name) => name.trim())
  .pipe(
    z
      .string()
      .min(1, { error: "must not be blank: give the operator's display name" })
      .refine((name) => characterCount(name) <= MAX_OPERATOR_NAME_LENGTH, {
        error: (issue) =>
          `is ${characterCount(String(issue.input))} characters long; ChatHub allows at most ${MAX_OPERATOR_NAME_LENGTH}: shorten it`,
      })
      .refine((name) => !CONTROL_CHARACTERS.test(name), {
        error: "contains a control character (such as a tab or a newline): remove it",
      }),
  )
  .describe("Display name, 1–100 characters, unique in the organization (case-insensitive).");

const OPERATOR_REF = /^([1-9]\d*)\/([1-9]\d*)$/;
const OPERATOR_REF_FORMAT = '"<organizationId>/<operatorId>", e.g. "24/104"';

/**
 * "<organizationId>/<operatorId>": how an operator is named across ChatHub, since reading one
 * means listing its organization. It is a ChatHubOperator's Pulumi id and every `import` id.
 */
export const operatorRefSchema = z
  .string({ error: `must be ${OPERATOR_REF_FORMAT}` })
  .regex(OPERATOR_REF, { error: `must be ${OPERATOR_REF_FORMAT}` });

export function formatOperatorRef(organizationId: number, operatorId: number): string {
  return `${organizationId}/${operatorId}`;
}

export function parseOperatorRef(ref: string): { organizationId: number; operatorId: number } {
  const match = OPERATOR_REF.exec(ref);
  if (!match) throw new Error(`"${ref}" is not an operator id: expected ${OPERATOR_REF_FORMAT}`);
  return { organizationId: Number(match[1]), operatorId: Number(match[2]) };
}

/** Why an import id cannot be used in an organization (it names another), or undefined when it can. */
export function importOrganizationProblem(importId: string, organizationId: number): string | undefined {
  const { organizationId: named } = parseOperatorRef(importId);
  if (named === organizationId) return undefined;
  return `import "${importId}" names organization ${named}, but organizationId is ${organizationId}: make them agree`;
}

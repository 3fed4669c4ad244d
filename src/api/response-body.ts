import type { z } from "zod";

export type BodyCheck<T> = { ok: true; value: T } | { ok: false; problem: string };

const MAX_ISSUES_SHOWN = 3;

/**
 * Parses a raw response body as JSON whatever its content type (ChatHub may serve JSON as
 * text/plain) and checks it against a schema, describing the first problems by field path.
 */
export function checkJsonBody<S extends z.ZodType>(schema: S, body: unknown): BodyCheck<z.infer<S>> {
  const parsed = parseJson(body);
  if (!parsed.ok) return parsed;
  const result = schema.safeParse(parsed.value, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  const shown = result.error.issues.slice(0, MAX_ISSUES_SHOWN).map(describeIssue);
  const more = result.error.issues.length - shown.length;
  return { ok: false, problem: shown.join("; ") + (more > 0 ? ` (and ${more} more)` : "") };
}

function parseJson(body: unknown): BodyCheck<unknown> {
  if (typeof body !== "string") return { ok: true, value: body };
  if (body.trim().length === 0) return { ok: false, problem: "empty body, expected JSON" };
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    return { ok: false, problem: `body is not JSON: ${JSON.stringify(preview(body))}` };
  }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length === 0 ? "body" : formatPath(issue.path);
  const got =
    issue.message.includes("received") || issue.input === undefined
      ? ""
      : `, got ${inputPreview(issue.input)}`;
  return `${where}: ${issue.message}${got}`;
}

/** `[2].organization.id` style, as a reader would index the JSON. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, position) => {
      if (typeof segment === "number") return `[${segment}]`;
      const name = String(segment);
      return position === 0 ? name : `.${name}`;
    })
    .join("");
}

function inputPreview(input: unknown): string {
  if (input === null || typeof input !== "object") return preview(JSON.stringify(input) ?? String(input));
  return Array.isArray(input) ? "an array" : "an object";
}

function preview(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

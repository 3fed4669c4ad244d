import { z } from "zod";
import { parseUrn } from "../core/urn";

/**
 * The part of `pulumi preview --json` the summary reads: each step's operation, URN and the
 * resource's old and new inputs and outputs. Everything else (config, diagnostics' text, the
 * provider's inputs) is never read, so nothing else of the JSON can reach the summary.
 */

/** A resource's inputs or outputs: any values, read field by field by the kinds that know them. */
const properties = z.record(z.string(), z.unknown()).optional();

const resourceStateSchema = z.object({
  type: z.string(),
  inputs: properties,
  outputs: properties,
  retainOnDelete: z.boolean().optional(),
});
export type ResourceState = z.infer<typeof resourceStateSchema>;

const stepSchema = z.object({
  op: z.string(),
  urn: z.string(),
  oldState: resourceStateSchema.optional(),
  newState: resourceStateSchema.optional(),
});
export type PreviewStep = z.infer<typeof stepSchema>;

export const previewJsonSchema = z.object({
  steps: z.array(stepSchema).default([]),
  // Counted, never quoted: an error's text is the preview's to show, with its own redaction.
  diagnostics: z.array(z.object({ severity: z.string() })).default([]),
});
export type PreviewJson = z.infer<typeof previewJsonSchema>;

/** The preview's JSON, parsed, or an error saying what the text is not. */
export function parsePreviewJson(text: string, source: string): PreviewJson {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error(`${source} is not JSON: give the output of \`pulumi preview --json\`.`);
  }
  const parsed = previewJsonSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const where = parsed.error.issues[0]?.path.map(String).join(".") ?? "";
  throw new Error(
    `${source} is not the output of \`pulumi preview --json\` (unexpected ${where === "" ? "top level" : where}).`,
  );
}

/** The resource's name in the program, as its URN holds it. */
export function resourceNameOf(urn: string): string {
  return parseUrn(urn)?.name ?? urn;
}

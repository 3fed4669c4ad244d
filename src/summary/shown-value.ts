import { z } from "zod";

/**
 * Values of the preview's JSON that may be shown. A secret reaches the JSON as "[secret]" (as
 * itself only under `pulumi preview --show-secrets`, which the recipes never pass) or as
 * ciphertext (an object); a value not known yet as the engine's marker. None of those is shown:
 * the summary says the name is not known instead.
 */

const SECRET_MARKER = "[secret]";
/** How the engine spells a value unknown during preview. */
const UNKNOWN_MARKER = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** A name fit to print: a plain string, without control characters, or undefined. */
export function shownName(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  if (value === SECRET_MARKER || value === UNKNOWN_MARKER) return undefined;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const cleaned = value.replace(/[\u0000-\u001f\u007f]/g, " ").trim();
  return cleaned === "" ? undefined : cleaned;
}

/** An id: a positive whole number, or undefined. */
export function shownId(value: unknown): number | undefined {
  const parsed = z.number().int().positive().safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

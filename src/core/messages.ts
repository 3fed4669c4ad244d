/** Most items listed in one message. */
const MOST_LISTED = 10;

/** Items joined with "; ", the rest counted: a message stays readable for 5,000 people. */
export function listed(items: readonly string[], most = MOST_LISTED): string {
  const shown = items.slice(0, most).join("; ");
  return items.length > most ? `${shown}; … and ${items.length - most} more` : shown;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

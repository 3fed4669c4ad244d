/**
 * The one clock of the provider: dated roster entries (activeFrom, activeUntil) are judged against
 * it. `CHATHUB_NOW` (an ISO 8601 date-time, e.g. 2026-12-31T00:15:00Z) sets it, so that tests and
 * a recipe's dry run can ask "what would `up` do at that moment" without waiting for it.
 */
export const CLOCK_VARIABLE = "CHATHUB_NOW";

const DATE_TIME_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Now, or the moment CHATHUB_NOW names; a malformed CHATHUB_NOW is an error, not the real time. */
export function now(environment: NodeJS.ProcessEnv = process.env): Date {
  const given = environment[CLOCK_VARIABLE]?.trim();
  if (given === undefined || given === "") return new Date();
  const moment = new Date(given);
  if (!DATE_TIME_WITH_ZONE.test(given) || Number.isNaN(moment.getTime())) {
    throw new Error(
      `${CLOCK_VARIABLE}=${JSON.stringify(given)} is not an ISO 8601 date-time with a zone: write e.g. 2026-12-31T00:15:00Z, or unset it to use the real clock`,
    );
  }
  return moment;
}

/**
 * An operation that failed after part of it was applied in ChatHub. `state` is what is true in
 * ChatHub now; each adapter hands it to the engine as a partial result (recorded under `id`), so
 * the next `up` finishes the job instead of creating the resource again.
 */
export class PartialFailure extends Error {
  constructor(
    message: string,
    readonly id: string,
    readonly state: Record<string, unknown>,
  ) {
    super(message);
    this.name = "PartialFailure";
  }
}

export function isPartialFailure(error: unknown): error is PartialFailure {
  return error instanceof PartialFailure;
}

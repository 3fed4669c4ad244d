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

/**
 * Runs an operation; a PartialFailure it throws becomes the error `recast` makes of it (each
 * adapter's form of a partial result). Any other error passes through.
 */
export async function recastPartialFailure<T>(
  operation: () => Promise<T>,
  recast: (failure: PartialFailure) => Error,
): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw isPartialFailure(error) ? recast(error) : error;
  }
}

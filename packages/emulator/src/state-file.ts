import { randomBytes } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { z } from "zod";
import type { StoreSnapshot } from "./store";

const positiveId = z.number().int().positive();

/**
 * The JSON file layout; the store re-checks its invariants after loading.
 * Tokens are deliberately not part of it: a state file must never hold a secret.
 */
const stateFileSchema = z.object({
  version: z.literal(1),
  nextOperatorId: positiveId,
  organizations: z.array(z.object({ id: positiveId, name: z.string().min(1) })),
  operators: z.array(
    z.object({
      id: positiveId,
      // Name rules are checked by the store's invariants after loading.
      name: z.string(),
      status: z.union([z.literal(0), z.literal(1), z.literal(2)]),
      organizationId: positiveId,
    }),
  ),
});

/** The snapshot stored at `path`, or undefined when there is no such file yet. */
export async function loadStateFile(path: string): Promise<StoreSnapshot | undefined> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`state file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = stateFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`state file ${path} is not an emulator state file: ${z.prettifyError(parsed.error)}`);
  }
  const { organizations, operators, nextOperatorId } = parsed.data;
  return { organizations, operators, nextOperatorId };
}

interface PendingWrite {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Persists the store to one JSON file.
 * Writes are atomic (temporary file + rename, so a reader never sees half a file) and
 * serialized: while one write runs, later requests coalesce into a single follow-up
 * write of the then-current snapshot, so no change is lost and writes never overlap.
 */
export class StateFileWriter {
  private writing: Promise<void> | undefined;
  private pending: PendingWrite | undefined;

  constructor(
    readonly path: string,
    private readonly takeSnapshot: () => StoreSnapshot,
  ) {}

  /** Resolves once a write that includes every change made before this call has completed. */
  save(): Promise<void> {
    if (this.pending) return this.pending.promise;
    let resolve!: () => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    this.pending = { promise, resolve, reject };
    if (!this.writing) this.startNextWrite();
    return promise;
  }

  /** Resolves when no write is running or waiting. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing.catch(() => undefined);
  }

  private startNextWrite(): void {
    const batch = this.pending;
    if (!batch) return;
    this.pending = undefined;
    // The snapshot is taken now, synchronously, so it holds every change the batch covers.
    const snapshot = this.takeSnapshot();
    this.writing = this.writeAtomically(snapshot)
      .then(batch.resolve, batch.reject)
      .finally(() => {
        this.writing = undefined;
        this.startNextWrite();
      });
  }

  private async writeAtomically(snapshot: StoreSnapshot): Promise<void> {
    const temporaryPath = `${this.path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
    const document = { version: 1, ...snapshot };
    try {
      await writeFile(temporaryPath, `${JSON.stringify(document, null, 2)}\n`, "utf8");
      await rename(temporaryPath, this.path);
    } catch (error) {
      await rm(temporaryPath, { force: true });
      throw new Error(`could not write the emulator state file ${this.path}: ${(error as Error).message}`);
    }
  }
}

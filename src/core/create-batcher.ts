import {
  type ChatHubApiError,
  type ChatHubClient,
  isChatHubAmbiguousError,
  isChatHubApiError,
  isLive,
  normalizeOperatorName,
  type Operator,
  type OperatorStatusCode,
  REAL_TIMER,
  type SynchronizedOperator,
} from "../api";
import { NameClashError } from "./errors";

/** The vendor's chunk size for bulk imports. */
export const MAX_SYNCHRONIZE_BATCH = 100;

export interface CreateBatcherOptions {
  /** Quiet time after the last arrival before a batch is sent. */
  quietMs: number;
  /** Longest time the first arrival waits for others. */
  maxWaitMs: number;
  /** Re-sends allowed for operators a lost answer did not create. */
  maxReconcileRounds: number;
}

// Pulumi dispatches creates as the program registers resources (hundreds a second) but never
// more at once than `--parallel`: a batch closes when arrivals pause, or at 100.
export const DEFAULT_CREATE_BATCHER_OPTIONS: CreateBatcherOptions = {
  quietMs: 150,
  maxWaitMs: 5000,
  maxReconcileRounds: 5,
};

export interface CreatedOperator {
  id: number;
  name: string;
  status: OperatorStatusCode;
  /** True when an existing operator was taken over instead of created. */
  adopted: boolean;
}

interface PendingCreate {
  name: string;
  adopt: boolean;
  resolve: (created: CreatedOperator) => void;
  reject: (error: unknown) => void;
}

/**
 * Coalesces the creates of one organization that arrive together into synchronize calls of at
 * most 100 operators. Batches of an organization go one at a time, each after a fresh look at
 * the roster, so that names can be checked against what exists. A batch whose answer is lost
 * is reconciled by listing (never re-sent blindly), and an entry ChatHub refuses is isolated so
 * that its neighbours are still created.
 */
export class OrganizationCreateBatcher {
  readonly #pending: PendingCreate[] = [];
  #timer: NodeJS.Timeout | undefined;
  /** When the oldest create still pending started to wait. */
  #waitingSince = 0;
  #lastArrival = 0;
  #running = false;

  constructor(
    private readonly client: ChatHubClient,
    readonly organizationId: number,
    private readonly options: CreateBatcherOptions = DEFAULT_CREATE_BATCHER_OPTIONS,
    /** The clock the quiet and waiting times are measured on, in milliseconds. */
    private readonly now: () => number = REAL_TIMER.now,
  ) {}

  /** Creates one operator (or, with adopt, takes over a live one of the same name). */
  create(name: string, adopt: boolean): Promise<CreatedOperator> {
    return new Promise((resolve, reject) => {
      this.#lastArrival = this.now();
      if (this.#pending.length === 0) this.#waitingSince = this.#lastArrival;
      this.#pending.push({ name, adopt, resolve, reject });
      this.#schedule();
    });
  }

  /**
   * Creates names the caller has just checked against `listed` (none of them is live): synchronize
   * calls of up to 100, one after another, without the look before each batch that `create` takes,
   * and with the same handling of lost answers and refused entries. For a whole roster at once.
   */
  async createChecked(
    names: readonly string[],
    listed: readonly Operator[],
  ): Promise<PromiseSettledResult<CreatedOperator>[]> {
    const entries = names.map((name) => {
      let entry = { name, adopt: true } as PendingCreate;
      const promise = new Promise<CreatedOperator>((resolve, reject) => {
        entry = { name, adopt: true, resolve, reject };
      });
      return { entry, promise };
    });
    const knownIds = new Set(listed.map((operator) => operator.id));
    for (let start = 0; start < entries.length; start += MAX_SYNCHRONIZE_BATCH) {
      const batch = entries.slice(start, start + MAX_SYNCHRONIZE_BATCH).map(({ entry }) => entry);
      await this.#send(batch, knownIds, 0);
    }
    return Promise.allSettled(entries.map(({ promise }) => promise));
  }

  /** Sends the next batch when it is full, when arrivals pause, or when its oldest has waited long enough. */
  #schedule(): void {
    if (this.#running || this.#pending.length === 0) return; // a running batch reschedules when done
    if (this.#timer) clearTimeout(this.#timer);
    const full = this.#pending.length >= MAX_SYNCHRONIZE_BATCH;
    const due = Math.min(
      this.#lastArrival + this.options.quietMs,
      this.#waitingSince + this.options.maxWaitMs,
    );
    this.#timer = setTimeout(() => void this.#sendNextBatch(), full ? 0 : Math.max(0, due - this.now()));
  }

  async #sendNextBatch(): Promise<void> {
    this.#timer = undefined;
    this.#running = true;
    const batch = this.#pending.splice(0, MAX_SYNCHRONIZE_BATCH);
    // Creates left over have waited as long as this batch did; they go next without a full wait.
    this.#waitingSince = Math.min(this.#waitingSince, this.#lastArrival);
    try {
      await this.#process(batch);
    } finally {
      this.#running = false;
      this.#schedule();
    }
  }

  async #process(batch: PendingCreate[]): Promise<void> {
    let roster: Operator[];
    try {
      roster = await this.client.listOperators(this.organizationId);
    } catch (error) {
      for (const entry of batch) entry.reject(error);
      return;
    }
    const liveByName = new Map<string, Operator>();
    for (const operator of roster) {
      const key = normalizeOperatorName(operator.name);
      if (isLive(operator) && !liveByName.has(key)) liveByName.set(key, operator);
    }
    const toSend: PendingCreate[] = [];
    const namesInBatch = new Set<string>();
    for (const entry of batch) {
      const key = normalizeOperatorName(entry.name);
      const existing = liveByName.get(key);
      if (existing && entry.adopt) {
        entry.resolve({ id: existing.id, name: existing.name, status: existing.status, adopted: true });
      } else if (existing) {
        entry.reject(new NameClashError(this.organizationId, existing));
      } else if (namesInBatch.has(key)) {
        entry.reject(
          new Error(
            `Another resource in this program is creating an operator named "${entry.name}" in organization ${this.organizationId}: ChatHub names are case-insensitive, so give each operator a distinct name`,
          ),
        );
      } else {
        namesInBatch.add(key);
        toSend.push(entry);
      }
    }
    await this.#send(toSend, new Set(roster.map((operator) => operator.id)), 0);
  }

  async #send(entries: PendingCreate[], knownIds: ReadonlySet<number>, round: number): Promise<void> {
    if (entries.length === 0) return;
    let created: SynchronizedOperator[];
    try {
      created = await this.client.synchronize(
        entries.map((entry) => ({ organizationId: this.organizationId, name: entry.name })),
      );
    } catch (error) {
      if (isChatHubAmbiguousError(error) || (isChatHubApiError(error) && error.kind === "invalid-response")) {
        await this.#reconcile(entries, knownIds, round, error);
      } else if (isChatHubApiError(error) && error.kind === "validation" && entries.length > 1) {
        await this.#isolate(entries, knownIds, round);
      } else {
        for (const entry of entries) entry.reject(error);
      }
      return;
    }
    entries.forEach((entry, index) => {
      const operator = created[index] as SynchronizedOperator;
      entry.resolve({ id: operator.id, name: operator.name, status: operator.status, adopted: false });
    });
  }

  /** ChatHub refused the batch as a whole: halve it until the refused entries stand alone. */
  async #isolate(entries: PendingCreate[], knownIds: ReadonlySet<number>, round: number): Promise<void> {
    const middle = Math.ceil(entries.length / 2);
    await this.#send(entries.slice(0, middle), knownIds, round);
    await this.#send(entries.slice(middle), knownIds, round);
  }

  /**
   * The answer was lost: ChatHub may have created some, all or none of the entries. A fresh list
   * tells: an operator of the same name that was not there before the send is ours. The entries it
   * does not show are sent again only when ChatHub is known to have finished with the request;
   * otherwise they fail, unconfirmed, and the next `up` (which lists first) settles them.
   */
  async #reconcile(
    entries: PendingCreate[],
    knownIds: ReadonlySet<number>,
    round: number,
    cause: ChatHubApiError,
  ): Promise<void> {
    this.client.invalidate(this.organizationId);
    let roster: Operator[];
    try {
      roster = await this.client.listOperators(this.organizationId);
    } catch (error) {
      for (const entry of entries) entry.reject(unconfirmed(this.organizationId, entry.name, cause, error));
      return;
    }
    const newcomers = roster.filter((operator) => !knownIds.has(operator.id) && isLive(operator));
    const claimed = new Set<number>();
    const missing: PendingCreate[] = [];
    for (const entry of entries) {
      const key = normalizeOperatorName(entry.name);
      const mine = newcomers.find(
        (operator) => !claimed.has(operator.id) && normalizeOperatorName(operator.name) === key,
      );
      if (mine) {
        claimed.add(mine.id);
        entry.resolve({ id: mine.id, name: mine.name, status: mine.status, adopted: false });
      } else {
        missing.push(entry);
      }
    }
    if (missing.length === 0) return;
    if (mayStillBeApplied(cause)) {
      // A timeout, a lost connection or a gateway's 502/504 does not stop ChatHub: it may create
      // them after this list (the vendor's open question "Are responses to a request that timed out
      // applied anyway?": assume they may be), and sending them again would make duplicates.
      for (const entry of missing) {
        entry.reject(unconfirmed(this.organizationId, entry.name, cause, undefined, true));
      }
      return;
    }
    if (round + 1 > this.options.maxReconcileRounds) {
      for (const entry of missing) entry.reject(unconfirmed(this.organizationId, entry.name, cause));
      return;
    }
    await this.#send(missing, new Set(roster.map((operator) => operator.id)), round + 1);
  }
}

/**
 * Whether ChatHub may still be working on a synchronize that failed without a usable answer, and
 * so create operators after the list that reconciles it. Only an answer from ChatHub itself (a 500
 * or 503, or an unexpected 200) says it is done with the request; a 502 or 504 comes from a gateway
 * that gave up waiting for it.
 */
function mayStillBeApplied(cause: ChatHubApiError): boolean {
  if (cause.kind === "invalid-response") return false;
  return cause.status === undefined || cause.status === 502 || cause.status === 504;
}

function unconfirmed(
  organizationId: number,
  name: string,
  cause: ChatHubApiError,
  listError?: unknown,
  stillPending = false,
): Error {
  const why =
    listError instanceof Error
      ? ` Listing the organization to check failed too (${listError.message}).`
      : stillPending
        ? " The list that followed does not show it yet, but ChatHub may still be creating it."
        : "";
  return new Error(
    `Could not confirm whether ChatHub created operator "${name}" in organization ${organizationId}: ${cause.message}${why} ` +
      "Nothing was re-sent blindly. Run `pulumi up` again: it lists the organization before creating, so it never makes a duplicate " +
      "(an operator that was created after all is reported then, with how to adopt it).",
  );
}

import type { NewOperator } from "./schemas";

/** What went wrong, in terms a caller can act on. */
export type ChatHubErrorKind =
  | "validation" // 400, or refused before sending because the input breaks the vendor's rules
  | "unauthorized" // 401
  | "forbidden" // 403
  | "not-found" // 404
  | "rate-limited" // 429
  | "server" // 5xx
  | "network" // no answer, and the request is known not to have been applied (or is safe to repeat)
  | "timeout"
  | "ambiguous" // a synchronize whose outcome is unknown
  | "invalid-response" // an answer that does not have the documented shape
  | "http"; // any other HTTP status

export interface ChatHubApiErrorFields {
  kind: ChatHubErrorKind;
  message: string;
  /** HTTP method of the request, e.g. "GET". */
  method: string;
  /** Path and query of the request, never the full URL. */
  path: string;
  status?: number;
  /** The message the server put in its error body, if any. */
  serverMessage?: string;
  /** The server's validation details for a 400 (e.g. an `errors` array), or ours for input refused before sending. */
  details?: unknown;
  /** Whether repeating the same call later may succeed. */
  retryable: boolean;
}

/**
 * Every failure of the ChatHub client. Built only from safe fields (never from an AxiosError,
 * whose config carries the Authorization header), so it can be logged, stringified and inspected.
 */
export class ChatHubApiError extends Error {
  override readonly name: string = "ChatHubApiError";
  readonly kind: ChatHubErrorKind;
  readonly method: string;
  readonly path: string;
  readonly status?: number;
  readonly serverMessage?: string;
  readonly details?: unknown;
  readonly retryable: boolean;

  constructor(fields: ChatHubApiErrorFields) {
    super(fields.message);
    this.kind = fields.kind;
    this.method = fields.method;
    this.path = fields.path;
    if (fields.status !== undefined) this.status = fields.status;
    if (fields.serverMessage !== undefined) this.serverMessage = fields.serverMessage;
    if (fields.details !== undefined) this.details = fields.details;
    this.retryable = fields.retryable;
  }
}

/**
 * A synchronize that may or may not have created the operators (timeout, lost connection, 5xx).
 * It is never re-sent automatically: list the organization and reconcile against `sent`.
 */
export class ChatHubAmbiguousError extends ChatHubApiError {
  override readonly name: string = "ChatHubAmbiguousError";
  override readonly kind = "ambiguous" as const;
  /** The operators the request asked to create. */
  readonly sent: readonly NewOperator[];

  constructor(fields: Omit<ChatHubApiErrorFields, "kind" | "retryable">, sent: readonly NewOperator[]) {
    super({ ...fields, kind: "ambiguous", retryable: false });
    this.sent = sent.map((operator) => ({ ...operator }));
  }
}

/** A client setting that cannot work; `configKey` names the Pulumi config key or option to fix. */
export class ChatHubConfigError extends Error {
  override readonly name: string = "ChatHubConfigError";
  readonly configKey: string;

  constructor(configKey: string, message: string) {
    super(message);
    this.configKey = configKey;
  }
}

export function isChatHubApiError(error: unknown): error is ChatHubApiError {
  return error instanceof ChatHubApiError;
}

export function isChatHubAmbiguousError(error: unknown): error is ChatHubAmbiguousError {
  return error instanceof ChatHubAmbiguousError;
}

import { type AxiosError, isAxiosError } from "axios";
import { z } from "zod";
import { ChatHubAmbiguousError, ChatHubApiError, type ChatHubErrorKind } from "./errors";
import type { Redactor } from "./redact";
import { attemptsMade, isTimeout } from "./retry";
import type { NewOperator } from "./schemas";

/** What a failed call was about, for the error message. */
export interface FailedCall {
  method: string;
  /** Path and query. */
  path: string;
  /** What the call concerned, e.g. "organization 24" or "operator 104". */
  subject: string;
  timeoutMs: number;
  /** Set for synchronize: the operators sent, whose creation may be in doubt. */
  sent?: readonly NewOperator[];
  /** How to fix refused credentials; the token's config keys unless the client signs in with a login. */
  credentialsFix?: string;
}

/** Network failures that happen before any byte of the request reaches the server. */
const NOTHING_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "ERR_INVALID_URL",
  "ERR_BAD_OPTION",
  "ERR_BAD_OPTION_VALUE",
]);

const TOKEN_FIX =
  "set a valid one with `pulumi config set --secret chathub:token <token>` or the CHATHUB_TOKEN environment variable";

/** For a client that signs in: its token was fresh, so the login's company lacks access. */
export const SIGNED_IN_TOKEN_FIX =
  "the token was obtained by signing in with chathub:login just before, so the login's company has no access to it: use the login of the company that owns it";

/**
 * Turns whatever a request threw into a ChatHubApiError, reading only safe fields of the
 * AxiosError (its config and request carry the Authorization header) and redacting the token
 * from anything the server sent back.
 */
export function describeFailure(error: unknown, call: FailedCall, redactor: Redactor): ChatHubApiError {
  if (error instanceof ChatHubApiError) return error;
  if (!isAxiosError(error)) {
    const reason = redactor.text(error instanceof Error ? error.message : String(error));
    return unanswered(call, "network", `failed before ChatHub answered: ${reason}`, true);
  }
  const attempts = attemptsMade(error);
  const afterAttempts = attempts > 1 ? ` after ${attempts} attempts` : "";
  if (error.response) return answered(error, call, afterAttempts, redactor);
  if (isTimeout(error)) {
    if (call.sent) return ambiguous(call, `timed out after ${call.timeoutMs} ms`);
    return new ChatHubApiError({
      kind: "timeout",
      method: call.method,
      path: call.path,
      retryable: true,
      message:
        `${call.method} ${call.path} (${call.subject}) timed out after ${call.timeoutMs} ms` +
        `${attempts > 1 ? ` on each of ${attempts} attempts` : ""}: ` +
        "ChatHub is slow or unreachable; raise chathub:timeoutMs or check chathub:baseUrl (CHATHUB_BASE_URL).",
    });
  }
  const code = error.code ?? "unknown error";
  const reason = `${code}: ${redactor.text(error.message)}`;
  if (call.sent && !NOTHING_SENT_CODES.has(code)) return ambiguous(call, `lost its connection (${reason})`);
  return unanswered(
    call,
    "network",
    `could not reach ChatHub${afterAttempts} (${reason}); check chathub:baseUrl (CHATHUB_BASE_URL) and the network`,
    !NOTHING_SENT_CODES.has(code) || code === "ECONNREFUSED",
  );
}

function answered(
  error: AxiosError,
  call: FailedCall,
  afterAttempts: string,
  redactor: Redactor,
): ChatHubApiError {
  const response = error.response;
  const status = response?.status ?? 0;
  const { serverMessage } = readErrorBody(response?.data, redactor);
  const said = serverMessage ? `: ${serverMessage}` : "";
  const answer = `${status}${response?.statusText ? ` ${redactor.text(response.statusText)}` : ""}`;
  const where = `${call.method} ${call.path}`;
  const common = { method: call.method, path: call.path, status, serverMessage };

  if (call.sent && status >= 500)
    return ambiguous(call, `failed with ${answer}${said}`, status, serverMessage);

  const failure = (kind: ChatHubErrorKind, retryable: boolean, message: string) =>
    new ChatHubApiError({ ...common, kind, retryable, message });

  switch (kind(status)) {
    case "validation":
      return failure(
        "validation",
        false,
        `ChatHub rejected ${where} (${call.subject}) as invalid (400)${said}`,
      );
    case "unauthorized":
      return failure(
        "unauthorized",
        false,
        `ChatHub refused the company token (401 on ${where}): it is invalid or expired, or has no access to ${call.subject}; ${call.credentialsFix ?? TOKEN_FIX}.`,
      );
    case "forbidden":
      return failure(
        "forbidden",
        false,
        `The company token has no access to ${call.subject} (403 on ${where})${said}; ` +
          "use a token of the company that owns it, or check the organization id.",
      );
    case "not-found":
      return failure(
        "not-found",
        false,
        `ChatHub answered 404 for ${where} (${call.subject})${said}. Either it does not exist, ` +
          "or chathub:baseUrl (CHATHUB_BASE_URL) does not point at the ChatHub API root.",
      );
    case "rate-limited":
      return failure(
        "rate-limited",
        true,
        `ChatHub kept rate-limiting ${where} (${call.subject}) with 429${afterAttempts}` +
          `${describeRateLimitBody(response?.data, redactor) ?? said}. The limit is per company ` +
          "(SMSBAT documents 50 requests per second, bursts of 75): lower chathub:requestsPerSecond, " +
          "or ask SMSBAT for a higher limit.",
      );
    case "server":
      return failure(
        "server",
        true,
        `ChatHub failed on ${where} (${call.subject}) with ${answer}${afterAttempts}${said}.`,
      );
    default: {
      const location = response?.headers?.location;
      const redirect =
        status >= 300 && status < 400 && typeof location === "string"
          ? ` (redirected to ${redactor.text(location)}): set chathub:baseUrl to the final address`
          : "";
      return failure("http", false, `ChatHub answered ${answer} to ${where}${redirect}${said}.`);
    }
  }
}

function kind(status: number): ChatHubErrorKind {
  if (status === 400) return "validation";
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404) return "not-found";
  if (status === 429) return "rate-limited";
  if (status >= 500 && status <= 599) return "server";
  return "http";
}

function unanswered(
  call: FailedCall,
  kind: ChatHubErrorKind,
  what: string,
  retryable: boolean,
): ChatHubApiError {
  return new ChatHubApiError({
    kind,
    method: call.method,
    path: call.path,
    retryable,
    message: `${call.method} ${call.path} (${call.subject}) ${what}.`,
  });
}

function ambiguous(
  call: FailedCall,
  what: string,
  status?: number,
  serverMessage?: string,
): ChatHubAmbiguousError {
  const sent = call.sent ?? [];
  const names = sent.slice(0, 5).map((operator) => JSON.stringify(operator.name));
  const more = sent.length > names.length ? `, and ${sent.length - names.length} more` : "";
  return new ChatHubAmbiguousError(
    {
      method: call.method,
      path: call.path,
      ...(status !== undefined ? { status } : {}),
      ...(serverMessage !== undefined ? { serverMessage } : {}),
      message:
        `${call.method} ${call.path} ${what}, so ChatHub may or may not have created ` +
        `${sent.length} operator(s) in ${call.subject} (${names.join(", ")}${more}). ` +
        `It was not re-sent, to avoid duplicates: list ${call.subject} and reconcile before trying again.`,
    },
    sent,
  );
}

/**
 * An error body as ChatHub sent it. SMSBAT documents no error body but the 429's (read by
 * describeRateLimitBody), so any other is shown as the text it is: redacted and truncated, never
 * parsed for a shape ChatHub did not promise.
 */
function readErrorBody(data: unknown, redactor: Redactor): { serverMessage?: string } {
  const text = typeof data === "string" ? data.trim() : data === undefined ? "" : JSON.stringify(data);
  return text.length === 0 ? {} : { serverMessage: redactor.text(truncate(text)) };
}

/** SMSBAT's documented 429 body: `{ "error": "Too Many Requests", "message": "Rate limit exceeded. …", "status": 429 }`. */
const rateLimitBodySchema = z.object({ error: z.string(), message: z.string() });

/** The documented 429 body as `: Too Many Requests ("Rate limit exceeded. …")`, or undefined for another shape. */
function describeRateLimitBody(data: unknown, redactor: Redactor): string | undefined {
  let body: unknown;
  try {
    body = typeof data === "string" ? JSON.parse(data) : data;
  } catch {
    return undefined;
  }
  const parsed = rateLimitBodySchema.safeParse(body);
  if (!parsed.success) return undefined;
  return `: ${redactor.text(truncate(parsed.data.error))} (${JSON.stringify(redactor.text(truncate(parsed.data.message)))})`;
}

function truncate(text: string): string {
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}

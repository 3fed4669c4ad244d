import axios, { type AxiosInstance, isAxiosError } from "axios";
import type { z } from "zod";
import { AdaptivePace, DEFAULT_PACE_TUNING } from "./adaptive-pace";
import { LOGIN_FIX, secretsOf } from "./credentials";
import { ChatHubApiError } from "./errors";
import { describeFailure, type FailedCall, SIGNED_IN_TOKEN_FIX } from "./failure";
import { ListCache } from "./list-cache";
import { type ChatHubClientOptions, type ResolvedClientOptions, resolveClientOptions } from "./options";
import {
  findOrganization,
  ORGANIZATION_LIST_TTL_MS,
  type OrganizationQuery,
  organizationNotFoundMessage,
} from "./organizations";
import { installRateLimit } from "./rate-limit";
import { Redactor } from "./redact";
import { checkJsonBody, formatPath } from "./response-body";
import { installRetries, isSynchronizeWorthRetrying } from "./retry";
import {
  activeOnly,
  firstLiveOperatorNamed,
  type OperatorStatistics,
  rosterStatistics,
} from "./roster-queries";
import {
  companyTokenSchema,
  type NewOperator,
  newOperatorSchema,
  type Operator,
  type Organization,
  operatorListSchema,
  organizationListSchema,
  type StatusChange,
  type SynchronizedOperator,
  statusChangeSchema,
  synchronizedOperatorListSchema,
} from "./schemas";
import { CompanyTokenSource } from "./sign-in";
import { OPERATOR_STATUS, type OperatorStatusCode } from "./status";
import { REAL_TIMER, type Timer } from "./timer";

/** How a successful write changed an organization's list; undefined when that cannot be told. */
type WriteThrough = (organizationId: number, list: Operator[]) => Operator[] | undefined;

interface Call extends Omit<FailedCall, "timeoutMs"> {
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: unknown;
  /** Narrower retry rule for requests that are not safe to repeat. */
  retryOnlyIf?: typeof isSynchronizeWorthRetrying;
}

/**
 * The ChatHub operator API: typed, validated, retried where safe, rate-limited, with lists
 * shared between concurrent callers and briefly cached. Never exposes the token.
 */
export class ChatHubClient {
  readonly #options: ResolvedClientOptions;
  readonly #http: AxiosInstance;
  readonly #redactor: Redactor;
  readonly #lists: ListCache<number, Operator[]>;
  readonly #organizations: ListCache<"all", Organization[]>;
  readonly #tokens: CompanyTokenSource;
  /** Organization of every operator id seen, so a status change knows which cached list it spoils. */
  readonly #organizationOfOperator = new Map<number, number>();
  readonly #pace: AdaptivePace;

  /** `timer` is the real one but in tests, which count the client's waits rather than time them. */
  constructor(options: ChatHubClientOptions, timer: Timer = REAL_TIMER) {
    this.#options = resolveClientOptions(options);
    const { credentials } = this.#options;
    this.#redactor = new Redactor(...secretsOf(credentials));
    this.#tokens = new CompanyTokenSource(
      credentials,
      (login, password) => this.#signIn(login, password),
      this.#redactor,
    );
    // Called on the timer: a user's Timer may be a class whose methods read `this`.
    const now = () => timer.now();
    this.#lists = new ListCache(this.#options.listCacheTtlMs, now);
    this.#organizations = new ListCache(ORGANIZATION_LIST_TTL_MS, now);
    this.#pace = new AdaptivePace(this.#options.requestsPerSecond, DEFAULT_PACE_TUNING, now);
    this.#http = axios.create({
      baseURL: this.#options.baseUrl,
      timeout: this.#options.timeoutMs,
      // Bodies are parsed here, whatever their content type: the list may come as text/plain.
      responseType: "text",
      transformResponse: [(data: unknown) => data],
      transitional: { clarifyTimeoutError: true },
      // A redirect is reported (it usually means a wrong chathub:baseUrl), not followed with the token.
      maxRedirects: 0,
      // The Authorization header is set per call (#attempt): a signed-in token can be replaced.
      headers: { "User-Agent": this.#options.userAgent },
    });
    // The rate limit first: it must see every attempt's answer, not only the last.
    installRateLimit(this.#http, this.#pace, timer);
    installRetries(
      this.#http,
      {
        maxRetries: this.#options.maxRetries,
        baseDelayMs: this.#options.retryBaseDelayMs,
        maxDelayMs: this.#options.retryMaxDelayMs,
        rateLimitBaseDelayMs: this.#options.rateLimitBackoffMs,
      },
      timer,
    );
  }

  /** The API root this client talks to. */
  get baseUrl(): string {
    return this.#options.baseUrl;
  }

  /** Every organization the credentials can see; the list is cached for a few minutes, as the vendor advises. */
  async listOrganizations(): Promise<Organization[]> {
    const path = "/api/company/organization";
    const organizations = await this.#organizations.get("all", async () => {
      const body = await this.#send({
        method: "GET",
        path,
        subject: "the company's organizations",
        headers: { Accept: "text/plain" },
      });
      return this.#parse(organizationListSchema, body, "GET", path);
    });
    return structuredClone(organizations);
  }

  /** The organization with that id, or that name (case-insensitive); not found is an error listing the organizations the credentials can see. */
  async getOrganization(query: OrganizationQuery): Promise<Organization> {
    const organizations = await this.listOrganizations();
    const found = findOrganization(organizations, query);
    if (found) return found;
    throw new ChatHubApiError({
      kind: "not-found",
      method: "GET",
      path: "/api/company/organization",
      retryable: false,
      message: this.#redactor.text(organizationNotFoundMessage(query, organizations)),
    });
  }

  /** Every operator of an organization (deleted ones too, if ChatHub lists them). */
  async listOperators(organizationId: number): Promise<Operator[]> {
    const path = `/api/operator?organizationId=${organizationId}`;
    const subject = `organization ${organizationId}`;
    requirePositiveInteger(organizationId, "organizationId", {
      method: "GET",
      path: "/api/operator",
      subject,
    });
    const operators = await this.#lists.get(organizationId, async () => {
      const body = await this.#send({
        method: "GET",
        path,
        subject,
        headers: { Accept: "text/plain" },
      });
      const list = this.#parse(operatorListSchema, body, "GET", path);
      for (const operator of list) this.#organizationOfOperator.set(operator.id, operator.organization.id);
      return list;
    });
    // Callers get their own copy: the cached list is shared.
    return structuredClone(operators);
  }

  /**
   * Creates operators and returns them in request order. Not idempotent: it is re-sent only when
   * ChatHub is known not to have applied it; otherwise a ChatHubAmbiguousError says the outcome is unknown.
   */
  async synchronize(operators: readonly NewOperator[]): Promise<SynchronizedOperator[]> {
    const path = "/api/operator/synchronize";
    const sent = requireNewOperators(operators, path);
    if (sent.length === 0) return [];
    const organizationIds = [...new Set(sent.map((operator) => operator.organizationId))];
    const subject = `organization${organizationIds.length > 1 ? "s" : ""} ${organizationIds.join(", ")}`;
    let created: SynchronizedOperator[] = [];
    await this.#writing(organizationIds, async () => {
      const body = await this.#send({
        method: "POST",
        path,
        subject,
        headers: { "Content-Type": "application/json" },
        body: sent,
        sent,
        retryOnlyIf: isSynchronizeWorthRetrying,
      });
      created = this.#parse(synchronizedOperatorListSchema, body, "POST", path, sent.length);
      created.forEach((operator, index) => {
        const organizationId = sent[index]?.organizationId;
        if (organizationId !== undefined) this.#organizationOfOperator.set(operator.id, organizationId);
      });
      // What ChatHub just created joins the cached lists, so the next batch need not list again.
      return (organizationId, list) =>
        withCreated(
          list,
          created.filter((_, index) => sent[index]?.organizationId === organizationId),
        );
    });
    return created;
  }

  /**
   * Sets an operator's status (2 deletes it, 1 disables it, 0 re-activates it). The hint names the
   * operator's organization, whose cached list is dropped; without it the client uses ids it has listed.
   */
  async setStatus(id: number, status: OperatorStatusCode, organizationIdHint?: number): Promise<void> {
    const path = "/api/operator/status";
    const organizationId = organizationIdHint ?? this.#organizationOfOperator.get(id);
    const subject = `operator ${id}${organizationId !== undefined ? ` of organization ${organizationId}` : ""}`;
    const change = requireStatusChange({ id, status }, { method: "POST", path, subject });
    await this.#writing(organizationId === undefined ? undefined : [organizationId], async () => {
      await this.#send({
        method: "POST",
        path,
        subject,
        headers: { "Content-Type": "application/json" },
        body: change,
      });
      // A deleted operator may or may not stay listed (the vendor's open question "Does the list
      // include deleted (status 2) operators, or hide them?"): only ChatHub can tell.
      return status === OPERATOR_STATUS.deleted ? undefined : (_, list) => withStatus(list, id, status);
    });
  }

  /** The operator with that id, read from its organization's list (the API has no read-one endpoint). */
  async findById(organizationId: number, id: number): Promise<Operator | undefined> {
    return (await this.listOperators(organizationId)).find((operator) => operator.id === id);
  }

  /** The first operator with that name that is not deleted, if any. */
  async findOneByName(organizationId: number, name: string): Promise<Operator | undefined> {
    return firstLiveOperatorNamed(await this.listOperators(organizationId), name);
  }

  /** Operators that can receive chats now (status 0). */
  async activeOperators(organizationId: number): Promise<Operator[]> {
    return activeOnly(await this.listOperators(organizationId));
  }

  /** Total, active, inactive and deleted counts; deleted is 0 where ChatHub hides deleted operators. */
  async statistics(organizationId: number): Promise<OperatorStatistics> {
    return rosterStatistics(await this.listOperators(organizationId));
  }

  /** Forgets the cached list of one organization, or of all. */
  invalidate(organizationId?: number): void {
    if (organizationId === undefined) this.#lists.invalidateAll();
    else this.#lists.invalidate(organizationId);
  }

  /**
   * Runs a write; afterwards no list that raced with it is kept or joined. When it succeeds and
   * says how it changed an organization's list, the cached list is changed with it (write-through,
   * so the next batch need not list again); otherwise the affected lists are dropped (every list,
   * for an unknown organization). Until the write is done, readers see the lists from before it.
   */
  async #writing(
    organizationIds: readonly number[] | undefined,
    write: () => Promise<WriteThrough | undefined>,
  ) {
    const drop = () => {
      if (organizationIds === undefined) this.#lists.invalidateAll();
      else for (const organizationId of organizationIds) this.#lists.invalidate(organizationId);
    };
    let writeThrough: WriteThrough | undefined;
    try {
      writeThrough = await write();
    } finally {
      if (writeThrough === undefined || organizationIds === undefined) drop();
      else
        for (const organizationId of organizationIds) {
          this.#lists.update(organizationId, (list) => writeThrough?.(organizationId, list));
        }
    }
  }

  /**
   * Sends an authenticated call. A 401 to a token obtained by signing in (it may have expired)
   * is answered by signing in again, once, and repeating the call: ChatHub applied nothing.
   */
  async #send(call: Call): Promise<unknown> {
    const token = await this.#tokens.token();
    try {
      return await this.#attempt(call, token);
    } catch (error) {
      if (!this.#tokens.renewable || !isAxiosError(error) || error.response?.status !== 401) {
        throw this.#describe(error, call);
      }
    }
    const fresh = await this.#tokens.renew(token);
    try {
      return await this.#attempt(call, fresh);
    } catch (error) {
      throw this.#describe(error, { ...call, credentialsFix: SIGNED_IN_TOKEN_FIX });
    }
  }

  async #attempt(call: Call, token: string | undefined): Promise<unknown> {
    const response = await this.#http.request<unknown>({
      method: call.method,
      url: call.path,
      headers: token === undefined ? call.headers : { ...call.headers, Authorization: `Bearer ${token}` },
      data: call.body,
      ...(call.retryOnlyIf ? { "axios-retry": { retryCondition: call.retryOnlyIf } } : {}),
    });
    return response.data;
  }

  #describe(error: unknown, call: Call): ChatHubApiError {
    return describeFailure(error, { ...call, timeoutMs: this.#options.timeoutMs }, this.#redactor);
  }

  /** `POST /api/company/get-token`: the company token for a login. Safe to repeat, so retried like a list. */
  async #signIn(login: string, password: string): Promise<string> {
    const path = "/api/company/get-token";
    const call: Call = {
      method: "POST",
      path,
      subject: "company sign-in",
      headers: { "Content-Type": "application/json" },
      body: { login, password },
    };
    let body: unknown;
    try {
      body = await this.#attempt(call, undefined);
    } catch (error) {
      if (isAxiosError(error) && error.response?.status === 401) {
        throw new ChatHubApiError({
          kind: "unauthorized",
          method: "POST",
          path,
          status: 401,
          retryable: false,
          message: `ChatHub refused the company login and password (401 on POST ${path}): ${LOGIN_FIX}.`,
        });
      }
      throw this.#describe(error, call);
    }
    const token = checkJsonBody(companyTokenSchema, body);
    // What was sent back is not echoed: it may be a token, even a malformed one.
    if (!token.ok) throw this.#invalidResponse("POST", path, "expected the company token as a JSON string");
    return token.value;
  }

  #parse<S extends z.ZodType>(
    schema: S,
    body: unknown,
    method: string,
    path: string,
    expectedLength?: number,
  ): z.infer<S> {
    const checked = checkJsonBody(schema, body);
    if (!checked.ok) throw this.#invalidResponse(method, path, checked.problem);
    const length = Array.isArray(checked.value) ? checked.value.length : undefined;
    if (expectedLength === undefined || length === expectedLength) return checked.value;
    throw this.#invalidResponse(
      method,
      path,
      `expected ${expectedLength} operator(s) in request order, got ${length ?? "no list"}`,
    );
  }

  #invalidResponse(method: string, path: string, problem: string): ChatHubApiError {
    const route = `${method} ${path.split("?")[0]}`;
    const afterWrite =
      method === "POST" && path.startsWith("/api/operator")
        ? " ChatHub accepted the request: list the organization and reconcile before retrying."
        : "";
    return new ChatHubApiError({
      kind: "invalid-response",
      method,
      path,
      retryable: false,
      message: `ChatHub sent an unexpected response to ${route}: ${this.#redactor.text(problem)}.${afterWrite}`,
    });
  }
}

/** Input errors are reported like a 400 would be, before anything is sent. */
function invalidInput(
  where: { method: string; path: string; subject?: string },
  details: unknown[],
  summary: string,
) {
  const about = where.subject !== undefined ? ` (${where.subject})` : "";
  return new ChatHubApiError({
    kind: "validation",
    method: where.method,
    path: where.path,
    retryable: false,
    details,
    message: `Refused to send ${where.method} ${where.path}${about}: ${summary}.`,
  });
}

function requirePositiveInteger(
  value: number,
  field: string,
  where: { method: string; path: string; subject?: string },
): void {
  if (!Number.isInteger(value) || value <= 0) {
    throw invalidInput(
      where,
      [{ field, message: "must be a positive integer" }],
      `${field} must be a positive integer`,
    );
  }
}

function requireNewOperators(operators: readonly NewOperator[], path: string): NewOperator[] {
  if (!Array.isArray(operators)) {
    throw invalidInput({ method: "POST", path }, [], "expected an array of { organizationId, name }");
  }
  const details: { index: number; field: string; message: string }[] = [];
  const accepted: NewOperator[] = [];
  operators.forEach((operator, index) => {
    const result = newOperatorSchema.safeParse(operator);
    if (result.success) accepted.push(result.data);
    for (const issue of result.error?.issues ?? []) {
      details.push({ index, field: formatPath(issue.path) || "operator", message: issue.message });
    }
  });
  if (details.length > 0) {
    const summary = details
      .slice(0, 5)
      .map(({ index, field, message }) => {
        const name = (operators[index] as { name?: unknown } | undefined)?.name;
        return `operator #${index}${typeof name === "string" ? ` (${JSON.stringify(name)})` : ""} ${field} ${message}`;
      })
      .join("; ");
    const more = details.length > 5 ? ` (and ${details.length - 5} more)` : "";
    throw invalidInput({ method: "POST", path }, details, summary + more);
  }
  return accepted;
}

function requireStatusChange(
  change: StatusChange,
  where: { method: string; path: string; subject: string },
): StatusChange {
  const result = statusChangeSchema.safeParse(change);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({
    field: formatPath(issue.path),
    message: issue.message,
  }));
  throw invalidInput(where, details, details.map((detail) => `${detail.field} ${detail.message}`).join("; "));
}

/** The list with operators ChatHub just created (or, reusing a name, returned) in it, once each. */
function withCreated(list: Operator[], created: SynchronizedOperator[]): Operator[] | undefined {
  // The synchronize answer has no organization object: it is taken from the list itself.
  const organization = list[0]?.organization;
  if (organization === undefined) return created.length === 0 ? list : undefined;
  const createdIds = new Set(created.map((operator) => operator.id));
  return [
    ...list.filter((operator) => !createdIds.has(operator.id)),
    ...created.map((operator) => ({
      id: operator.id,
      name: operator.name,
      status: operator.status,
      organization,
    })),
  ];
}

/** The list with one operator's new status; undefined if the list does not show it. */
function withStatus(list: Operator[], id: number, status: OperatorStatusCode): Operator[] | undefined {
  if (!list.some((operator) => operator.id === id)) return undefined;
  return list.map((operator) => (operator.id === id ? { ...operator, status } : operator));
}

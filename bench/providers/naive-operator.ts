/**
 * The comparator: a dynamic provider written the way the vendor's example client works.
 * One synchronize per create (one operator per request), list + find per read, one status
 * call per update or delete; no batching, no sharing of lists, no cache. Like the vendor's
 * examples it throttles itself to 5 requests per second, and like any client that works at
 * all under a rate limit it retries a 429 after the server's Retry-After.
 *
 * The bench transpiles this file into a package in the program's node_modules, so Pulumi
 * stores it in the state as `require("<package>")` like this package's own provider (see
 * bench/programs.ts). Node built-ins only: the provider process loads it as plain CommonJS.
 * Token and base URL come from CHATHUB_TOKEN and CHATHUB_BASE_URL in the provider process's
 * environment (the bench sets them in the stack's environment).
 */
import type * as pulumi from "@pulumi/pulumi";

/** The vendor examples' client-side throttle. */
const REQUESTS_PER_SECOND = 5;
/** Enough 429s in a row to ride out a busy minute; a naive client gives up after that. */
const MAX_429_RETRIES = 20;
const TIMEOUT_MS = 30_000;

interface Inputs {
  organizationId: number;
  name: string;
  status?: "active" | "inactive";
}

interface Outputs extends Inputs {
  operatorId: number;
}

interface ListedOperator {
  id: number;
  name: string;
  status: 0 | 1 | 2;
  organization: { id: number; name: string };
}

// One throttle for the whole provider process (Node caches this module), as a client
// object shared by the example's callers would be: the next free 200 ms slot.
let nextSlotAt = 0;

async function throttle(): Promise<void> {
  const now = Date.now();
  const slot = Math.max(now, nextSlotAt);
  nextSlotAt = slot + 1000 / REQUESTS_PER_SECOND;
  if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
}

function settings(): { baseUrl: string; token: string } {
  const baseUrl = process.env.CHATHUB_BASE_URL;
  const token = process.env.CHATHUB_TOKEN;
  if (!baseUrl || !token) throw new Error("naive provider: set CHATHUB_BASE_URL and CHATHUB_TOKEN");
  return { baseUrl: baseUrl.replace(/\/+$/, ""), token };
}

/** One request, throttled, retried on 429 only (after Retry-After seconds). */
async function call(method: "GET" | "POST", path: string, body?: unknown): Promise<string> {
  const { baseUrl, token } = settings();
  for (let attempt = 0; ; attempt++) {
    await throttle();
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: method === "GET" ? "text/plain" : "application/json",
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await response.text();
    if (response.status === 429 && attempt < MAX_429_RETRIES) {
      const seconds = Number(response.headers.get("retry-after") ?? "1");
      await new Promise((resolve) => setTimeout(resolve, (Number.isFinite(seconds) ? seconds : 1) * 1000));
      continue;
    }
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
    return text;
  }
}

function statusCode(status: Inputs["status"]): 0 | 1 {
  return status === "inactive" ? 1 : 0;
}

export async function diff(_id: string, olds: Outputs, news: Inputs): Promise<pulumi.dynamic.DiffResult> {
  const replaces: string[] = [];
  if (olds.organizationId !== news.organizationId) replaces.push("organizationId");
  if (olds.name !== news.name) replaces.push("name");
  const changes = replaces.length > 0 || (olds.status ?? "active") !== (news.status ?? "active");
  return { changes, replaces };
}

export async function create(inputs: Inputs): Promise<pulumi.dynamic.CreateResult> {
  const body = [{ organizationId: inputs.organizationId, name: inputs.name }];
  const [created] = JSON.parse(await call("POST", "/api/operator/synchronize", body)) as { id: number }[];
  if (!created) throw new Error(`synchronize returned nothing for ${inputs.name}`);
  if (statusCode(inputs.status) !== 0) {
    await call("POST", "/api/operator/status", { id: created.id, status: statusCode(inputs.status) });
  }
  const outs: Outputs = { ...inputs, status: inputs.status ?? "active", operatorId: created.id };
  return { id: String(created.id), outs };
}

export async function read(id: string, props: Outputs): Promise<pulumi.dynamic.ReadResult> {
  const list = JSON.parse(
    await call("GET", `/api/operator?organizationId=${props.organizationId}`),
  ) as ListedOperator[];
  const live = list.find((operator) => operator.id === Number(id));
  if (!live || live.status === 2) return {};
  const status = live.status === 1 ? "inactive" : "active";
  return { id, props: { ...props, name: live.name, status } };
}

export async function update(id: string, olds: Outputs, news: Inputs): Promise<pulumi.dynamic.UpdateResult> {
  if ((olds.status ?? "active") !== (news.status ?? "active")) {
    await call("POST", "/api/operator/status", { id: Number(id), status: statusCode(news.status) });
  }
  return { outs: { ...news, status: news.status ?? "active", operatorId: Number(id) } };
}

async function remove(id: string): Promise<void> {
  await call("POST", "/api/operator/status", { id: Number(id), status: 2 });
}

export { remove as delete };

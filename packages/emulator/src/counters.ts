/** The route keys counters use; anything else under /api counts as "other". */
export const API_ROUTE_KEYS = [
  "GET /api/operator",
  "POST /api/operator/synchronize",
  "POST /api/operator/status",
  "GET /api/company/organization",
  "POST /api/company/get-token",
] as const;

export type ApiRouteKey = (typeof API_ROUTE_KEYS)[number] | "other";

export interface RouteCounters {
  /** Requests that reached /api, whatever their outcome. */
  total: number;
  /** Requests per route key ("GET /api/operator", …, "other"). */
  byRoute: Record<string, number>;
  /** Answers per HTTP status code; "dropped" counts connections destroyed without an answer. */
  byStatus: Record<string, number>;
  /** Entries applied by successful synchronize calls (created or, under duplicateNames "reuse", matched). */
  operatorsSynchronized: number;
}

export function routeKeyOf(method: string, path: string): ApiRouteKey {
  const key = `${method} ${path}`;
  return (API_ROUTE_KEYS as readonly string[]).includes(key) ? (key as ApiRouteKey) : "other";
}

/** Request accounting, so tests and benchmarks can see exactly what a client sent. */
export class Counters {
  private current = Counters.zero();

  private static zero(): RouteCounters {
    const byRoute: Record<string, number> = {};
    for (const key of [...API_ROUTE_KEYS, "other"]) byRoute[key] = 0;
    return { total: 0, byRoute, byStatus: {}, operatorsSynchronized: 0 };
  }

  countRequest(route: ApiRouteKey): void {
    this.current.total += 1;
    this.current.byRoute[route] = (this.current.byRoute[route] ?? 0) + 1;
  }

  countOutcome(outcome: number | "dropped"): void {
    const key = String(outcome);
    this.current.byStatus[key] = (this.current.byStatus[key] ?? 0) + 1;
  }

  countSynchronized(entries: number): void {
    this.current.operatorsSynchronized += entries;
  }

  snapshot(): RouteCounters {
    return {
      total: this.current.total,
      byRoute: { ...this.current.byRoute },
      byStatus: { ...this.current.byStatus },
      operatorsSynchronized: this.current.operatorsSynchronized,
    };
  }

  reset(): void {
    this.current = Counters.zero();
  }
}

import { onTestFinished } from "vitest";
import { DEFAULT_EMULATOR_TOKEN, type EmulatorOptions, type RunningEmulator, startEmulator } from "../src";

/**
 * A client written from the vendor spec alone, with plain fetch: it knows the three
 * endpoints and the Bearer header, nothing about the emulator's internals.
 */
export class SpecClient {
  constructor(
    readonly baseUrl: string,
    /** null sends no Authorization header at all. */
    private readonly token: string | null = DEFAULT_EMULATOR_TOKEN,
  ) {}

  withToken(token: string | null): SpecClient {
    return new SpecClient(this.baseUrl, token);
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return this.token === null ? extra : { authorization: `Bearer ${this.token}`, ...extra };
  }

  list(organizationId: number | string, init: RequestInit = {}): Promise<Response> {
    return fetch(`${this.baseUrl}/api/operator?organizationId=${organizationId}`, {
      ...init,
      headers: this.headers({ accept: "text/plain" }),
    });
  }

  /** Lists and parses the body as JSON, whatever Content-Type it came with. */
  async listOperators(organizationId: number): Promise<ListedOperator[]> {
    const response = await this.list(organizationId);
    if (response.status !== 200)
      throw new Error(`list answered ${response.status}: ${await response.text()}`);
    return JSON.parse(await response.text()) as ListedOperator[];
  }

  synchronize(entries: unknown, init: RequestInit = {}): Promise<Response> {
    return this.post("/api/operator/synchronize", JSON.stringify(entries), init);
  }

  setStatus(id: unknown, status: unknown, init: RequestInit = {}): Promise<Response> {
    return this.post("/api/operator/status", JSON.stringify({ id, status }), init);
  }

  post(
    path: string,
    body: string,
    init: RequestInit = {},
    contentType = "application/json",
  ): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, {
      method: "POST",
      body,
      ...init,
      headers: this.headers({ "content-type": contentType }),
    });
  }
}

export interface ListedOperator {
  id: number;
  name: string;
  status: 0 | 1 | 2;
  organization: { id: number; name: string };
}

/** Starts an emulator on a free loopback port, closed when the current test ends. */
export async function startTestEmulator(
  options: EmulatorOptions = {},
): Promise<{ emulator: RunningEmulator; client: SpecClient }> {
  const emulator = await startEmulator({ port: 0, ...options });
  onTestFinished(() => emulator.close());
  return { emulator, client: new SpecClient(emulator.url) };
}

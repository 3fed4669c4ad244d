import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  DEFAULT_EMULATOR_TOKEN,
  type EmulatorBehaviour,
  type RunningEmulator,
  startEmulator,
} from "pulumi-chathub-emulator";
import { afterEach } from "vitest";
import { ChatHubClient, type ChatHubClientOptions } from "../../../src/api";
import { REAL_TIMER, type Timer } from "../../../src/api/timer";

const running: { close(): Promise<void> }[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

/** An emulator on a free loopback port, closed after the test. */
export async function emulator(
  behaviour: Partial<EmulatorBehaviour> = {},
  tokens?: Record<string, number[] | "*">,
): Promise<RunningEmulator> {
  const started = await startEmulator({ port: 0, behaviour, ...(tokens ? { tokens } : {}) });
  running.push(started);
  return started;
}

/** A client with small delays, so retry tests take milliseconds; `timer` counts its waits. */
export function clientFor(
  server: { url: string },
  options: Partial<ChatHubClientOptions> = {},
  timer: Timer = REAL_TIMER,
): ChatHubClient {
  return new ChatHubClient(
    {
      baseUrl: server.url,
      token: DEFAULT_EMULATOR_TOKEN,
      requestsPerSecond: 1000,
      retryBaseDelayMs: 5,
      timeoutMs: 2000,
      ...options,
    },
    timer,
  );
}

/**
 * A timer whose time moves only when the client waits on it, at once and by exactly what was
 * asked: what the client waits for is counted, never timed. For servers in this process (the
 * fake server reads it too); an emulator's rate limit runs on real time, so use `waitsOnRealTime`.
 */
export class InstantTimer implements Timer {
  readonly waits: number[] = [];
  #now = 1_000_000;

  now = (): number => this.#now;

  sleep = async (ms: number): Promise<void> => {
    this.waits.push(ms);
    this.#now += ms;
  };
}

/** The real timer, recording each wait asked of it. */
export function waitsOnRealTime(): Timer & { waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    now: REAL_TIMER.now,
    sleep: (ms) => {
      waits.push(ms);
      return REAL_TIMER.sleep(ms);
    },
  };
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** When the request arrived, on the fake server's timer. */
  receivedAt: number;
}

export interface FakeServer {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export type Answer = { status?: number; headers?: Record<string, string>; body?: string };

/**
 * A tiny HTTP server answering each request with whatever `answer` returns, and recording what
 * it received: for checking headers and for shapes the emulator never sends.
 */
export async function fakeServer(
  answer: (request: RecordedRequest) => Answer,
  timer: Pick<Timer, "now"> = REAL_TIMER,
): Promise<FakeServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const recorded = {
        method: request.method ?? "",
        url: request.url ?? "",
        headers: request.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        receivedAt: timer.now(),
      };
      requests.push(recorded);
      const { status = 200, headers = {}, body = "" } = answer(recorded);
      response.writeHead(status, headers).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const fake: FakeServer = {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  running.push(fake);
  return fake;
}

/** A loopback URL where nothing listens, for connection-refused tests. */
export async function refusingUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** The rejection of a promise that must fail. */
export async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail, but it succeeded");
}

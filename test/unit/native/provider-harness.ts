/**
 * Starts the provider server in this process over a definition, with a stand-in engine that
 * records what the provider logs, and a gRPC client to call it as the engine would.
 */
import * as grpc from "@grpc/grpc-js";
import { EngineService } from "@pulumi/pulumi/proto/engine_grpc_pb";
import type { LogRequest } from "@pulumi/pulumi/proto/engine_pb";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
import { ErrorResourceInitFailed } from "@pulumi/pulumi/proto/provider_pb";
import { Status } from "@pulumi/pulumi/proto/status_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import type { NativeProviderDefinition } from "../../../src/native/handler";
import { type ServingProvider, serveProvider } from "../../../src/native/server";

export interface EngineLogEntry {
  severity: number;
  message: string;
  urn: string;
}

export interface ProviderUnderTest {
  client: ResourceProviderClient;
  logs: EngineLogEntry[];
  /** Calls a unary RPC by name and resolves with its response (rejects with the gRPC error). */
  // biome-ignore lint/suspicious/noExplicitAny: the client's methods are typed one by one
  call<Res = any>(method: string, request: unknown): Promise<Res>;
  stop(): void;
}

async function bind(server: grpc.Server): Promise<number> {
  return new Promise((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, port) =>
      e ? reject(e) : resolve(port),
    ),
  );
}

/** A stand-in for the engine's Log RPC, recording what the provider logs. */
export async function startEngine(): Promise<{ address: string; logs: EngineLogEntry[]; stop(): void }> {
  const logs: EngineLogEntry[] = [];
  const engine = new grpc.Server();
  engine.addService(EngineService, {
    log: (call: grpc.ServerUnaryCall<LogRequest, Empty>, callback: grpc.sendUnaryData<Empty>) => {
      const r = call.request;
      logs.push({ severity: r.getSeverity(), message: r.getMessage(), urn: r.getUrn() });
      callback(null, new Empty());
    },
  });
  const address = `127.0.0.1:${await bind(engine)}`;
  return { address, logs, stop: () => engine.forceShutdown() };
}

/** The provider served in this process; with `withEngine: false` it starts as if launched by hand. */
export async function startProvider(
  definition: NativeProviderDefinition,
  options: { withEngine?: boolean } = {},
): Promise<ProviderUnderTest> {
  const engine = (options.withEngine ?? true) ? await startEngine() : undefined;
  const serving: ServingProvider = await serveProvider(definition, { engineAddress: engine?.address });
  const client = new ResourceProviderClient(`127.0.0.1:${serving.port}`, grpc.credentials.createInsecure());
  return {
    client,
    logs: engine?.logs ?? [],
    call(method, request) {
      return new Promise((resolve, reject) => {
        // biome-ignore lint/suspicious/noExplicitAny: dispatch by method name
        (client as any)[method](request, (error: grpc.ServiceError | null, response: unknown) =>
          error ? reject(error) : resolve(response as never),
        );
      });
    },
    stop() {
      client.close();
      serving.close();
      engine?.stop();
    },
  };
}

/** The ErrorResourceInitFailed detail a gRPC error carries, if any. */
export function initFailedDetail(error: grpc.ServiceError): ErrorResourceInitFailed | undefined {
  const [bytes] = error.metadata?.get("grpc-status-details-bin") ?? [];
  if (!bytes) return undefined;
  const status = Status.deserializeBinary(new Uint8Array(bytes as Buffer));
  const any = status.getDetailsList().find((d) => d.getTypeName() === "pulumirpc.ErrorResourceInitFailed");
  return any ? ErrorResourceInitFailed.deserializeBinary(any.getValue_asU8()) : undefined;
}

/** A rejected call's gRPC error. */
export async function rpcError(promise: Promise<unknown>): Promise<grpc.ServiceError> {
  try {
    await promise;
  } catch (error) {
    return error as grpc.ServiceError;
  }
  throw new Error("the call succeeded; expected a gRPC error");
}

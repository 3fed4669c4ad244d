/**
 * Serves a NativeProviderDefinition as a Pulumi resource provider plugin: a gRPC server on a
 * loopback port the engine reads from the plugin's stdout.
 */
import * as grpc from "@grpc/grpc-js";
import { ResourceProviderService } from "@pulumi/pulumi/proto/provider_grpc_pb";
import type { NativeProviderDefinition } from "../handler";
import { EngineLogger } from "./engine-log";
import { providerService } from "./provider-service";

export interface ServingProvider {
  port: number;
  /** Stops serving, ending calls in flight. */
  close(): void;
}

export interface ServeOptions {
  /** The engine's `host:port`, for its Log RPC (absent in tests and when attached later). */
  engineAddress?: string;
}

export async function serveProvider(
  definition: NativeProviderDefinition,
  options: ServeOptions = {},
): Promise<ServingProvider> {
  const engine = new EngineLogger(options.engineAddress);
  const server = new grpc.Server({
    // Schemas and roster states can be larger than gRPC's 4 MiB default; the engine allows 400 MiB.
    "grpc.max_receive_message_length": 400 * 1024 * 1024,
    "grpc.max_send_message_length": 400 * 1024 * 1024,
  });
  server.addService(
    ResourceProviderService,
    providerService(definition, engine) as grpc.UntypedServiceImplementation,
  );
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  return {
    port,
    close: () => {
      server.forceShutdown();
      engine.close();
    },
  };
}

/**
 * The ResourceProvider gRPC service over a NativeProviderDefinition: each RPC unpacks its request
 * into plain values, calls the definition's handler, and packs the answer. Methods left out here
 * (Handshake, Parameterize, Construct, Call, List) answer UNIMPLEMENTED: grpc-js does that for
 * any method a service implementation lacks, and the engine falls back for each.
 */
import * as grpc from "@grpc/grpc-js";
import { PluginInfo } from "@pulumi/pulumi/proto/plugin_pb";
import type { IResourceProviderServer } from "@pulumi/pulumi/proto/provider_grpc_pb";
import {
  CheckFailure,
  CheckResponse,
  ConfigureResponse,
  CreateResponse,
  GetMappingResponse,
  GetMappingsResponse,
  GetSchemaResponse,
  InvokeResponse,
  ReadResponse,
  UpdateResponse,
} from "@pulumi/pulumi/proto/provider_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { messageOf } from "../../core/messages";
import { parseUrn } from "../../core/urn";
import type {
  CallContext,
  CheckFailure as Failure,
  NativeProviderDefinition,
  ResourceHandler,
} from "../handler";
import { diffConfig } from "./config-diff";
import { diffResponse } from "./diff-response";
import type { EngineLogger } from "./engine-log";
import { grpcError, resourceError } from "./grpc-errors";
import { propertiesFromStruct, propertiesToStruct } from "./properties";
import { configFromRequest, withoutEngineKeys } from "./received-config";

/** Thrown inside an RPC to answer with exactly this gRPC error. */
class RpcError extends Error {
  constructor(readonly error: Partial<grpc.ServiceError>) {
    super(error.details);
  }
}

type Unary<Req, Res> = grpc.handleUnaryCall<Req, Res>;

/** An async RPC body as a grpc-js handler; a thrown error becomes a gRPC error with its message only. */
function unary<Req, Res>(
  body: (request: Req) => Promise<Res>,
  onError: (error: unknown, request: Req) => Partial<grpc.ServiceError> = (error) =>
    grpcError(grpc.status.UNKNOWN, messageOf(error)),
): Unary<Req, Res> {
  return (call, callback) => {
    body(call.request).then(
      (response) => callback(null, response),
      (error: unknown) => callback(error instanceof RpcError ? error.error : onError(error, call.request)),
    );
  };
}

/** `urn:pulumi:stack::project::parent$chathub:index:Operator::name` → `chathub:index:Operator`. */
export function typeFromUrn(urn: string): string {
  return parseUrn(urn)?.type ?? "";
}

function failuresList(failures: readonly Failure[]): CheckFailure[] {
  return failures.map((f) => new CheckFailure().setProperty(f.property).setReason(f.reason));
}

export function providerService(
  definition: NativeProviderDefinition,
  engine: EngineLogger,
): Partial<IResourceProviderServer> {
  const context = (urn: string): CallContext => ({
    urn,
    log: (severity, message) => engine.log(severity, message, urn),
  });
  const handlerFor = (request: { getType(): string; getUrn(): string }): ResourceHandler => {
    const type = request.getType() || typeFromUrn(request.getUrn());
    const handler = definition.resources[type];
    if (!handler) {
      throw new RpcError(
        grpcError(
          grpc.status.INVALID_ARGUMENT,
          `the ${definition.name} provider has no resource type ${type}`,
        ),
      );
    }
    return handler;
  };

  return {
    getPluginInfo: unary(async () => new PluginInfo().setVersion(definition.version)),

    getSchema: unary(async (request) => {
      if (request.getVersion() !== 0) {
        throw new RpcError(
          grpcError(grpc.status.INVALID_ARGUMENT, `unsupported schema version ${request.getVersion()}`),
        );
      }
      return new GetSchemaResponse().setSchema(JSON.stringify(definition.schema));
    }),

    // The news go back untouched (secret wrappers intact), so a secret token stays secret in the
    // provider's recorded inputs.
    checkConfig: unary(async (request) => {
      const failures = await definition.checkConfig(
        withoutEngineKeys(propertiesFromStruct(request.getNews())),
      );
      return new CheckResponse().setInputs(request.getNews()).setFailuresList(failuresList(failures));
    }),

    diffConfig: unary(async (request) => {
      const olds = propertiesFromStruct(request.getOldInputs() ?? request.getOlds());
      return diffResponse(diffConfig(olds, propertiesFromStruct(request.getNews())));
    }),

    // Secrets are unwrapped here and the provider says it does not accept them, so the engine
    // strips them from every later request and re-applies them to what comes back.
    configure: unary(async (request) => {
      await definition.configure(configFromRequest(request, definition.name));
      return new ConfigureResponse()
        .setAcceptsecrets(false)
        .setSupportspreview(true)
        .setAcceptresources(false)
        .setAcceptoutputs(false);
    }),

    check: unary(async (request) => {
      const result = await handlerFor(request).check(
        propertiesFromStruct(request.getOlds()),
        propertiesFromStruct(request.getNews()),
        context(request.getUrn()),
      );
      return new CheckResponse()
        .setInputs(propertiesToStruct(result.inputs))
        .setFailuresList(failuresList(result.failures ?? []));
    }),

    diff: unary(async (request) => {
      const result = await handlerFor(request).diff(
        request.getId(),
        propertiesFromStruct(request.getOlds()),
        propertiesFromStruct(request.getNews()),
        context(request.getUrn()),
        propertiesFromStruct(request.getOldInputs()),
      );
      return diffResponse(result);
    }),

    create: unary(
      async (request) => {
        const handler = handlerFor(request);
        // At preview the engine wants the outputs as far as they are known: the inputs, unknowns kept.
        if (request.getPreview()) return new CreateResponse().setProperties(request.getProperties());
        const result = await handler.create(
          propertiesFromStruct(request.getProperties()),
          context(request.getUrn()),
        );
        return new CreateResponse().setId(result.id).setProperties(propertiesToStruct(result.outs));
      },
      (error, request) => resourceError(error, propertiesFromStruct(request.getProperties())),
    ),

    read: unary(
      async (request) => {
        const result = await handlerFor(request).read(
          request.getId(),
          propertiesFromStruct(request.getProperties()),
          propertiesFromStruct(request.getInputs()),
          context(request.getUrn()),
        );
        const response = new ReadResponse().setId(result.id).setProperties(propertiesToStruct(result.props));
        if (result.inputs) response.setInputs(propertiesToStruct(result.inputs));
        return response;
      },
      (error, request) => resourceError(error, propertiesFromStruct(request.getInputs())),
    ),

    update: unary(
      async (request) => {
        const handler = handlerFor(request);
        if (request.getPreview()) return new UpdateResponse().setProperties(request.getNews());
        const result = await handler.update(
          request.getId(),
          propertiesFromStruct(request.getOlds()),
          propertiesFromStruct(request.getNews()),
          context(request.getUrn()),
          propertiesFromStruct(request.getOldInputs()),
        );
        return new UpdateResponse().setProperties(propertiesToStruct(result.outs));
      },
      (error, request) => resourceError(error, propertiesFromStruct(request.getNews())),
    ),

    delete: unary(async (request) => {
      await handlerFor(request).delete(
        request.getId(),
        propertiesFromStruct(request.getProperties()),
        context(request.getUrn()),
      );
      return new Empty();
    }),

    invoke: unary(async (request) => {
      const fn = definition.functions[request.getTok()];
      if (!fn) {
        throw new RpcError(
          grpcError(
            grpc.status.INVALID_ARGUMENT,
            `the ${definition.name} provider has no function ${request.getTok()}`,
          ),
        );
      }
      const result = await fn(propertiesFromStruct(request.getArgs()), context(""));
      return new InvokeResponse().setReturn(propertiesToStruct(result));
    }),

    // Nothing runs in the background between calls, so there is nothing to stop.
    cancel: unary(async () => new Empty()),

    // Started by hand (PULUMI_DEBUG_PROVIDERS), the plugin learns the engine's address here.
    attach: unary(async (request) => {
      engine.connect(request.getAddress());
      return new Empty();
    }),

    // No other ecosystem's provider maps onto this one (`pulumi convert` asks).
    getMapping: unary(async () => new GetMappingResponse().setProvider("").setData("")),
    getMappings: unary(async () => new GetMappingsResponse()),
  };
}

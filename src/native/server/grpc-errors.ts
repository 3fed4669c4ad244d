/**
 * Errors as the engine reads them: a gRPC status carrying the handler's message and nothing else
 * (no stack trace: it is printed to the user), and a PartialFailure as the ErrorResourceInitFailed
 * detail, from which the engine records the partial state under its id.
 */
import * as grpc from "@grpc/grpc-js";
import { ErrorResourceInitFailed } from "@pulumi/pulumi/proto/provider_pb";
import { Status } from "@pulumi/pulumi/proto/status_pb";
import { Any } from "google-protobuf/google/protobuf/any_pb";
import { messageOf } from "../../core/messages";
import { isPartialFailure } from "../../core/partial-failure";
import type { PropertyMap } from "../handler";
import { propertiesToStruct } from "./properties";

export function grpcError(code: grpc.status, message: string): Partial<grpc.ServiceError> {
  return { code, details: message, message };
}

/**
 * The error for a failed create, update or read. `inputs` are the inputs the engine records with
 * a partial result (the ones the failed call was given).
 */
export function resourceError(error: unknown, inputs: PropertyMap): Partial<grpc.ServiceError> {
  const message = messageOf(error);
  if (!isPartialFailure(error)) return grpcError(grpc.status.UNKNOWN, message);

  const detail = new ErrorResourceInitFailed()
    .setId(error.id)
    .setProperties(propertiesToStruct(error.state as PropertyMap))
    .setReasonsList([message])
    .setInputs(propertiesToStruct(inputs));
  const any = new Any();
  any.pack(detail.serializeBinary(), "pulumirpc.ErrorResourceInitFailed");
  const status = new Status().setCode(grpc.status.UNKNOWN).setMessage(message);
  status.addDetails(any);
  const metadata = new grpc.Metadata();
  // gRPC's rich error model: the engine's Go client decodes details from this trailer.
  metadata.add("grpc-status-details-bin", Buffer.from(status.serializeBinary()));
  return { ...grpcError(grpc.status.UNKNOWN, message), metadata };
}

/**
 * Logging through the engine's `Log` RPC, so a message shows under the resource it concerns
 * (`warning:` below the roster in `pulumi preview`) instead of as the plugin's stderr.
 */
import * as grpc from "@grpc/grpc-js";
import { EngineClient } from "@pulumi/pulumi/proto/engine_grpc_pb";
import { LogRequest, LogSeverity } from "@pulumi/pulumi/proto/engine_pb";
import type { LogSeverity as Severity } from "../handler";

const SEVERITIES: Record<Severity, LogSeverity> = {
  debug: LogSeverity.DEBUG,
  info: LogSeverity.INFO,
  warning: LogSeverity.WARNING,
  error: LogSeverity.ERROR,
};

export type EngineLog = (severity: Severity, message: string, urn: string) => Promise<void>;

/** A logger that reaches the engine at `address` once it is known (late, when attached). */
export class EngineLogger {
  private client: EngineClient | undefined;

  constructor(address?: string) {
    if (address) this.connect(address);
  }

  connect(address: string): void {
    this.client?.close();
    this.client = new EngineClient(address, grpc.credentials.createInsecure());
  }

  readonly log: EngineLog = (severity, message, urn) => {
    const client = this.client;
    if (!client) {
      // No engine (a unit test, or a plugin not yet attached): stderr is all there is.
      process.stderr.write(`${severity}: ${message}\n`);
      return Promise.resolve();
    }
    const request = new LogRequest().setSeverity(SEVERITIES[severity]).setMessage(message).setUrn(urn);
    // A message the engine cannot take (it is shutting down) must not fail the operation it is about.
    return new Promise((resolve) => {
      client.log(request, (error) => {
        if (error) process.stderr.write(`${severity}: ${message}\n`);
        resolve();
      });
    });
  };

  close(): void {
    this.client?.close();
    this.client = undefined;
  }
}

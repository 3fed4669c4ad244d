import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import * as grpc from "@grpc/grpc-js";
import type { PluginInfo } from "@pulumi/pulumi/proto/plugin_pb";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";

export interface RunningPlugin {
  pid: number;
  client: ResourceProviderClient;
  /** Milliseconds from spawn to the port on stdout, and to the first answer (GetPluginInfo). */
  portMs: number;
  handshakeMs: number;
  /** The version the plugin reports (GetPluginInfo). */
  version: string;
  /** Everything the plugin wrote to stderr so far (a warning there is a defect). */
  stderr(): string;
  /** The largest resident memory the process has had, in bytes (Linux: VmHWM). */
  peakRssBytes(): number;
  stop(): Promise<void>;
}

/**
 * Starts a provider plugin as the engine does (a command that prints its port), then asks it what
 * it is, as the engine's first call does: the plugin's start, measured from outside.
 */
export async function startPlugin(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<RunningPlugin> {
  const started = performance.now();
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = /^(\d+)\n/.exec(stdout);
      if (line?.[1]) resolve(Number(line[1]));
    });
    child.once("exit", (code) =>
      reject(new Error(`${command} exited (${code}) before printing a port: ${stderr}`)),
    );
    child.once("error", reject);
  });
  const portMs = performance.now() - started;
  const client = new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  const info = await new Promise<PluginInfo>((resolve, reject) =>
    client.getPluginInfo(new Empty(), (error, response) => (error ? reject(error) : resolve(response))),
  );
  const handshakeMs = performance.now() - started;
  const pid = child.pid as number;
  return {
    pid,
    client,
    portMs,
    handshakeMs,
    version: info.getVersion(),
    stderr: () => stderr,
    peakRssBytes: () => {
      const kilobytes = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
      return Number(kilobytes) * 1024;
    },
    stop: async () => {
      client.close();
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill();
      await exited;
    },
  };
}

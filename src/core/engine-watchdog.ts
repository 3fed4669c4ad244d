import net from "node:net";

/**
 * The address of the Pulumi engine that started this provider process: Pulumi passes it as the
 * one `host:port` argument.
 */
export function engineAddressFromArgs(args: readonly string[] = process.argv.slice(2)): string | undefined {
  return args.find((arg) => /^[\w.-]+:\d+$/.test(arg));
}

export interface EngineWatchdogOptions {
  intervalMs?: number;
  /** Refused connections in a row that mean the engine is gone. */
  refusalsToGiveUp?: number;
  onGone?: () => void;
  /**
   * Runs `probe` every `intervalMs` until the function it returns is called; by default an
   * unref'd setInterval. A test passes its own and runs the probes itself, counting them.
   */
  every?: (intervalMs: number, probe: () => Promise<void>) => () => void;
}

function everyInterval(intervalMs: number, probe: () => Promise<void>): () => void {
  const timer = setInterval(() => void probe(), intervalMs);
  timer.unref(); // never the reason the process stays alive
  return () => clearInterval(timer);
}

/**
 * Ends this provider process once the engine that started it is gone. Pulumi starts providers
 * in process groups of their own, so a `pulumi` killed with SIGKILL leaves them running, and a
 * provider left running would go on sending the creates it had been given, making operators that
 * no state records. Returns a function that stops watching.
 */
export function exitWhenEngineGone(address: string, options: EngineWatchdogOptions = {}): () => void {
  const {
    intervalMs = 1000,
    refusalsToGiveUp = 2,
    onGone = () => process.exit(1),
    every = everyInterval,
  } = options;
  const separator = address.lastIndexOf(":");
  const host = address.slice(0, separator);
  const port = Number(address.slice(separator + 1));
  let refusals = 0;
  let gone = false;
  /** One connection attempt; settles once it is answered, refused or timed out. */
  const probe = () =>
    new Promise<void>((settled) => {
      if (gone) return settled();
      const socket = net.connect({ host, port });
      socket.setTimeout(intervalMs);
      socket.once("connect", () => {
        refusals = 0;
        socket.destroy();
        settled();
      });
      socket.once("timeout", () => {
        socket.destroy(); // a busy engine is still an engine
        settled();
      });
      socket.once("error", (error: NodeJS.ErrnoException) => {
        if (error.code === "ECONNREFUSED") refusals += 1;
        if (refusals >= refusalsToGiveUp && !gone) {
          gone = true;
          stop();
          onGone();
        }
        settled();
      });
    });
  const stop = every(intervalMs, probe);
  return stop;
}

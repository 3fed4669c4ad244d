#!/usr/bin/env node
/**
 * `pulumi-resource-chathub`: the native provider plugin the engine starts for `chathub:*`
 * resources. It prints its port on stdout (the engine reads it) and ends once the engine is gone.
 */
import { exitWhenEngineGone } from "../core/engine-watchdog";
import { chathubProvider } from "./definition";
import { engineAddressFromPluginArgs, serveProvider } from "./server";

async function main(): Promise<void> {
  const engineAddress = engineAddressFromPluginArgs(process.argv.slice(2));
  const { port } = await serveProvider(chathubProvider, { engineAddress });
  process.stdout.write(`${port}\n`);
  // A provider outliving a killed engine would go on sending the requests it had been given.
  if (engineAddress) exitWhenEngineGone(engineAddress);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `pulumi-resource-chathub: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});

/**
 * The command line the engine starts a provider plugin with: glog-style flags it passes to every
 * plugin (`--logtostderr`, `-v=N`, `--logflow`, `--tracing <endpoint>`), then the engine's
 * `host:port` as the last argument. Started by hand for debugging (PULUMI_DEBUG_PROVIDERS), the
 * plugin has no engine address until the engine calls Attach.
 */
const FLAGS_WITH_A_VALUE = new Set(["--tracing", "-tracing"]);

export function engineAddressFromPluginArgs(args: readonly string[]): string | undefined {
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (FLAGS_WITH_A_VALUE.has(arg)) {
      i++; // skip the flag's value
    } else if (!arg.startsWith("-")) {
      positional.push(arg);
    }
  }
  return positional.at(-1);
}

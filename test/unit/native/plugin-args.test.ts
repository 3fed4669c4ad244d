import { describe, expect, it } from "vitest";
import { engineAddressFromPluginArgs } from "../../../src/native/server/plugin-args";

describe("the plugin's command line", () => {
  it("finds the engine address after the glog flags the engine passes to every plugin", () => {
    expect(
      engineAddressFromPluginArgs([
        "--logtostderr",
        "-v=9",
        "--logflow",
        "--tracing",
        "tcp:9411",
        "127.0.0.1:42001",
      ]),
    ).toBe("127.0.0.1:42001");
  });

  it("has no engine address when started by hand for PULUMI_DEBUG_PROVIDERS", () => {
    expect(engineAddressFromPluginArgs([])).toBeUndefined();
    expect(engineAddressFromPluginArgs(["--logtostderr", "-v=3"])).toBeUndefined();
  });
});

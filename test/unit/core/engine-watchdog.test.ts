import net from "node:net";
import { describe, expect, it } from "vitest";
import { engineAddressFromArgs, exitWhenEngineGone } from "../../../src/core/engine-watchdog";

describe("engine watchdog", () => {
  it("finds the engine's address among the provider's arguments", () => {
    expect(engineAddressFromArgs(["--logtostderr", "-v=9", "127.0.0.1:41234"])).toBe("127.0.0.1:41234");
    expect(engineAddressFromArgs(["--tracing", "http://x"])).toBeUndefined();
  });

  it("gives up once the engine stops accepting connections, and not before", async () => {
    const engine = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => engine.listen(0, "127.0.0.1", resolve));
    const { port } = engine.address() as net.AddressInfo;
    let goneAt: number | undefined;
    const stop = exitWhenEngineGone(`127.0.0.1:${port}`, {
      intervalMs: 50,
      onGone: () => (goneAt = Date.now()),
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(goneAt).toBeUndefined();
      const closedAt = Date.now();
      await new Promise<void>((resolve) => engine.close(() => resolve()));
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(goneAt).toBeDefined();
      expect((goneAt as number) - closedAt).toBeLessThan(400);
    } finally {
      stop();
    }
  });
});

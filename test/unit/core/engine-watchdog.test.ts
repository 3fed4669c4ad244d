import net from "node:net";
import { describe, expect, it } from "vitest";
import { engineAddressFromArgs, exitWhenEngineGone } from "../../../src/core/engine-watchdog";

describe("engine watchdog", () => {
  it("finds the engine's address among the provider's arguments", () => {
    expect(engineAddressFromArgs(["--logtostderr", "-v=9", "127.0.0.1:41234"])).toBe("127.0.0.1:41234");
    expect(engineAddressFromArgs(["--tracing", "http://x"])).toBeUndefined();
  });

  it("gives up after refusalsToGiveUp refused connections in a row, and not while the engine answers", async () => {
    const engine = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => engine.listen(0, "127.0.0.1", resolve));
    const { port } = engine.address() as net.AddressInfo;
    let probe: () => Promise<void> = async () => undefined;
    let watching = false;
    let gone = 0;
    exitWhenEngineGone(`127.0.0.1:${port}`, {
      refusalsToGiveUp: 2,
      onGone: () => (gone += 1),
      every: (_intervalMs, check) => {
        probe = check;
        watching = true;
        return () => (watching = false);
      },
    });
    for (let answered = 0; answered < 3; answered += 1) await probe();
    expect(gone).toBe(0);
    await new Promise<void>((resolve) => engine.close(() => resolve()));
    await probe();
    expect(gone).toBe(0); // one refusal: a restarting listener, not yet a dead engine
    await probe();
    expect(gone).toBe(1);
    expect(watching).toBe(false);
    await probe();
    expect(gone).toBe(1);
  });

  it("by default probes on its own, every intervalMs, until the engine is gone", async () => {
    const engine = net.createServer();
    await new Promise<void>((resolve) => engine.listen(0, "127.0.0.1", resolve));
    const { port } = engine.address() as net.AddressInfo;
    await new Promise<void>((resolve) => engine.close(() => resolve()));
    // Resolves once onGone is called: the test's timeout is the only clock.
    await new Promise<void>((resolve) =>
      exitWhenEngineGone(`127.0.0.1:${port}`, { intervalMs: 10, onGone: resolve }),
    );
  });
});

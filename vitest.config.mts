import { defineConfig } from "vitest/config";

// Two projects: fast unit tests (this package's and the emulator workspace's), and end-to-end
// tests that drive the real Pulumi CLI.
// E2E files run one at a time (each starts `pulumi` processes; CI machines have 2 cores).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts", "packages/*/test/**/*.test.ts"],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          testTimeout: 600_000,
          hookTimeout: 600_000,
          // One file at a time: each drives `pulumi` processes.
          pool: "forks",
          poolOptions: { forks: { singleFork: true } },
          globalSetup: ["test/e2e/harness/global-setup.mts"],
        },
      },
    ],
  },
});

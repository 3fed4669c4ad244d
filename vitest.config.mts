import { defineConfig } from "vitest/config";

// Two projects: fast unit tests (this package's and the emulator workspace's), and end-to-end
// tests that drive the real Pulumi CLI.
// E2E files run two at a time: most of an e2e test's time is spent waiting (ChatHub's pace, the
// engine), so two share the 2 cores of CI machines well; files never share an emulator, a stack
// or a folder, and nothing rebuilds the packages while they run (`npm pack --ignore-scripts`).
export default defineConfig({
  test: {
    poolOptions: { forks: { minForks: 1, maxForks: 2 } },
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
          // Two files at a time (maxForks below), each in a process of its own.
          pool: "forks",
          poolOptions: { forks: { singleFork: false } },
          globalSetup: ["test/e2e/harness/global-setup.mts"],
        },
      },
    ],
  },
});

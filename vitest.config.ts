import { defineConfig } from "vitest/config";

// Tests that measure rates (the emulator's per-second windows under 50 clients) run after everything
// else, alone on the machine: with the rest of the suite in parallel on two cores, scheduling jitter,
// not the code, decides whether a second holds 93 or 101 calls.
const ALONE = [
  "test/reliability/replicas.test.ts",
  "test/reliability/load.test.ts",
  "test/reliability/many-scans.test.ts",
];

const shared = { testTimeout: 30_000, hookTimeout: 60_000 };

export default defineConfig({
  test: {
    globalSetup: ["test/global-setup.ts"],
    // In CI a JSON report lets .ci/run print a plain "N passed, N failed" closing line.
    reporters: process.env.CI ? ["default", ["json", { outputFile: "test-results.json" }]] : ["default"],
    projects: [
      { test: { ...shared, name: "suite", include: ["test/**/*.test.ts"], exclude: ALONE, sequence: { groupOrder: 0 } } },
      {
        test: { ...shared, name: "rates", include: ALONE, fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});

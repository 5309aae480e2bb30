// Vitest config of the browser end-to-end suite: one file at a time, long timeouts, the client built first.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.e2e.test.ts"],
    globalSetup: ["tests/e2e/support/buildClient.ts"],
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 120_000,
    // Servers started by tests (in process or as children) listen on loopback only.
    env: { HOST: "127.0.0.1" },
    // A busy 2-core CI machine: polled assertions wait for what the user sees, not a 1-second default.
    expect: { poll: { timeout: 20_000, interval: 100 } },
  },
});

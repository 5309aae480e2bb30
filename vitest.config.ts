import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/e2e/**", "node_modules/**"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Servers started by tests (in process or as children) listen on loopback only.
    env: { HOST: "127.0.0.1" },
  },
});

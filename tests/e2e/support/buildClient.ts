// Vitest global setup for the e2e suite: builds the client once so the tests use the production bundle.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { E2E_CLIENT_DIR } from "./clientDir.ts";

export default function setup(): void {
  const root = join(import.meta.dirname, "..", "..", "..");
  execFileSync(join(root, "node_modules", ".bin", "vite"), ["build", "--logLevel", "warn", "--outDir", E2E_CLIENT_DIR], { cwd: root, stdio: "inherit" });
}

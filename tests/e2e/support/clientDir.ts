// Where the e2e suite builds and serves the client: dist/client, or E2E_CLIENT_DIR so that two suites on one machine do not overwrite each other's build.
import { join, resolve } from "node:path";

const ROOT = join(import.meta.dirname, "..", "..", "..");

export const E2E_CLIENT_DIR = process.env.E2E_CLIENT_DIR ? resolve(ROOT, process.env.E2E_CLIENT_DIR) : join(ROOT, "dist", "client");

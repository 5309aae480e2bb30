// The editor's e2e harness: starts the real server on the client built by the suite's global setup, with a copy of
// content/, its own data folder and a known facilitator key.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { listen } from "@colyseus/tools";
import { createAppConfig } from "../../server/appConfig.ts";
import { getFreePort } from "./support/testServer.ts";
import { E2E_CLIENT_DIR } from "./support/clientDir.ts";

const ROOT = join(import.meta.dirname, "..", "..");
export const FACILITATOR_KEY = "editor-e2e-facilitator-key";

export interface EditorTestServer {
  url: string;
  /** Path of the editor page in this build. */
  editorPath: string;
  stop(): Promise<void>;
}

export async function startEditorTestServer(): Promise<EditorTestServer> {
  const work = mkdtempSync(join(tmpdir(), "hc-editor-e2e-"));
  // The suite's global setup has built the client into dist/client.
  const clientDir = E2E_CLIENT_DIR;
  const contentDir = join(work, "content");
  const dataDir = join(work, "data");
  cpSync(join(ROOT, "content"), contentDir, { recursive: true });
  const port = await getFreePort();
  process.env.PORT = String(port);
  process.env.FACILITATOR_KEY = FACILITATOR_KEY;
  const { app } = createAppConfig({ port, host: "127.0.0.1", clientDir, contentDir, dataDir, joinFailuresPerMinute: 1000, requestsPerSecond: 50, botMinDelayMs: 50, botMaxDelayMs: 200 });
  const server = await listen(app, port);
  return {
    url: `http://127.0.0.1:${port}`,
    editorPath: "/editor",
    stop: async () => {
      await server.gracefullyShutdown(false);
      rmSync(work, { recursive: true, force: true });
    },
  };
}

// Starts the real session server (the server's app config) on a free port, serving the built client.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { listen } from "@colyseus/tools";
import { createAppConfig } from "../../../server/appConfig.ts";
import { getFreePort } from "../../support/freePort.ts";
import { E2E_CLIENT_DIR } from "./clientDir.ts";

const ROOT = join(import.meta.dirname, "..", "..", "..");

export { getFreePort };

export interface TestServer {
  url: string;
  stop(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const port = await getFreePort();
  process.env.PORT = String(port);
  const { app } = createAppConfig({
    port,
    host: "127.0.0.1",
    clientDir: E2E_CLIENT_DIR,
    contentDir: join(ROOT, "content"),
    // Its own session records: never the repository's data/, which `npm start` restores from.
    dataDir: mkdtempSync(join(tmpdir(), "hc-e2e-data-")),
    joinFailuresPerMinute: 1000,
    // Every browser in the suite connects from 127.0.0.1 and the suite creates many sessions.
    createsPerMinute: 1000,
    requestsPerSecond: 50,
    botMinDelayMs: 50,
    botMaxDelayMs: 200,
  });
  const server = await listen(app, port);
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      await server.gracefullyShutdown(false);
    },
  };
}

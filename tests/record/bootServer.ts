// Boots the real app config in-process on a free port with its own DATA_DIR (SQLite record), for
// suites that read the record; a free port keeps parallel runs on this machine apart.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { boot, type ColyseusTestServer } from "@colyseus/testing";
import { createAppConfig } from "../../server/appConfig.ts";
import type { ServerSettings } from "../../server/config.ts";
import { getFreePort } from "../e2e/support/testServer.ts";

export interface BootedServer {
  colyseus: ColyseusTestServer;
  config: ReturnType<typeof createAppConfig>;
  url: string;
  stop(): Promise<void>;
}

export async function bootServer(overrides: Partial<ServerSettings> = {}): Promise<BootedServer> {
  const port = await getFreePort();
  const config = createAppConfig({
    port,
    reconnectSeconds: 5,
    botMinDelayMs: 5,
    botMaxDelayMs: 30,
    joinFailuresPerMinute: 1000,
    createsPerMinute: 1000,
    requestsPerSecond: 1000,
    dataDir: mkdtempSync(join(tmpdir(), "hc-record-test-")),
    databaseUrl: null,
    ...overrides,
  });
  const colyseus = await boot(config.app, port);
  return {
    colyseus,
    config,
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      await colyseus.shutdown();
      await config.records.stop();
    },
  };
}

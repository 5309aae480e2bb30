// The one room registry and HTTP setup (@colyseus/tools config): the `session` room, the larger
// WebSocket payload limit, the request guard (client address, body limits), the matchmaking limits, the scenario and editor APIs and the built client.
import { networkInterfaces } from "node:os";
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { matchMaker, type ServerOptions } from "@colyseus/core";
import { RedisDriver } from "@colyseus/redis-driver";
import { RedisPresence } from "@colyseus/redis-presence";
import { Encoder } from "@colyseus/schema";
import config from "@colyseus/tools";
import { ROOM_NAME } from "../shared/protocol/options.ts";
import type { ServerSettings } from "./config.ts";
import { readSettings } from "./config.ts";
import { createEditorRouter } from "./editor/editorRoutes.ts";
import { isFacilitatorKey, loadFacilitatorKey } from "./editor/facilitatorKey.ts";
import { ScenarioWriter } from "./editor/scenarioWriter.ts";
import { BoundWebSocketTransport } from "./http/boundTransport.ts";
import { DEFAULT_PING_SLICE_MS } from "./http/spreadPings.ts";
import { registerContentRoutes } from "./http/contentRoutes.ts";
import { registerNetworkRoutes } from "./http/networkRoutes.ts";
import { serveClient, useCompression } from "./http/staticClient.ts";
import { parseTrustProxy } from "./http/clientAddress.ts";
import { installRequestGuard } from "./http/requestGuard.ts";
import { createColyseusLogger, logger } from "./log/logger.ts";
import { LogSummariser } from "./log/logSummariser.ts";
import { AddressLimits } from "./matchmaking/addressLimits.ts";
import { installMatchmakeGuard } from "./matchmaking/matchmakeGuard.ts";
import { startProcessHeartbeat, stopProcessHeartbeat } from "./matchmaking/processHeartbeat.ts";
import { createSessionRouter } from "./http/sessionRoutes.ts";
import { SessionRecords } from "./record/SessionRecords.ts";
import { SessionRoom, type SessionRoomSettings } from "./room/SessionRoom.ts";
import { openSessionStore } from "./storage/openSessionStore.ts";
import { ScenarioStore } from "./scenarioStore.ts";

/** Bigger than any request we accept (arguments are ≤ 280 chars), far above the 4 KB default that closes sockets. */
const MAX_PAYLOAD_BYTES = 64 * 1024;

/**
 * Each room's encoder buffer starts at this size (the 16 KB default is outgrown by a full class
 * after a few rounds). Assembly-sized sessions grow their own buffer on demand, which
 * @colyseus/schema reports with a one-line warning; a bigger default would cost every room.
 */
const STATE_BUFFER_BYTES = 64 * 1024;

export function createAppConfig(overrides: Partial<ServerSettings> = {}) {
  const settings: ServerSettings = { ...readSettings(), ...overrides };
  Encoder.BUFFER_SIZE = Math.max(Encoder.BUFFER_SIZE, STATE_BUFFER_BYTES);
  const scenarios = new ScenarioStore(settings.contentDir);
  // Durable sessions: every session is journaled to SQLite in DATA_DIR (or PostgreSQL) and restored after a restart.
  const records = new SessionRecords({
    store: openSessionStore({ dataDir: settings.dataDir, databaseUrl: settings.databaseUrl }),
    retentionDays: settings.retentionDays,
    log: logger.child({ component: "records" }),
  });
  const roomSettings: SessionRoomSettings = {
    records,
    scenarios,
    defaultScenarioId: settings.defaultScenarioId,
    reconnectSeconds: settings.reconnectSeconds,
    idleMinutes: settings.idleMinutes,
    requestsPerSecond: settings.requestsPerSecond,
    maxSpectators: settings.maxSpectators,
    creatorConnectSeconds: settings.creatorConnectSeconds,
    botMinDelayMs: settings.botMinDelayMs,
    botMaxDelayMs: settings.botMaxDelayMs,
  };
  const facilitator = loadFacilitatorKey(settings.dataDir);
  const writer = new ScenarioWriter({ contentDir: settings.contentDir, dataDir: settings.dataDir });
  const Room = class extends SessionRoom {
    static override settings = roomSettings;
  };

  const trustProxy = parseTrustProxy(settings.trustProxy);
  const logSummariser = new LogSummariser();
  const options: ServerOptions = { greet: false, logger: createColyseusLogger(logger, (key, emit) => logSummariser.note(key, emit)) };
  let redisClient: unknown;
  if (settings.redisUrl) {
    // Several processes share sessions through Colyseus's own Redis presence and driver.
    const presence = new RedisPresence(settings.redisUrl);
    options.presence = presence;
    options.driver = new RedisDriver(settings.redisUrl);
    if (settings.publicAddress) options.publicAddress = settings.publicAddress;
    // The presence's own ioredis connection also holds the per-address limits, shared by every process.
    redisClient = (presence as unknown as { pub?: unknown }).pub;
  }
  const limits = new AddressLimits({ joinFailuresPerMinute: settings.joinFailuresPerMinute, createsPerMinute: settings.createsPerMinute, redisClient });

  // Event-loop delay tells whether the server itself keeps up (reported by /api/health).
  const loopDelay = monitorEventLoopDelay({ resolution: 20 });
  loopDelay.enable();

  return {
    settings,
    limits,
    scenarios,
    facilitator,
    records,
    app: config({
      options,
      initializeTransport: (options) => {
        const server = createServer();
        installRequestGuard(server, trustProxy);
        // Keep-alive pings in 100 ms slices: a whole class's (or school's) pings never stall the loop at once.
        return new BoundWebSocketTransport({ ...options, server, maxPayload: MAX_PAYLOAD_BYTES }, settings.host, { pingSliceMs: DEFAULT_PING_SLICE_MS });
      },
      initializeGameServer: (gameServer) => {
        gameServer.define(ROOM_NAME, Room);
        installMatchmakeGuard(limits, logger.child({ component: "matchmaking" }));
        if (settings.redisUrl) startProcessHeartbeat(matchMaker.presence, matchMaker.processId);
        else stopProcessHeartbeat();
      },
      beforeListen: async () => {
        // Tables ready and expired records purged before the first session; then live ones come back.
        await records.start();
        await records.recoverAll();
      },
      initializeExpress: (app) => {
        useCompression(app);
        app.get("/api/health", (req, res) => {
          // Public: plain liveness. Figures and `?reset` only with the facilitator key.
          const header = req.get("authorization");
          const presented = header?.startsWith("Bearer ") ? header.slice("Bearer ".length).trim() : req.get("x-facilitator-key");
          if (!isFacilitatorKey(presented, facilitator.key)) {
            res.set("Cache-Control", "no-store").json({ ok: true });
            return;
          }
          const memory = process.memoryUsage();
          const loop = { p50: loopDelay.percentile(50) / 1e6, p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 };
          if (req.query.reset !== undefined) loopDelay.reset();
          res.json({ ok: true, rssBytes: memory.rss, heapUsedBytes: memory.heapUsed, eventLoopDelayMs: loop });
        });
        registerContentRoutes(
          app,
          (id) => scenarios.get(id) ?? undefined,
          () => scenarios.listIds().flatMap((id) => {
            const s = scenarios.get(id);
            return s ? [{ id, version: s.version, title: s.title }] : [];
          }),
        );
        registerNetworkRoutes(app, networkInterfaces, settings.host);
        app.use("/api/sessions", createSessionRouter({ records }));
        app.use("/api/editor", createEditorRouter({ writer, facilitatorKey: facilitator.key, onSaved: (s) => scenarios.invalidate(s.id) }));
        if (existsSync(join(settings.clientDir, "index.html"))) {
          serveClient(app, settings.clientDir);
        }
      },
    }),
  };
}

// Entry of the baseline server (started by the server benchmark, never by hand): the bare room of
// baselineRoom.ts on PORT with the same transport settings as the product (ws-transport, 64 KB
// payload limit, default patch rate), through @colyseus/tools like server/main.ts. Answers the
// benchmark's "probe" over IPC with its memory and event-loop delay, the figures the product
// serves at /api/health.
import { monitorEventLoopDelay } from "node:perf_hooks";
import config, { listen } from "@colyseus/tools";
import { BoundWebSocketTransport } from "../../../server/http/boundTransport.ts";
import { BASELINE_ROOM_NAME, BaselineRoom } from "./baselineRoom.ts";
import type { ServerProbe } from "./ipc.ts";

const port = Number(process.env.PORT);
if (!Number.isInteger(port) || port <= 0) throw new Error("PORT must be set to the port to listen on");

const loopDelay = monitorEventLoopDelay({ resolution: 20 });
loopDelay.enable();

process.on("message", (message: unknown) => {
  if ((message as { type?: unknown }).type !== "probe") return;
  const memory = process.memoryUsage();
  const probe: ServerProbe = {
    type: "probe",
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
    eventLoopDelayMs: { p50: loopDelay.percentile(50) / 1e6, p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 },
  };
  if ((message as { reset?: unknown }).reset === true) loopDelay.reset();
  process.send?.(probe);
});
// The benchmark stops this process with SIGTERM; the parent going away must stop it too.
process.on("disconnect", () => process.exit(0));

await listen(
  config({
    options: { greet: false },
    displayLogs: false,
    initializeTransport: (options) => new BoundWebSocketTransport({ ...options, maxPayload: 64 * 1024 }, process.env.HOST ?? "127.0.0.1"),
    initializeGameServer: (gameServer) => {
      gameServer.define(BASELINE_ROOM_NAME, BaselineRoom);
    },
  }),
  port,
);

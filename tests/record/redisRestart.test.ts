// Restart recovery in Redis mode: the dead process's join-code reservation stays in Redis, yet
// the restarted process restores the session under the same code (skipped without redis-server).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client, type Room } from "@colyseus/sdk";
import { afterAll, describe, expect, it } from "vitest";
import type { SessionStateView, Welcome } from "../../shared/protocol/stateTypes.ts";
import { OWN_SEAT_MESSAGE } from "../../shared/protocol/stateTypes.ts";
import { getFreePort } from "../e2e/support/testServer.ts";
import { waitFor } from "../server/helpers.ts";
import { REDIS_SERVER, hasRedisServer, startRedisServer, type RedisServer } from "../support/redisServer.ts";
import { startServerProcess, type ServerProcess } from "./serverProcess.ts";

let redis: RedisServer | null = null;
let server: ServerProcess | null = null;
afterAll(async () => {
  await server?.stop("SIGTERM");
  redis?.stop();
});

if (!hasRedisServer) {
  describe("restart recovery with Redis", () => {
    it.skip(`skipped: redis-server is not installed at ${REDIS_SERVER} (apt-get install redis-server)`, () => undefined);
  });
} else {
  describe("restart recovery with Redis", () => {
    it("a process killed with SIGKILL comes back with its session under the same code although Redis still holds the code", { timeout: 60_000 }, async () => {
      redis = await startRedisServer();
      const port = await getFreePort();
      const env = { REDIS_URL: redis.url, PUBLIC_ADDRESS: `127.0.0.1:${port}` };
      const dataDir = mkdtempSync(join(tmpdir(), "hc-redis-restart-"));
      server = await startServerProcess({ port, dataDir, env });
      const client = new Client(server.url);
      const host = (await client.create("session", { rounds: 1 })) as Room<unknown, SessionStateView>;
      const hostKey = ((await host.request("welcome", {})) as Welcome).hostKey!;
      const code = host.roomId;
      const student = (await client.joinById(code, { as: "student", nickname: "Eli", deviceToken: `redis-${process.pid}-device-token` })) as Room<unknown, SessionStateView>;
      student.onMessage(OWN_SEAT_MESSAGE, () => undefined);
      const { playerId } = (await student.request("welcome", {})) as Welcome;
      host.reconnection.enabled = false;
      student.reconnection.enabled = false;
      await server.stop("SIGKILL");

      server = await startServerProcess({ port, dataDir, env });
      const started = Date.now();
      let back: Room<unknown, SessionStateView> | null = null;
      while (!back) {
        try {
          back = (await client.joinById(code, { as: "host", hostKey })) as Room<unknown, SessionStateView>;
        } catch (error) {
          if (Date.now() - started > 40_000) throw new Error(`not restored: ${String(error)}\n${server.output().slice(-2000)}`);
          await new Promise((r) => setTimeout(r, 300));
        }
      }
      await waitFor(() => back.state.players?.get(playerId!)?.nickname === "Eli", 8000, "the restored seat");
      expect(back.roomId).toBe(code);
      back.reconnection.enabled = false;
      await back.leave();
    });
  });
}

// Restart recovery in Redis mode: the dead process's join-code reservation stays in Redis, yet
// the restarted process restores the session under the same code (skipped without redis-server).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client, type Room } from "@colyseus/sdk";
import { afterAll, describe, expect, it } from "vitest";
import type { SessionStateView, Welcome } from "../../shared/protocol/stateTypes.ts";
import { getFreePort } from "../e2e/support/testServer.ts";
import { waitFor } from "../server/helpers.ts";
import { startServerProcess, type ServerProcess } from "./serverProcess.ts";

const REDIS_SERVER = "/usr/bin/redis-server";

async function waitForRedis(port: number): Promise<void> {
  const started = Date.now();
  for (;;) {
    const pong = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1", () => socket.write("PING\r\n"));
      socket.once("data", (d) => {
        socket.destroy();
        resolve(d.toString().startsWith("+PONG"));
      });
      socket.once("error", () => resolve(false));
    });
    if (pong) return;
    if (Date.now() - started > 10_000) throw new Error(`redis-server did not answer on port ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

let redis: ChildProcess | null = null;
let server: ServerProcess | null = null;
afterAll(async () => {
  await server?.stop("SIGTERM");
  redis?.kill("SIGTERM");
});

if (!existsSync(REDIS_SERVER)) {
  describe("restart recovery with Redis", () => {
    it.skip(`skipped: redis-server is not installed at ${REDIS_SERVER} (apt-get install redis-server)`, () => undefined);
  });
} else {
  describe("restart recovery with Redis", () => {
    it("a process killed with SIGKILL comes back with its session under the same code although Redis still holds the code", { timeout: 60_000 }, async () => {
      const redisPort = await getFreePort();
      redis = spawn(REDIS_SERVER, ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
      await waitForRedis(redisPort);
      const port = await getFreePort();
      const env = { REDIS_URL: `redis://127.0.0.1:${redisPort}`, PUBLIC_ADDRESS: `127.0.0.1:${port}` };
      const dataDir = mkdtempSync(join(tmpdir(), "hc-redis-restart-"));
      server = await startServerProcess({ port, dataDir, env });
      const client = new Client(server.url);
      const host = (await client.create("session", { rounds: 1 })) as Room<unknown, SessionStateView>;
      const hostKey = ((await host.request("welcome", {})) as Welcome).hostKey!;
      const code = host.roomId;
      const student = (await client.joinById(code, { as: "student", nickname: "Eli", deviceToken: `redis-${process.pid}-device-token` })) as Room<unknown, SessionStateView>;
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

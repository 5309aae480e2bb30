// Redis mode (issue 10, item 10): a real redis-server and two real server processes. A session is
// played with students joining through both; after the process holding a session is killed,
// joining it through the other answers `join/session-unavailable` at once, never an untyped 523.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreateOptions } from "../../shared/protocol/options.ts";
import { parseJoinError } from "../../shared/protocol/refusals.ts";
import type { Welcome } from "../../shared/protocol/stateTypes.ts";
import { toSnapshot } from "../../client/state/snapshot.ts";
import { getFreePort } from "../e2e/support/testServer.ts";
import { REDIS_SERVER, hasRedisServer, redisModeEnv, startRedisServer, type RedisServer } from "../support/redisServer.ts";
import { UNTIMED, newDeviceToken, recordOwnSeat, waitFor, type SessionRoomClient } from "./helpers.ts";

const hasRedis = hasRedisServer;
if (!hasRedis) console.warn(`redis-server is not installed at ${REDIS_SERVER}: the Redis-mode test is skipped (apt-get install redis-server).`);

const ROOT = join(import.meta.dirname, "..", "..");
const children: ChildProcess[] = [];

function start(command: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.resume();
  child.stderr?.resume();
  children.push(child);
  return child;
}

async function waitForHttp(url: string, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > timeoutMs) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface ServerProcess {
  port: number;
  child: ChildProcess;
  sdk: Client;
}

let redis: RedisServer | undefined;
let redisPort = 0;
const servers: ServerProcess[] = [];

async function startServerProcess(): Promise<ServerProcess> {
  const port = await getFreePort();
  const child = start(process.execPath, [join(ROOT, "server", "main.ts")], {
    PORT: String(port),
    ...redisModeEnv(`redis://127.0.0.1:${redisPort}`, port),
    DATA_DIR: mkdtempSync(join(tmpdir(), "hc-redis-test-")),
    CLIENT_DIR: join(tmpdir(), "hc-no-client"),
    FACILITATOR_KEY: "redis-test-facilitator-key",
    LOG_LEVEL: "warn",
    RECONNECT_SECONDS: "5",
    JOIN_RATE_LIMIT: "3",
    BOT_MIN_DELAY_MS: "5",
    BOT_MAX_DELAY_MS: "30",
    NODE_ENV: "production",
  });
  await waitForHttp(`http://127.0.0.1:${port}/api/health`);
  return { port, child, sdk: new Client(`http://127.0.0.1:${port}`) };
}

/** The port of the process a connected room lives on (its WebSocket URL names it). */
function processPortOf(room: SessionRoomClient): number {
  const url = (room.connection as unknown as { transport: { ws: WebSocket } }).transport.ws.url;
  return Number(new URL(url).port);
}

async function createSession(via: ServerProcess, options: CreateOptions = {}): Promise<{ host: SessionRoomClient; code: string }> {
  const host = (await via.sdk.create("session", { timers: UNTIMED, ...options })) as SessionRoomClient;
  await host.request("welcome", {});
  await waitFor(() => host.state.code === host.roomId);
  return { host, code: host.roomId };
}

async function joinStudent(via: ServerProcess, code: string, nickname: string) {
  const room = (await via.sdk.joinById(code, { as: "student", nickname, deviceToken: newDeviceToken() })) as SessionRoomClient;
  const ownSeat = recordOwnSeat(room);
  const welcome = (await room.request("welcome", {})) as Welcome;
  await waitFor(() => room.state.code === room.roomId);
  // The seat arrives by its own message before the welcome's reply, through either process.
  if (ownSeat.current?.playerId !== welcome.playerId) throw new Error(`no own seat for ${nickname} before the welcome`);
  return { room, welcome };
}

describe.skipIf(!hasRedis)("two processes sharing sessions through Redis", () => {
  beforeAll(async () => {
    redis = await startRedisServer();
    redisPort = redis.port;
    servers.push(await startServerProcess(), await startServerProcess());
  }, 60_000);

  afterAll(async () => {
    for (const child of children.reverse()) if (child.exitCode === null) child.kill("SIGKILL");
    redis?.stop();
  });

  it("a session is played with students joining through both processes", async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const { host, code } = await createSession(a, { voteMode: "single" });
    const ana = await joinStudent(a, code, "Ana");
    const ben = await joinStudent(b, code, "Ben");
    // The host sees both seats; each student sees the count and its own seat.
    await waitFor(() => host.state.players.size === 2 && ana.room.state.playerCount === 2 && ben.room.state.playerCount === 2, 5000, "everyone to see both students");

    await host.request("start", {});
    await host.request("advance", {});
    await waitFor(() => ben.room.state.phase === "propose", 5000, "propose on B's client");
    const policyIds: string[] = [];
    host.state.proposalCounts.forEach((_count, id) => policyIds.push(id));
    const policyId = policyIds[0]!;
    await ana.room.request("propose", { policyId, argument: "Through A" });
    await ben.room.request("propose", { policyId, argument: "Through B" });
    await waitFor(() => ana.room.state.arguments.size === 2 && ben.room.state.arguments.size === 2, 5000, "both arguments everywhere");
    // Both proposed: the propose phase ends a moment after the patch that shows it.
    await waitFor(() => host.state.phase === "debate" || host.state.phase === "vote", 5000, "the end of the propose phase");
    if (host.state.phase === "debate") await host.request("advance", {});
    await waitFor(() => host.state.phase === "vote", 5000, "vote");
    await ana.room.request("vote", { choice: policyId });
    await ben.room.request("vote", { choice: policyId });
    await waitFor(() => ben.room.state.phase === "resolve" && toSnapshot(ben.room.state).tally[policyId] === 2, 5000, "the reveal on B's client");
    for (const r of [host, ana.room, ben.room]) await r.leave();
  });

  it("the failed-join limit is shared: guesses through one process count on the other", async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    // From their own loopback address, so the other tests' joins (from 127.0.0.1) are not blocked.
    const guess = async (via: ServerProcess) => {
      const body = await new Promise<string>((resolve, reject) => {
        const req = request({ host: "127.0.0.1", port: via.port, path: "/matchmake/joinById/ZZZZZ", method: "POST", localAddress: "127.0.0.7", headers: { "content-type": "application/json" } }, (res) => {
          let text = "";
          res.on("data", (c: Buffer) => (text += c.toString()));
          res.on("end", () => resolve(text));
        });
        req.on("error", reject);
        req.end(JSON.stringify({ as: "spectator" }));
      });
      return parseJoinError({ message: (JSON.parse(body) as { error?: string }).error }).code;
    };
    expect([await guess(a), await guess(b), await guess(a)]).toEqual(["join/unknown-code", "join/unknown-code", "join/unknown-code"]);
    expect(await guess(b)).toBe("join/rate-limited");
  });

  it("after the process holding a session is killed, joining it through the other is refused as join/session-unavailable at once", async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    // Rooms go to the process with the fewest, by room counts each process publishes at most once a second:
    // creations a second apart place one on each process, whatever the earlier tests left behind.
    const sessions: { host: SessionRoomClient; code: string }[] = [];
    const on = (server: ServerProcess) => sessions.find((s) => processPortOf(s.host) === server.port);
    while ((!on(a) || !on(b)) && sessions.length < 16) {
      sessions.push(await createSession(a));
      if (!on(a) || !on(b)) await new Promise((r) => setTimeout(r, 1_100));
    }
    const victim = on(b);
    const other = on(a);
    expect(victim && other, "a session on each process").toBeTruthy();
    b.child.kill("SIGKILL");

    const attempt = async () => {
      const started = performance.now();
      const e = await a.sdk.joinById(victim!.code, { as: "student", nickname: "Late", deviceToken: newDeviceToken() }).then(() => null, (x: unknown) => x);
      return { code: parseJoinError(e).code, ms: performance.now() - started };
    };
    // Straight after the kill the answer is already typed (Colyseus's own health check decides it).
    const early = await attempt();
    expect(early.code).toBe("join/session-unavailable");
    expect(early.ms).toBeLessThan(6000);
    // Once the dead process's heartbeat has lapsed (2 s), the answer comes without waiting.
    await new Promise((r) => setTimeout(r, 2500));
    for (let i = 0; i < 3; i++) {
      const later = await attempt();
      expect(later.code).toBe("join/session-unavailable");
      expect(later.ms).toBeLessThan(500);
    }
    // The session on the surviving process is untouched.
    const cam = await joinStudent(a, other!.code, "Cam");
    expect(cam.welcome.playerId).toBeTruthy();
  }, 60_000);
});

// A throwaway redis-server for tests: on a free loopback port, no persistence, stopped by the test.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { connect } from "node:net";
import { getFreePort } from "./freePort.ts";

export const REDIS_SERVER = "/usr/bin/redis-server";
/** CI installs it (.ci/run); without it the Redis tests are skipped with a message. */
export const hasRedisServer = existsSync(REDIS_SERVER);

export interface RedisServer {
  port: number;
  url: string;
  stop(): void;
}

async function waitForPong(port: number, timeoutMs = 10_000): Promise<void> {
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
    if (Date.now() - started > timeoutMs) throw new Error(`redis-server did not answer on port ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startRedisServer(): Promise<RedisServer> {
  const port = await getFreePort();
  const child = spawn(REDIS_SERVER, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  await waitForPong(port);
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop: () => {
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}

/** The environment that runs a server process in Redis mode on `port`, as the Redis tests and `bench:server --redis` start them. */
export function redisModeEnv(redisUrl: string, port: number): Record<string, string> {
  return { REDIS_URL: redisUrl, PUBLIC_ADDRESS: `127.0.0.1:${port}` };
}

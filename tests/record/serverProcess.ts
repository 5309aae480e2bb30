// Runs the real server (server/main.ts) as a child process on a free loopback port with its own
// DATA_DIR, so a test can kill it (SIGKILL) and start it again on the same data.
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { afterAll } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");

/** Servers still running; killed after the importing test file's tests, so a failed test leaves none behind. */
const running = new Set<ChildProcess>();
afterAll(() => {
  for (const child of running) child.kill("SIGKILL");
});

export interface ServerProcess {
  url: string;
  /** Everything the process printed, for failure messages. */
  output(): string;
  /** Sends the signal and waits for the process to exit. */
  stop(signal: NodeJS.Signals): Promise<void>;
}

export async function startServerProcess(options: { port: number; dataDir: string; env?: Record<string, string> }): Promise<ServerProcess> {
  let output = "";
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, "server", "main.ts")], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(options.port),
      DATA_DIR: options.dataDir,
      CLIENT_DIR: join(options.dataDir, "no-client"),
      DATABASE_URL: "",
      JOIN_RATE_LIMIT: "1000",
      CREATE_RATE_LIMIT: "1000",
      REQUESTS_PER_SECOND: "200",
      BOT_MIN_DELAY_MS: "5",
      BOT_MAX_DELAY_MS: "30",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  running.add(child);
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      running.delete(child);
      resolve();
    }),
  );
  const url = `http://127.0.0.1:${options.port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited at start:\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 20_000) {
      child.kill("SIGKILL");
      throw new Error(`the server did not start within 20 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    output: () => output,
    stop: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

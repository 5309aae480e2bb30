// The server under test as a child process: started pinned to its own core (taskset), probed for
// memory and event-loop delay (the product's /api/health with the facilitator key, the baseline over
// IPC), its CPU time read from /proc/<pid>/stat, and always stopped.
import { execFileSync, fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import type { ServerProbe, TargetName } from "./ipc.ts";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const READY_TIMEOUT_MS = 30_000;

/** Whole-process CPU time (user + system) in ms, from /proc/<pid>/stat; NaN where /proc is missing. */
export function readCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
    return (ticks * 1000) / clockTicksPerSecond();
  } catch {
    return NaN;
  }
}

/** Resident memory in bytes from /proc/<pid>/statm (cheap enough to sample often); NaN without /proc. */
export function readRssBytes(pid: number): number {
  try {
    const resident = Number(readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]);
    return resident * pageSize();
  } catch {
    return NaN;
  }
}

let ticks: number | undefined;
function clockTicksPerSecond(): number {
  ticks ??= Number(tryExec("getconf", ["CLK_TCK"])) || 100;
  return ticks;
}
let page: number | undefined;
function pageSize(): number {
  page ??= Number(tryExec("getconf", ["PAGESIZE"])) || 4096;
  return page;
}

function tryExec(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "";
  }
}

/** Where the server(s) and the clients run: disjoint CPU lists when taskset exists and there are ≥ 2 cores. */
export interface Pinning {
  taskset: string | null;
  serverCpus: string | null;
  clientCpus: string | null;
  /** One CPU list per server process (the Redis mode runs two): each its own core while cores remain for the clients, else they share CPU 0. */
  perServerCpus: (string | null)[];
}

export function choosePinning(cpuCount: number, servers = 1): Pinning {
  const taskset = tryExec("sh", ["-c", "command -v taskset"]) || null;
  if (!taskset || cpuCount < 2) return { taskset: null, serverCpus: null, clientCpus: null, perServerCpus: Array.from({ length: servers }, () => null) };
  const range = (first: number): string => (first === cpuCount - 1 ? String(first) : `${first}-${cpuCount - 1}`);
  if (cpuCount > servers) {
    const perServerCpus = Array.from({ length: servers }, (_, i) => String(i));
    return { taskset, serverCpus: perServerCpus.join(","), clientCpus: range(servers), perServerCpus };
  }
  return { taskset, serverCpus: "0", clientCpus: range(1), perServerCpus: Array.from({ length: servers }, () => "0") };
}

/** How many CPUs a taskset list names ("1", "2-3", "0,2-3"); without a list, every CPU of the machine. */
export function countCpus(list: string | null, machineCpus = availableParallelism()): number {
  if (!list) return machineCpus;
  return list.split(",").reduce((n, part) => {
    const [first, last = first] = part.split("-").map(Number);
    return n + (last! - first! + 1);
  }, 0);
}

/** fork() options that run the script under `taskset -c <cpus>` (the IPC channel survives taskset's exec). */
export function pinnedForkOptions(pinning: Pinning, cpus: string | null, nodeArgs: string[] = []): { execPath?: string; execArgv: string[] } {
  if (!pinning.taskset || !cpus) return { execArgv: nodeArgs };
  return { execPath: pinning.taskset, execArgv: ["-c", cpus, process.execPath, ...nodeArgs] };
}

/** Extra Node flags for the server under test, e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=prof" to see where its time goes. */
function serverNodeArgs(): string[] {
  return (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter((a) => a.length > 0);
}

export interface ServerMemory {
  rssBytes: number;
  heapUsedBytes: number;
  eventLoopDelayMs: { p50: number; p99: number; max: number };
}

export class ServerProcess {
  readonly target: TargetName;
  readonly port: number;
  readonly child: ChildProcess;
  private readonly dataDir: string | null;
  private readonly facilitatorKey: string;
  private stderrTail = "";
  private exited = false;

  /** `cpus` overrides the pinning's server CPUs; `env` adds variables (the Redis mode's REDIS_URL and PUBLIC_ADDRESS). */
  constructor(target: TargetName, port: number, pinning: Pinning, extra: { cpus?: string | null; env?: Record<string, string> } = {}) {
    this.target = target;
    this.port = port;
    // The product's /api/health shows its figures only with the facilitator key: the server reads
    // FACILITATOR_KEY from its environment (server/editor/facilitatorKey.ts), so the bench sets one.
    this.facilitatorKey = randomBytes(18).toString("base64url");
    this.dataDir = target === "product" ? mkdtempSync(join(tmpdir(), "hc-bench-data-")) : null;
    const script = target === "product" ? join(ROOT, "server", "main.ts") : join(import.meta.dirname, "baselineServer.ts");
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: "127.0.0.1" };
    if (target === "product") {
      Object.assign(env, {
        FACILITATOR_KEY: this.facilitatorKey,
        DATA_DIR: this.dataDir,
        // One address (127.0.0.1) creates every session and joins every student: lift the per-address
        // matchmaking limits, which exist against guessing codes from one machine. Everything else is the product's default.
        CREATE_RATE_LIMIT: "1000000",
        JOIN_RATE_LIMIT: "1000000",
      });
    }
    Object.assign(env, extra.env);
    const cpus = extra.cpus === undefined ? pinning.serverCpus : extra.cpus;
    this.child = fork(script, [], { cwd: ROOT, env, stdio: ["ignore", "ignore", "pipe", "ipc"], ...pinnedForkOptions(pinning, cpus, serverNodeArgs()) });
    this.child.stderr?.on("data", (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString()).slice(-2000);
    });
    this.child.on("exit", () => (this.exited = true));
  }

  get pid(): number {
    return this.child.pid ?? NaN;
  }

  get endpoint(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Resolves once the server listens (@colyseus/tools' listen() sends "ready" over IPC), then checks the probe works. */
  async ready(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.target} server did not start within ${READY_TIMEOUT_MS / 1000} s${this.tail()}`)), READY_TIMEOUT_MS);
      this.child.on("message", (m) => {
        if (m === "ready") {
          clearTimeout(timer);
          resolve();
        }
      });
      this.child.on("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`${this.target} server exited with ${code} before it was ready${this.tail()}`));
      });
    });
    await this.probe();
  }

  private tail(): string {
    return this.stderrTail ? `:\n${this.stderrTail}` : "";
  }

  /** Memory and event-loop delay as the server itself sees them; `reset` restarts its delay histogram. */
  async probe(reset = false): Promise<ServerMemory> {
    if (this.exited) {
      throw new Error(`the ${this.target} server exited during the run (${this.child.signalCode ?? `code ${this.child.exitCode}`})${this.tail()}`);
    }
    if (this.target === "product") {
      const response = await fetch(`${this.endpoint}/api/health${reset ? "?reset" : ""}`, {
        headers: { authorization: `Bearer ${this.facilitatorKey}` },
        signal: AbortSignal.timeout(10_000),
      });
      const body = (await response.json()) as Partial<ServerMemory>;
      if (typeof body.rssBytes !== "number" || !body.eventLoopDelayMs) {
        throw new Error(`the product's /api/health gave no figures with the facilitator key (HTTP ${response.status}: ${JSON.stringify(body).slice(0, 200)})`);
      }
      return body as ServerMemory;
    }
    return new Promise<ServerMemory>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the baseline server did not answer its probe")), 10_000);
      const onMessage = (m: unknown): void => {
        if ((m as ServerProbe).type !== "probe") return;
        clearTimeout(timer);
        this.child.off("message", onMessage);
        resolve(m as ServerProbe);
      };
      this.child.on("message", onMessage);
      this.child.send({ type: "probe", reset });
    });
  }

  cpuMs(): number {
    return readCpuMs(this.pid);
  }

  rssBytes(): number {
    return readRssBytes(this.pid);
  }

  /** SIGTERM, then SIGKILL after 5 s; removes the product's temporary data folder. */
  async stop(): Promise<void> {
    if (!this.exited) {
      const gone = new Promise<void>((resolve) => {
        this.child.once("exit", () => resolve());
        setTimeout(resolve, 8000).unref();
      });
      this.child.kill("SIGTERM");
      const timer = setTimeout(() => this.child.kill("SIGKILL"), 5000);
      await gone;
      clearTimeout(timer);
    }
    if (this.dataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** For process exit handlers: synchronous, no waiting. */
  killNow(): void {
    if (!this.exited) this.child.kill("SIGKILL");
    if (this.dataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }
}

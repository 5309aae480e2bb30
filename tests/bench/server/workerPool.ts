// The benchmark's load workers: forked child processes (pinned to the clients' cores) that each
// hold a share of the clients, with a request/answer helper over their IPC channels.
import { fork, type ChildProcess } from "node:child_process";
import { setPriority } from "node:os";
import { join } from "node:path";
import type { FromWorker, ToWorker } from "./ipc.ts";
import { pinnedForkOptions, readCpuMs, type Pinning } from "./serverProcess.ts";

const WORKER_SCRIPT = join(import.meta.dirname, "loadWorker.ts");

/** Extra Node flags for the load workers, e.g. BENCH_WORKER_NODE_ARGS="--cpu-prof --cpu-prof-dir=prof" to see where the clients' time goes. */
function workerNodeArgs(): string[] {
  return (process.env.BENCH_WORKER_NODE_ARGS ?? "").split(" ").filter((a) => a.length > 0);
}

type Answer<T extends FromWorker["type"]> = Extract<FromWorker, { type: T }>;

/**
 * The nice value of the load workers (the probe keeps the parent's, 0): when the clients' core is
 * busy, the scheduler runs the probe as soon as a frame of a timed student arrives, instead of after
 * the load workers' slices (placement.ts says why the timed students have a process of their own).
 */
export const LOAD_WORKER_NICE = 10;

export class WorkerPool {
  readonly workers: ChildProcess[];
  private readonly stderrTails: string[];
  /** Workers whose priority could not be lowered (then the run says so). */
  readonly notNiced: number[] = [];

  /** `background(i)`: worker i is a load worker, run at LOAD_WORKER_NICE. */
  constructor(count: number, pinning: Pinning, background: (index: number) => boolean = () => false) {
    this.stderrTails = Array.from({ length: count }, () => "");
    this.workers = Array.from({ length: count }, (_, i) => {
      const child = fork(WORKER_SCRIPT, [], { stdio: ["ignore", "inherit", "pipe", "ipc"], ...pinnedForkOptions(pinning, pinning.clientCpus, workerNodeArgs()) });
      if (background(i)) {
        try {
          // Through taskset the pid is the same process once it has exec'd Node.
          setPriority(child.pid!, LOAD_WORKER_NICE);
        } catch {
          this.notNiced.push(i);
        }
      }
      child.stderr?.on("data", (chunk: Buffer) => {
        this.stderrTails[i] = (this.stderrTails[i] + chunk.toString()).slice(-2000);
      });
      return child;
    });
  }

  /** The workers' CPU time so far, summed (ms). */
  cpuMs(): number {
    return this.workers.reduce((n, w) => n + (w.pid === undefined ? 0 : readCpuMs(w.pid)), 0);
  }

  get size(): number {
    return this.workers.length;
  }

  send(index: number, message: ToWorker): void {
    this.workers[index]!.send(message);
  }

  /** Sends a message and waits for the worker's answer of the given type (a "fatal" or an exit rejects). */
  ask<T extends FromWorker["type"]>(index: number, message: ToWorker, answer: T, timeoutMs: number): Promise<Answer<T>> {
    const worker = this.workers[index]!;
    return new Promise<Answer<T>>((resolve, reject) => {
      const cleanup = (): void => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("exit", onExit);
      };
      const onMessage = (m: FromWorker): void => {
        if (m.type === answer) {
          cleanup();
          resolve(m as Answer<T>);
        } else if (m.type === "fatal") {
          cleanup();
          reject(new Error(`load worker ${index} failed: ${m.message}`));
        }
      };
      const onExit = (code: number | null): void => {
        cleanup();
        reject(new Error(`load worker ${index} exited (${code}) while waiting for "${answer}"${this.stderrTails[index] ? `:\n${this.stderrTails[index]}` : ""}`));
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`load worker ${index} gave no "${answer}" within ${Math.round(timeoutMs / 1000)} s`));
      }, timeoutMs);
      worker.on("message", onMessage);
      worker.on("exit", onExit);
      worker.send(message);
    });
  }

  /** Stops every worker (they exit on their own when the channel closes; SIGKILL for any that hangs). */
  async stop(): Promise<void> {
    await Promise.all(
      this.workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.exitCode !== null || w.signalCode !== null) return resolve();
            const timer = setTimeout(() => w.kill("SIGKILL"), 3000);
            w.once("exit", () => {
              clearTimeout(timer);
              resolve();
            });
            if (w.connected) w.disconnect();
            else w.kill("SIGTERM");
          }),
      ),
    );
  }

  killNow(): void {
    for (const w of this.workers) if (w.exitCode === null && w.signalCode === null) w.kill("SIGKILL");
  }
}

// The load workers run at a lower priority than the probe, so on a busy clients' core a timed
// student's frame is read as soon as it arrives (placement.ts).
import { getPriority } from "node:os";
import { describe, expect, it } from "vitest";
import { choosePinning } from "./serverProcess.ts";
import { LOAD_WORKER_NICE, WorkerPool } from "./workerPool.ts";

describe("WorkerPool", () => {
  it("lowers the load workers' priority and leaves the probe's as the parent's, pinned or not", async () => {
    for (const pinning of [choosePinning(2), choosePinning(1)]) {
      const pool = new WorkerPool(3, pinning, (i) => i < 2);
      try {
        expect(pool.notNiced).toEqual([]);
        const nice = pool.workers.map((w) => getPriority(w.pid!));
        expect(nice).toEqual([LOAD_WORKER_NICE, LOAD_WORKER_NICE, getPriority()]);
      } finally {
        await pool.stop();
      }
    }
  }, 30_000);
});

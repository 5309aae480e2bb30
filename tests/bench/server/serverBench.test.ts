// End to end: `bench:server` starts the product and the baseline servers, plays a tiny session on
// each with clients in worker processes, and reports figures that add up.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hasRedisServer } from "../../support/redisServer.ts";
import type { Report } from "./report.ts";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const SCRIPT = join(ROOT, "tests", "bench", "serverBench.ts");

function runBench(args: string[]) {
  return spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: "utf8", timeout: 170_000 });
}

describe("bench:server", () => {
  it("measures the product and the baseline with every client held and every timed action seen in a patch", () => {
    const result = runBench(["1", "3", "1", "--json", "--spread-ms", "200", "--timed", "1", "--workers", "1"]);
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    const { product, baseline } = report.runs[0]!;
    for (const run of [product!, baseline!]) {
      // Every student, timed, decoding or reading a decoding student's state, plays to the end.
      expect(run.held).toBe(3);
      expect(run.finished).toBe(run.expectedFinished);
      expect(run.errorCount).toBe(0);
      // Student 0 alone in the probe, timed; students 1 and 2 in the one load worker (1 decodes, 2 reads its state).
      expect(run.studentsTimed).toBe(1);
      // The timed student: propose, endorse both others' arguments, vote.
      expect(run.actionsExpected).toBe(4);
      expect(run.actionsTimed).toBe(4);
      expect(run.latencyMs.p50).toBeGreaterThan(0);
      expect(run.latencyMs.p99).toBeGreaterThanOrEqual(run.latencyMs.p50);
      expect(run.bytesPerStudentRoundByPhase.join).toBeGreaterThan(0);
      // At least the patches that showed the student's own four actions.
      expect(run.framesPerStudentRound).toBeGreaterThanOrEqual(4);
      expect(run.cpu.playMs).toBeGreaterThanOrEqual(0);
      expect(Number.isFinite(run.memory.perStudentBytes)).toBe(true);
      expect(run.compressedSockets).toBe(0);
      // What a frame cost the clients: the workers' CPU over the frames they received.
      expect(run.clientCpuUsPerFrame).toBeGreaterThan(0);
      expect(Number.isFinite(run.clientCpuUsPerFrame)).toBe(true);
      // How busy the server's core was: on average, and in its busiest second (sampled every 200 ms).
      expect(run.serverCoreBusy.average).toBeGreaterThan(0);
      expect(run.serverCoreBusy.busiestSecond).toBeGreaterThanOrEqual(0);
      expect(run.serverCoreBusy.busiestSecond).toBeLessThan(1.5);
      // And the clients' cores, summed over the client processes.
      expect(run.clientCoresBusy.average).toBeGreaterThan(0);
      expect(run.clientCoresBusy.busiestSecond).toBeGreaterThanOrEqual(run.clientCoresBusy.average * 0.5);
      expect(run.clientCoresBusy.busiestSecond).toBeLessThan(1.5);
    }
    // The reveal's patch is counted in the phase it opens (bytes are counted after decoding).
    expect(product!.bytesPerStudentRoundByPhase.resolve!).toBeGreaterThan(product!.bytesPerStudentRoundByPhase.vote!);
    expect(report.ratios.bytesPerStudentRound).toBeGreaterThan(1);
    expect(report.medians.product!.latencyP95Ms).toBe(product!.latencyMs.p95);
  }, 180_000);

  it("times every student of a session smaller than --timed (400 by default)", () => {
    const result = runBench(["1", "3", "1", "--json", "--spread-ms", "200", "--only", "product"]);
    expect(result.status, result.stderr).toBe(0);
    const product = (JSON.parse(result.stdout) as Report).runs[0]!.product!;
    expect(product.errorCount).toBe(0);
    expect(product.studentsTimed).toBe(3);
    expect(product.actionsExpected).toBe(12);
    expect(product.actionsTimed).toBe(12);
  }, 180_000);

  it.skipIf(!hasRedisServer)("--redis spreads the sessions over two processes sharing them through Redis and prints each one's share", () => {
    const result = runBench(["2", "3", "1", "--redis", "--json", "--spread-ms", "200"]);
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    const { product, baseline } = report.runs[0]!;
    expect(baseline).toBeUndefined();
    expect(product!.held).toBe(6);
    expect(product!.errorCount).toBe(0);
    expect(product!.actionsTimed).toBe(product!.actionsExpected);
    expect(product!.processes).toHaveLength(2);
    expect(product!.processes.map((p) => p.sessions)).toEqual([1, 1]);
    expect(new Set(product!.processes.map((p) => p.port)).size).toBe(2);
    for (const p of product!.processes) expect(p.playCpuMs).toBeGreaterThan(0);
  }, 180_000);

  it("refuses bad arguments before starting anything", () => {
    const result = runBench(["1", "0"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/STUDENTS must be at least 1/);
    expect(result.stderr).toMatch(/usage: npm run bench:server/);
  });
});

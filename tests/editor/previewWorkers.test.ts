// The editor's Monte-Carlo in parallel: batches merged in any split and order equal the single-thread preview exactly;
// the worker pool reports progress, drops a stale run when the facilitator edits again, and falls back to the main thread.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BatchResult } from "../../client/editor/monteCarlo.ts";
import { getQuantile, getQuantilesUnsorted, mergePathSeries, playBatch } from "../../client/editor/monteCarlo.ts";
import type { PathChoice, PreviewChart } from "../../client/editor/previewModel.ts";
import { assembleChart, assemblePreview, clampSeedCount, computePreview, getPathMixes, getSeeds, planPreview } from "../../client/editor/previewModel.ts";
import type { RunProgress, WorkerLike } from "../../client/editor/previewRunner.ts";
import { createPreviewRunner } from "../../client/editor/previewRunner.ts";
import type { FromWorker, ToWorker } from "../../client/editor/previewWorkerProtocol.ts";
import { createBatchHandler } from "../../client/editor/previewWorkerProtocol.ts";
import { INDICATORS } from "../../shared/content/vocabulary.ts";
import { checkCalibration } from "../../shared/rules/calibration.ts";
import { getHistoricalPath, playPath } from "../../shared/rules/playPath.ts";
import { loadDefaultScenario } from "../support/defaultScenario.ts";

const scenario = loadDefaultScenario();
const policy: PathChoice = { kind: "policy", policyId: scenario.policies[1]!.id };

/** Seeded shuffle, so "any order" is tested without flakiness. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A worker double: the real handler behind a structured-clone boundary, replying asynchronously like a Web Worker. */
function createFakeWorker(log: ToWorker[], options: { failOnLoad?: boolean } = {}): WorkerLike {
  const handle = createBatchHandler();
  let onReply: ((reply: FromWorker) => void) | null = null;
  let stopped = false;
  return {
    postMessage(message) {
      log.push(message);
      const copy = structuredClone(message);
      setTimeout(() => {
        if (stopped) return;
        const reply = handle(copy);
        if (reply) onReply?.(structuredClone(reply));
      }, 0);
    },
    listen(reply, error) {
      onReply = reply;
      if (options.failOnLoad) setTimeout(() => error("script failed to load"), 0);
    },
    terminate() {
      stopped = true;
    },
  };
}

describe("Monte-Carlo batches and their merge", () => {
  it("finds the same quantiles by selection as by sorting, duplicates and all", () => {
    const value = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: true, noDefaultInfinity: true })).map((v) => (v === 0 ? 0 : v));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 300 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }), (values, qs) => {
        const sorted = [...values].sort((a, b) => a - b);
        const found = getQuantilesUnsorted(Float64Array.from(values), [...qs, 0.1, 0.9, 0, 1]);
        expect(found).toEqual([...qs, 0.1, 0.9, 0, 1].map((q) => getQuantile(sorted, q)));
      }),
      { numRuns: 500 },
    );
    expect(getQuantilesUnsorted(new Float64Array(0), [0.5])).toEqual([Number.NaN]);
  });

  for (const choice of [{ kind: "historical" } as PathChoice, policy]) {
    it(`merging batches of any size, in any order, gives the single-thread preview exactly (${choice.kind})`, () => {
      const seedCount = 37;
      const single = computePreview(scenario, choice, [], seedCount);
      for (const size of [1, 5, 16, 36, 37]) {
        const results = shuffle(planPreview(scenario, choice, [], seedCount, size).map((b) => playBatch(scenario, b)), size);
        expect(assemblePreview(results, choice, seedCount), `batches of ${size}`).toEqual(single);
      }
    });
  }

  it("equals the bands, line and calibration worked out from whole game records (the preview before batches)", () => {
    const seedCount = 25;
    const records = getSeeds(scenario, seedCount).map((seed) => playPath(scenario, getPathMixes(scenario, policy, []), { seed }));
    const historical = getSeeds(scenario, seedCount).map((seed) => playPath(scenario, getHistoricalPath(scenario), { seed }));
    const preview = computePreview(scenario, policy, [], seedCount);
    expect(preview.selected.years).toEqual(records[0]!.years.map((y) => y.year));
    for (const indicator of INDICATORS) {
      expect(preview.selected.line[indicator]).toEqual(records[0]!.years.map((y) => y.indicators[indicator]));
      preview.selected.band[indicator].forEach((band, y) => {
        const sorted = records.map((r) => r.years[y]!.indicators[indicator]).sort((a, b) => a - b);
        expect(band, `${indicator} year ${y}`).toEqual({ low: getQuantile(sorted, 0.1), high: getQuantile(sorted, 0.9) });
      });
    }
    const first = checkCalibration(historical[0]!, scenario.calibration);
    expect(preview.calibration.map((row) => row.result)).toEqual(first);
    preview.calibration.forEach((row, t) => {
      expect(row.withinSeeds).toBe(historical.filter((r) => checkCalibration(r, scenario.calibration)[t]!.isWithin).length);
    });
  });

  it("refuses batches that leave out or repeat a seed", () => {
    const batches = planPreview(scenario, { kind: "historical" }, [], 10, 4).map((b) => playBatch(scenario, b));
    expect(() => mergePathSeries(batches.slice(1), 10)).toThrow(/seed 0/);
    expect(() => mergePathSeries([...batches, batches[2]!], 10)).toThrow();
    expect(() => mergePathSeries(batches, 11)).toThrow(/not 11/);
  });

  it("asks for at most 10,000 runs and at least one", () => {
    expect(clampSeedCount(50_000)).toBe(10_000);
    expect(clampSeedCount(0)).toBe(1);
    expect(clampSeedCount(Number.NaN)).toBe(1);
    expect(planPreview(scenario, policy, [], 50_000, 2_500).reduce((n, b) => n + b.count, 0)).toBe(20_000);
  });
});

describe("the preview's worker pool", () => {
  it("plays the seeds across the workers and gives the single-thread result, with progress up to every game", async () => {
    const log: ToWorker[] = [];
    const runner = createPreviewRunner({ createWorker: () => createFakeWorker(log), workerCount: 3 });
    const progress: RunProgress[] = [];
    const result = await runner.run(scenario, policy, [], 40, (p) => progress.push(p));
    expect(result).not.toBeNull();
    expect(result!.preview).toEqual(computePreview(scenario, policy, [], 40));
    expect(result!.stats.workers).toBe(3);
    expect(result!.stats.games).toBe(80);
    expect(progress[0]).toEqual({ done: 0, total: 80 });
    expect(progress.at(-1)).toEqual({ done: 80, total: 80 });
    expect(log.filter((m) => m.kind === "scenario")).toHaveLength(3);
    runner.dispose();
  });

  it("drops a stale run when the facilitator edits again: no more of its batches are sent, and the new run's numbers are the new scenario's", async () => {
    const log: ToWorker[] = [];
    const runner = createPreviewRunner({ createWorker: () => createFakeWorker(log), workerCount: 2, batchSize: 5 });
    const edited = structuredClone(scenario);
    edited.policies[1]!.levers = { force: 1 };
    const stale = runner.run(scenario, policy, [], 60);
    const sentBeforeEdit = log.filter((m) => m.kind === "batch").length;
    const fresh = runner.run(edited, policy, [], 60);
    await expect(stale).resolves.toBeNull();
    const result = await fresh;
    const staleBatches = log.filter((m) => m.kind === "batch" && m.runId === 1).length;
    expect(staleBatches).toBe(sentBeforeEdit);
    expect(staleBatches).toBeLessThan(24);
    expect(result!.preview).toEqual(computePreview(edited, policy, [], 60));
    expect(result!.preview).not.toEqual(computePreview(scenario, policy, [], 60));
    runner.dispose();
  });

  it("falls back to the main thread where workers are unavailable, with the same numbers", async () => {
    const runner = createPreviewRunner({ createWorker: () => null });
    const result = await runner.run(scenario, { kind: "historical" }, [], 30);
    expect(result!.stats.workers).toBe(0);
    expect(result!.preview).toEqual(computePreview(scenario, { kind: "historical" }, [], 30));
  });

  it("finishes on the main thread when the workers fail to start", async () => {
    const log: ToWorker[] = [];
    const runner = createPreviewRunner({ createWorker: () => createFakeWorker(log, { failOnLoad: true }), workerCount: 2, batchSize: 4 });
    const result = await runner.run(scenario, policy, [], 20);
    expect(result!.stats.workers).toBe(0);
    expect(result!.preview).toEqual(computePreview(scenario, policy, [], 20));
  });

  it("reports a batch the rules could not play as an error, not as a preview", async () => {
    const runner = createPreviewRunner({
      createWorker: () => ({
        postMessage: () => undefined,
        listen(reply) {
          setTimeout(() => reply({ kind: "failed", runId: 1, message: "boom" }), 0);
        },
        terminate: () => undefined,
      }),
      workerCount: 1,
    });
    await expect(runner.run(scenario, policy, [], 5)).rejects.toThrow("boom");
  });

  it("keeps the batches' values for every seed and year", () => {
    const [batch] = planPreview(scenario, { kind: "historical" }, [], 3, 3);
    const result: BatchResult = playBatch(scenario, batch!);
    expect(result.values).toHaveLength(3 * result.years.length * INDICATORS.length);
    expect([...result.values].every(Number.isFinite)).toBe(true);
  });
});

describe("the chosen path's chart before the calibration", () => {
  it("plays the historical default seed, then the chosen path, then the other historical seeds", () => {
    const plan = planPreview(scenario, policy, [], 30, 10);
    expect(plan.map((b) => [b.pathIndex, b.start])).toEqual([[0, 0], [1, 0], [1, 10], [1, 20], [0, 10], [0, 20]]);
    expect(planPreview(scenario, { kind: "historical" }, [], 30, 10).map((b) => [b.pathIndex, b.start])).toEqual([[0, 0], [0, 10], [0, 20]]);
  });

  it("has a chart only once every chosen seed and the historical default seed are in, equal to the whole preview's", () => {
    const results = planPreview(scenario, policy, [], 30, 10).map((b) => playBatch(scenario, b));
    const whole = assemblePreview(results, policy, 30);
    expect(assembleChart(results.slice(0, 3), policy, 30)).toBeNull();
    expect(assembleChart(results.slice(1, 4), policy, 30)).toBeNull();
    expect(assembleChart(results.slice(0, 4), policy, 30)).toEqual({ selected: whole.selected, historicalLine: whole.historical.line, seedCount: 30 });
    expect(assembleChart(results, { kind: "historical" }, 30)).toBeNull();
  });

  it("shows the chart while the historical seeds are still being played, then resolves with the whole preview", async () => {
    const log: ToWorker[] = [];
    const runner = createPreviewRunner({ createWorker: () => createFakeWorker(log), workerCount: 2, batchSize: 10 });
    const charts: { chart: PreviewChart; done: number }[] = [];
    let done = 0;
    const result = await runner.run(scenario, policy, [], 40, (p) => (done = p.done), (chart) => charts.push({ chart, done }));
    const whole = computePreview(scenario, policy, [], 40);
    expect(charts).toHaveLength(1);
    expect(charts[0]!.chart).toEqual({ selected: whole.selected, historicalLine: whole.historical.line, seedCount: 40 });
    // The chosen path's 40 games and the historical default seed's batch of 10 were in; 30 historical games were not.
    expect(charts[0]!.done).toBe(50);
    expect(result!.preview).toEqual(whole);
    expect(result!.stats.chartMs).not.toBeNull();
    expect(result!.stats.chartMs!).toBeLessThanOrEqual(result!.stats.ms);
    // Switching path reuses the historical games: nothing to wait for after the chosen path, so no early chart.
    const switched = await runner.run(scenario, { kind: "policy", policyId: scenario.policies[2]!.id }, [], 40, undefined, (chart) => charts.push({ chart, done: -1 }));
    expect(charts).toHaveLength(1);
    expect(switched!.stats.chartMs).toBeNull();
    runner.dispose();
  });
});

describe("switching paths", () => {
  it("replays only the chosen path while the scenario and seed count are unchanged, and both after an edit", async () => {
    const log: ToWorker[] = [];
    const runner = createPreviewRunner({ createWorker: () => createFakeWorker(log), workerCount: 2, batchSize: 10 });
    const other: PathChoice = { kind: "policy", policyId: scenario.policies[2]!.id };
    const first = await runner.run(scenario, policy, [], 30);
    expect(first!.stats.games).toBe(60);
    log.length = 0;
    const switched = await runner.run(scenario, other, [], 30);
    expect(switched!.stats.games).toBe(30);
    expect(log.filter((m) => m.kind === "batch" && m.batch.pathIndex === 0)).toEqual([]);
    expect(switched!.preview).toEqual(computePreview(scenario, other, [], 30));
    const back = await runner.run(scenario, { kind: "historical" }, [], 30);
    expect(back!.stats.games).toBe(0);
    expect(back!.preview).toEqual(computePreview(scenario, { kind: "historical" }, [], 30));
    const edited = structuredClone(scenario);
    edited.parameters.captureBaseRate.value *= 2;
    const afterEdit = await runner.run(edited, other, [], 30);
    expect(afterEdit!.stats.games).toBe(60);
    expect(afterEdit!.preview).toEqual(computePreview(edited, other, [], 30));
    const moreSeeds = await runner.run(edited, other, [], 31);
    expect(moreSeeds!.stats.games).toBe(62);
    runner.dispose();
  });
});

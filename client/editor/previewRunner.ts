// Runs the preview's Monte-Carlo on a pool of Web Workers (seed batches handed to whichever worker is free), with
// progress, cancellation of a stale run when the facilitator edits again, and the main thread as the fallback.
// The historical path's games depend only on the scenario and the seeds, so switching paths replays only the chosen one;
// when both are played, the chosen path goes first and its chart is shown before the calibration's seed counts are in.
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import type { BatchResult, SeedBatch } from "./monteCarlo.ts";
import type { CustomPath, PathChoice, Preview, PreviewChart } from "./previewModel.ts";
import { assembleChart, assemblePreview, clampSeedCount, planPreview } from "./previewModel.ts";
import type { FromWorker, ToWorker } from "./previewWorkerProtocol.ts";
import { createBatchHandler } from "./previewWorkerProtocol.ts";

/** What the runner needs of a worker (a Web Worker, the main-thread stand-in, or a test double). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  /** Replies, and failures of the worker itself (a script that cannot load, a crash). */
  listen(onReply: (reply: FromWorker) => void, onError: (reason: string) => void): void;
  terminate(): void;
}

export interface RunProgress {
  /** Games played so far. */
  done: number;
  total: number;
}

export interface RunStats {
  ms: number;
  /** Games played by this run (the historical path's are reused while the scenario and seed count stay the same). */
  games: number;
  /** Workers that played the run; 0 when it ran on the main thread. */
  workers: number;
  /** When the chosen path's chart was shown ahead of the calibration (ms from the start), or null when it came with the whole preview. */
  chartMs: number | null;
}

export interface RunResult {
  preview: Preview;
  stats: RunStats;
}

export interface PreviewRunner {
  /**
   * Starts a run and cancels any still going; resolves null when a later run or `cancel()` makes it stale. `onChart` gets
   * the chosen path's chart as soon as it is complete when the historical path's other seeds are still to be played.
   */
  run(
    scenario: Scenario,
    choice: PathChoice,
    custom: CustomPath,
    seedCount: number,
    onProgress?: (progress: RunProgress) => void,
    onChart?: (chart: PreviewChart) => void,
  ): Promise<RunResult | null>;
  cancel(): void;
  /** Stops the workers (the next run starts new ones). */
  dispose(): void;
}

export interface RunnerOptions {
  /** Makes one worker, or null where workers are unavailable. Default: a module Web Worker running previewWorker.ts. */
  createWorker?: () => WorkerLike | null;
  /** Default: the browser's logical cores, at least 2 and at most 8. */
  workerCount?: number;
  /** Games per batch; default: enough batches to share the work evenly, each small enough to cancel quickly. */
  batchSize?: number;
  now?: () => number;
}

const MAX_WORKER_BATCH = 250;
/** On the main thread a batch is one task between repaints: keep it short. */
const MAX_MAIN_THREAD_BATCH = 50;

export function getDefaultWorkerCount(): number {
  const cores = typeof navigator === "undefined" ? 2 : navigator.hardwareConcurrency || 2;
  return Math.min(8, Math.max(2, cores));
}

function createWebWorker(): WorkerLike | null {
  if (typeof Worker === "undefined") return null;
  try {
    const worker = new Worker(new URL("./previewWorker.ts", import.meta.url), { type: "module" });
    return {
      postMessage: (message) => worker.postMessage(message),
      listen(onReply, onError) {
        worker.addEventListener("message", (event: MessageEvent<FromWorker>) => onReply(event.data));
        worker.addEventListener("error", (event) => {
          event.preventDefault();
          onError(event.message || "the preview worker failed");
        });
        worker.addEventListener("messageerror", () => onError("a preview worker message could not be read"));
      },
      terminate: () => worker.terminate(),
    };
  } catch {
    return null;
  }
}

/** The fallback: the same handler on the main thread, one batch per task so the page stays responsive. */
export function createMainThreadWorker(): WorkerLike {
  const handle = createBatchHandler();
  let listener: ((reply: FromWorker) => void) | null = null;
  let stopped = false;
  return {
    postMessage(message) {
      setTimeout(() => {
        if (stopped) return;
        const reply = handle(message);
        if (reply) listener?.(reply);
      }, 0);
    },
    listen(onReply) {
      listener = onReply;
    },
    terminate() {
      stopped = true;
    },
  };
}

interface Slot {
  worker: WorkerLike;
  /** The run whose scenario this worker holds. */
  runId: number;
  batch: SeedBatch | null;
  broken: boolean;
}

interface Run {
  id: number;
  scenario: Scenario;
  choice: PathChoice;
  seedCount: number;
  queue: SeedBatch[];
  results: BatchResult[];
  total: number;
  done: number;
  started: number;
  onProgress: ((progress: RunProgress) => void) | undefined;
  onChart: ((chart: PreviewChart) => void) | undefined;
  chartMs: number | null;
  finish: (result: RunResult | null, error?: Error) => void;
}

export function createPreviewRunner(options: RunnerOptions = {}): PreviewRunner {
  const makeWorker = options.createWorker ?? createWebWorker;
  const workerCount = Math.max(1, Math.floor(options.workerCount ?? getDefaultWorkerCount()));
  const now = options.now ?? (() => performance.now());
  let slots: Slot[] = [];
  let onMainThread = false;
  let current: Run | null = null;
  let nextRunId = 1;
  /** The last finished run's historical batches, reusable while the scenario object and seed count are the same. */
  let historical: { scenario: Scenario; seedCount: number; results: BatchResult[] } | null = null;

  const addSlot = (worker: WorkerLike) => {
    const slot: Slot = { worker, runId: 0, batch: null, broken: false };
    worker.listen(
      (reply) => onReply(slot, reply),
      (reason) => onWorkerError(slot, reason),
    );
    slots.push(slot);
  };

  const ensureWorkers = () => {
    if (slots.length > 0) return;
    if (!onMainThread) {
      for (let i = 0; i < workerCount; i++) {
        const worker = makeWorker();
        if (!worker) break;
        addSlot(worker);
      }
      if (slots.length > 0) return;
      onMainThread = true;
    }
    addSlot(createMainThreadWorker());
  };

  const switchToMainThread = () => {
    for (const slot of slots) {
      if (slot.batch && current) current.queue.unshift(slot.batch);
      slot.worker.terminate();
    }
    slots = [];
    onMainThread = true;
    ensureWorkers();
  };

  const dispatch = () => {
    const run = current;
    if (!run) return;
    for (const slot of slots) {
      if (slot.batch || slot.broken) continue;
      const batch = run.queue.shift();
      if (!batch) break;
      if (slot.runId !== run.id) {
        slot.worker.postMessage({ kind: "scenario", runId: run.id, scenario: run.scenario });
        slot.runId = run.id;
      }
      slot.batch = batch;
      slot.worker.postMessage({ kind: "batch", runId: run.id, batch });
    }
  };

  const onReply = (slot: Slot, reply: FromWorker) => {
    slot.batch = null;
    const run = current;
    if (!run || reply.runId !== run.id) {
      dispatch(); // a stale run's batch: drop it and give the worker current work
      return;
    }
    if (reply.kind === "failed") {
      current = null;
      run.finish(null, new Error(reply.message));
      return;
    }
    run.results.push(reply.result);
    run.done += reply.result.count;
    run.onProgress?.({ done: run.done, total: run.total });
    if (run.done === run.total) {
      current = null;
      const preview = assemblePreview(run.results, run.choice, run.seedCount);
      historical = { scenario: run.scenario, seedCount: run.seedCount, results: run.results.filter((r) => r.pathIndex === 0) };
      run.finish({ preview, stats: { ms: now() - run.started, games: run.total, workers: onMainThread ? 0 : slots.length, chartMs: run.chartMs } });
      return;
    }
    dispatch();
    if (run.onChart && run.chartMs === null) {
      const chart = assembleChart(run.results, run.choice, run.seedCount);
      if (chart) {
        run.chartMs = now() - run.started;
        run.onChart(chart);
      }
    }
  };

  const onWorkerError = (slot: Slot, reason: string) => {
    if (slot.broken) return;
    slot.broken = true;
    console.warn(`preview worker stopped (${reason}); the preview continues without it`);
    if (slot.batch && current && slot.runId === current.id) current.queue.unshift(slot.batch);
    slot.batch = null;
    slot.worker.terminate();
    slots = slots.filter((s) => s !== slot);
    if (slots.length === 0) switchToMainThread();
    dispatch();
  };

  const cancel = () => {
    const run = current;
    current = null;
    run?.finish(null);
  };

  return {
    run(scenario, choice, custom, seedCount, onProgress, onChart) {
      cancel();
      ensureWorkers();
      const count = clampSeedCount(seedCount);
      const maxBatch = onMainThread ? MAX_MAIN_THREAD_BATCH : MAX_WORKER_BATCH;
      // About four batches per worker and path: even shares, and a stale run is dropped within one batch.
      const batchSize = options.batchSize ?? Math.min(maxBatch, Math.max(1, Math.ceil(count / (slots.length * 4))));
      const reused = historical && historical.scenario === scenario && historical.seedCount === count ? historical.results : [];
      const queue = planPreview(scenario, choice, custom, count, batchSize).filter((b) => reused.length === 0 || b.pathIndex !== 0);
      return new Promise<RunResult | null>((resolve, reject) => {
        const run: Run = {
          id: nextRunId++,
          scenario,
          choice,
          seedCount: count,
          queue,
          results: [...reused],
          total: queue.reduce((n, b) => n + b.count, 0),
          done: 0,
          started: now(),
          onProgress,
          onChart,
          chartMs: null,
          finish: (result, error) => (error ? reject(error) : resolve(result)),
        };
        current = run;
        onProgress?.({ done: 0, total: run.total });
        if (queue.length === 0) {
          current = null;
          run.finish({ preview: assemblePreview(run.results, choice, count), stats: { ms: now() - run.started, games: 0, workers: onMainThread ? 0 : slots.length, chartMs: null } });
          return;
        }
        dispatch();
      });
    },
    cancel,
    dispose() {
      cancel();
      for (const slot of slots) slot.worker.terminate();
      slots = [];
    },
  };
}

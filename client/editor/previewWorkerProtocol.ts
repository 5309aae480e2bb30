// Messages between the preview and its Monte-Carlo workers, and the handler a worker (or the main-thread fallback) runs.
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import type { BatchResult, SeedBatch } from "./monteCarlo.ts";
import { playBatch } from "./monteCarlo.ts";

/** To a worker: the scenario of a run (sent once per worker and run), then that run's batches. */
export type ToWorker = { kind: "scenario"; runId: number; scenario: Scenario } | { kind: "batch"; runId: number; batch: SeedBatch };

/** From a worker: one batch played, or why it could not be. */
export type FromWorker = { kind: "done"; runId: number; result: BatchResult } | { kind: "failed"; runId: number; message: string };

/** Keeps the latest run's scenario and plays its batches; a batch of another run is refused (its scenario is gone). */
export function createBatchHandler(): (message: ToWorker) => FromWorker | null {
  let current: { runId: number; scenario: Scenario } | null = null;
  return (message) => {
    if (message.kind === "scenario") {
      current = { runId: message.runId, scenario: message.scenario };
      return null;
    }
    if (!current || current.runId !== message.runId) return { kind: "failed", runId: message.runId, message: "no scenario for this run" };
    try {
      return { kind: "done", runId: message.runId, result: playBatch(current.scenario, message.batch) };
    } catch (error) {
      return { kind: "failed", runId: message.runId, message: error instanceof Error ? error.message : String(error) };
    }
  };
}

// The preview's numbers: the edited scenario played by the shared rules along a chosen path, a Monte-Carlo band, and calibration.
// The seeds are played in batches (monteCarlo.ts) that Web Workers or the main thread run; this module plans and assembles them.
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import type { Indicator } from "../../shared/content/vocabulary.ts";
import { getHistoricalPath, getSinglePolicyPath } from "../../shared/rules/playPath.ts";
import type { PolicyMix } from "../../shared/rules/policyMix.ts";
import { normaliseMix } from "../../shared/rules/policyMix.ts";
import type { BatchResult, CalibrationRow, PathSeries, SeedBatch } from "./monteCarlo.ts";
import { getFirstSeedLine, getSeed, mergeCalibration, mergePathSeries, playBatch, splitSeeds } from "./monteCarlo.ts";

export type { Band, CalibrationRow, PathSeries } from "./monteCarlo.ts";
export { BAND_HIGH, BAND_LOW, getQuantile } from "./monteCarlo.ts";

/** Which path the preview plays: what Mexico did, one policy every round, or the facilitator's own rounds. */
export type PathChoice = { kind: "historical" } | { kind: "policy"; policyId: string } | { kind: "custom" };

/** Per round, policy id → effort weight (any non-negative numbers; normalised before playing). */
export type CustomPath = Record<string, number>[];

export interface Preview {
  selected: PathSeries;
  historical: PathSeries;
  calibration: CalibrationRow[];
  seedCount: number;
}

/** The most runs the facilitator can ask for. */
export const MAX_SEED_COUNT = 10_000;

/** The mixes to play for a choice; a custom path is normalised round by round, missing rounds repeat the last one. */
export function getPathMixes(scenario: Scenario, choice: PathChoice, custom: CustomPath): PolicyMix[] {
  if (choice.kind === "historical") return getHistoricalPath(scenario);
  if (choice.kind === "policy") return getSinglePolicyPath(scenario, choice.policyId);
  const ids = scenario.policies.map((p) => p.id);
  return scenario.rounds.map((_, i) => normaliseMix(custom[i] ?? custom[custom.length - 1] ?? {}, ids));
}

/** A custom path to start from: the historical mixes as whole-number weights (percent), one per round. */
export function getDefaultCustomPath(scenario: Scenario): CustomPath {
  return scenario.rounds.map((_, i) => Object.fromEntries(Object.entries(scenario.historicalPath[i]?.mix ?? {}).map(([id, share]) => [id, Math.round(share * 100)])));
}

/** Seeds for the Monte-Carlo band: the default seed first, then consecutive ones. */
export function getSeeds(scenario: Scenario, count: number): number[] {
  return Array.from({ length: count }, (_, i) => getSeed(scenario, i));
}

/** The run's seed count: at least 1, at most MAX_SEED_COUNT, whole. */
export function clampSeedCount(seedCount: number): number {
  return Math.min(MAX_SEED_COUNT, Math.max(1, Math.floor(Number.isFinite(seedCount) ? seedCount : 1)));
}

/**
 * Path 0 is always the historical one (it carries calibration); path 1 the chosen one unless that is historical too.
 * In playing order: the historical default seed's batch (the chart's reference line), the chosen path, then the rest of
 * the historical seeds, so that the chart the facilitator looks at is ready before the calibration's seed counts.
 */
export function planPreview(scenario: Scenario, choice: PathChoice, custom: CustomPath, seedCount: number, batchSize: number): SeedBatch[] {
  const count = clampSeedCount(seedCount);
  const historical = splitSeeds(0, getHistoricalPath(scenario), count, batchSize, true);
  if (choice.kind === "historical") return historical;
  return [...historical.slice(0, 1), ...splitSeeds(1, getPathMixes(scenario, choice, custom), count, batchSize, false), ...historical.slice(1)];
}

/** What the chart shows for a path other than the historical one: its series, and the historical default seed's line for reference. */
export interface PreviewChart {
  selected: PathSeries;
  historicalLine: Record<Indicator, number[]>;
  seedCount: number;
}

/**
 * The chart of a run whose chosen path is not the historical one, as soon as every seed of the chosen path and the
 * historical default seed are played (the calibration still waits for the other historical seeds); null until then.
 */
export function assembleChart(results: readonly BatchResult[], choice: PathChoice, seedCount: number): PreviewChart | null {
  if (choice.kind === "historical") return null;
  const count = clampSeedCount(seedCount);
  const selected = results.filter((r) => r.pathIndex === 1);
  const firstHistorical = results.find((r) => r.pathIndex === 0 && r.start === 0);
  if (!firstHistorical || selected.reduce((n, r) => n + r.count, 0) !== count) return null;
  return { selected: mergePathSeries(selected, count), historicalLine: getFirstSeedLine(firstHistorical), seedCount: count };
}

/** The preview from every batch of a plan, in any order. */
export function assemblePreview(results: readonly BatchResult[], choice: PathChoice, seedCount: number): Preview {
  const count = clampSeedCount(seedCount);
  const historicalBatches = results.filter((r) => r.pathIndex === 0);
  const historical = mergePathSeries(historicalBatches, count);
  const selected = choice.kind === "historical" ? historical : mergePathSeries(results.filter((r) => r.pathIndex === 1), count);
  return { selected, historical, calibration: mergeCalibration(historicalBatches), seedCount: count };
}

/** Plays the historical path and the chosen one over `seedCount` seeds (the first is the default seed) and checks calibration, on this thread. */
export function computePreview(scenario: Scenario, choice: PathChoice, custom: CustomPath, seedCount: number): Preview {
  const count = clampSeedCount(seedCount);
  const results = planPreview(scenario, choice, custom, count, count).map((batch) => playBatch(scenario, batch));
  return assemblePreview(results, choice, count);
}

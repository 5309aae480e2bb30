// The preview's Monte-Carlo split into seed batches that any thread can play, and the exact merge of their summaries.
// A batch keeps only what the preview shows (each seed's yearly indicators, calibration hits), never whole game records.
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import type { Indicator } from "../../shared/content/vocabulary.ts";
import { INDICATORS } from "../../shared/content/vocabulary.ts";
import type { CalibrationResult } from "../../shared/rules/calibration.ts";
import { checkCalibration } from "../../shared/rules/calibration.ts";
import { playPath } from "../../shared/rules/playPath.ts";
import type { PolicyMix } from "../../shared/rules/policyMix.ts";

/** 10th and 90th percentiles: the band the chart draws. */
export const BAND_LOW = 0.1;
export const BAND_HIGH = 0.9;

export interface Band {
  low: number;
  high: number;
}

export interface PathSeries {
  years: number[];
  /** The game with the scenario's default seed, per indicator. */
  line: Record<Indicator, number[]>;
  /** 10th–90th percentile over the seeds, per indicator and year. */
  band: Record<Indicator, Band[]>;
}

export interface CalibrationRow {
  result: CalibrationResult;
  /** Seeds (of `seedCount`) whose historical replay lands within the target. */
  withinSeeds: number;
}

/** Seeds `start` … `start + count - 1` of one path, to play in one go. */
export interface SeedBatch {
  pathIndex: number;
  mixes: PolicyMix[];
  start: number;
  count: number;
  /** Check calibration too (the historical path's batches). */
  calibrate: boolean;
}

/** What a batch keeps of its games. */
export interface BatchResult {
  pathIndex: number;
  start: number;
  count: number;
  years: number[];
  /** `values[(seed * years.length + year) * INDICATORS.length + indicator]`, seed counted from `start`; NaN where a game lacks the year. */
  values: Float64Array;
  /** Per calibration target, how many of the batch's seeds land within it (null when not calibrating). */
  within: number[] | null;
  /** The default seed's calibration results, in the batch that holds seed 0 of a calibrating path. */
  firstCalibration: CalibrationResult[] | null;
}

/** The i-th seed of the Monte-Carlo: the scenario's default seed first, then consecutive ones. */
export function getSeed(scenario: Scenario, index: number): number {
  return (scenario.settings.defaultSeed + index) >>> 0;
}

/** Linear-interpolated quantile of sorted values. */
export function getQuantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] ?? 0;
  const b = sorted[hi] ?? a;
  return a + (b - a) * (pos - lo);
}

export function playBatch(scenario: Scenario, batch: SeedBatch): BatchResult {
  const yearCount = scenario.rounds.length * scenario.yearsPerRound;
  const width = INDICATORS.length;
  const values = new Float64Array(batch.count * yearCount * width).fill(Number.NaN);
  const targets = scenario.calibration;
  const within = batch.calibrate ? targets.map(() => 0) : null;
  let years: number[] = [];
  let firstCalibration: CalibrationResult[] | null = null;
  for (let k = 0; k < batch.count; k++) {
    const index = batch.start + k;
    const record = playPath(scenario, batch.mixes, { seed: getSeed(scenario, index) });
    if (k === 0) years = record.years.map((y) => y.year);
    for (let y = 0; y < Math.min(yearCount, record.years.length); y++) {
      const indicators = record.years[y]!.indicators;
      const offset = (k * yearCount + y) * width;
      for (let i = 0; i < width; i++) values[offset + i] = indicators[INDICATORS[i]!];
    }
    if (within) {
      const results = checkCalibration(record, targets);
      results.forEach((r, t) => {
        if (r.isWithin) within[t]! += 1;
      });
      if (index === 0) firstCalibration = results;
    }
  }
  return { pathIndex: batch.pathIndex, start: batch.start, count: batch.count, years, values, within, firstCalibration };
}

/** Splits `seedCount` seeds of a path into batches of at most `size`. */
export function splitSeeds(pathIndex: number, mixes: PolicyMix[], seedCount: number, size: number, calibrate: boolean): SeedBatch[] {
  const batches: SeedBatch[] = [];
  const step = Math.max(1, Math.floor(size));
  for (let start = 0; start < seedCount; start += step) batches.push({ pathIndex, mixes, start, count: Math.min(step, seedCount - start), calibrate });
  return batches;
}

function emptyByIndicator<T>(make: () => T): Record<Indicator, T> {
  return Object.fromEntries(INDICATORS.map((k) => [k, make()])) as Record<Indicator, T>;
}

/**
 * One path's series from its batches in any order (they must cover seeds 0 … seedCount - 1 once each). The bands
 * sort every year's values over all seeds, so they equal a single-thread run's whatever the split.
 */
export function mergePathSeries(batches: readonly BatchResult[], seedCount: number): PathSeries {
  const ordered = [...batches].sort((a, b) => a.start - b.start);
  const first = ordered[0];
  const years = first && first.start === 0 ? first.years : [];
  const width = INDICATORS.length;
  const line = emptyByIndicator<number[]>(() => []);
  const band = emptyByIndicator<Band[]>(() => []);
  let covered = 0;
  for (const b of ordered) {
    if (b.start !== covered) throw new Error(`Monte-Carlo batches do not cover seed ${covered} exactly once`);
    covered += b.count;
  }
  if (covered !== seedCount) throw new Error(`Monte-Carlo batches cover ${covered} seeds, not ${seedCount}`);
  const column = new Float64Array(seedCount);
  INDICATORS.forEach((indicator, i) => {
    line[indicator] = years.map((_, y) => first!.values[y * width + i]!);
    band[indicator] = years.map((_, y) => {
      let n = 0;
      for (const b of ordered) {
        const stride = b.years.length * width;
        for (let k = 0; k < b.count; k++) {
          const v = y < b.years.length ? b.values[k * stride + y * width + i]! : Number.NaN;
          if (Number.isFinite(v)) column[n++] = v;
        }
      }
      const sorted = column.subarray(0, n).sort();
      return { low: getQuantile(sorted, BAND_LOW), high: getQuantile(sorted, BAND_HIGH) };
    });
  });
  return { years, line, band };
}

/** The calibration rows from a calibrating path's batches: the default seed's results, with hits summed over all seeds. */
export function mergeCalibration(batches: readonly BatchResult[]): CalibrationRow[] {
  const first = batches.find((b) => b.firstCalibration !== null)?.firstCalibration;
  if (!first) return [];
  return first.map((result, t) => ({ result, withinSeeds: batches.reduce((sum, b) => sum + (b.within?.[t] ?? 0), 0) }));
}

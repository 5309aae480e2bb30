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
  /**
   * `values[(indicator * years.length + year) * count + seed]`, seed counted from `start`; NaN where a game lacks the
   * year. Each indicator-year column is contiguous, so the merge copies columns instead of gathering values.
   */
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

/**
 * Moves the k-th smallest value to `values[k]`, with nothing smaller after it (Wirth's selection: Hoare partitions
 * narrowed to the side that holds k), in linear time on average instead of a full sort's n log n.
 */
function selectInPlace(values: Float64Array, k: number): void {
  let left = 0;
  let right = values.length - 1;
  while (left < right) {
    const pivot = values[(left + right) >> 1]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i] = values[j]!;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return; // between j and i every value equals the pivot
  }
}

/** The same quantiles as `getQuantile` on the sorted values, found by selection (no full sort); reorders `values`. */
export function getQuantilesUnsorted(values: Float64Array, qs: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return qs.map(() => Number.NaN);
  return qs.map((q) => {
    const pos = (n - 1) * q;
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    selectInPlace(values, lo);
    const a = values[lo]!;
    let b = a;
    if (hi !== lo) {
      // After selection everything past `lo` is ≥ a: the next order statistic is their minimum.
      b = values[hi]!;
      for (let i = hi + 1; i < n; i++) if (values[i]! < b) b = values[i]!;
    }
    return a + (b - a) * (pos - lo);
  });
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
    if (record.years.length !== yearCount) throw new Error(`a game recorded ${record.years.length} years, not ${yearCount}`);
    if (k === 0) years = record.years.map((y) => y.year);
    for (let y = 0; y < Math.min(yearCount, record.years.length); y++) {
      const indicators = record.years[y]!.indicators;
      for (let i = 0; i < width; i++) values[(i * yearCount + y) * batch.count + k] = indicators[INDICATORS[i]!];
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

/** Each indicator's yearly values in the default seed's game (seed 0, the first of the batch that starts there). */
export function getFirstSeedLine(batch: BatchResult): Record<Indicator, number[]> {
  if (batch.start !== 0) throw new Error("the default seed's game is in the batch that starts at seed 0");
  const line = emptyByIndicator<number[]>(() => []);
  INDICATORS.forEach((indicator, i) => (line[indicator] = batch.years.map((_, y) => batch.values[(i * batch.years.length + y) * batch.count]!)));
  return line;
}

/**
 * One path's series from its batches in any order (they must cover seeds 0 … seedCount - 1 once each). The bands
 * are exact order statistics of every year's values over all seeds, so they equal a single-thread run's whatever the split.
 */
export function mergePathSeries(batches: readonly BatchResult[], seedCount: number): PathSeries {
  const ordered = [...batches].sort((a, b) => a.start - b.start);
  const first = ordered[0];
  const years = first && first.start === 0 ? first.years : [];
  const band = emptyByIndicator<Band[]>(() => []);
  let covered = 0;
  for (const b of ordered) {
    if (b.start !== covered) throw new Error(`Monte-Carlo batches do not cover seed ${covered} exactly once`);
    covered += b.count;
  }
  if (covered !== seedCount) throw new Error(`Monte-Carlo batches cover ${covered} seeds, not ${seedCount}`);
  const line = first && first.start === 0 ? getFirstSeedLine(first) : emptyByIndicator<number[]>(() => []);
  const column = new Float64Array(seedCount);
  INDICATORS.forEach((indicator, i) => {
    band[indicator] = years.map((_, y) => {
      let n = 0;
      for (const b of ordered) {
        const from = (i * b.years.length + y) * b.count;
        column.set(b.values.subarray(from, from + b.count), n);
        n += b.count;
      }
      let values = column.subarray(0, n);
      // A non-finite value (a bug in the rules) is left out of the band rather than spoiling it.
      if (!values.every(Number.isFinite)) values = values.filter(Number.isFinite);
      const [low, high] = getQuantilesUnsorted(values, [BAND_LOW, BAND_HIGH]);
      return { low: low!, high: high! };
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

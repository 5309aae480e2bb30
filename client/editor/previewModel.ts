// The preview's numbers: the edited scenario played by the shared rules along a chosen path, a Monte-Carlo band, and calibration.
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import type { Indicator } from "../../shared/content/vocabulary.ts";
import { INDICATORS } from "../../shared/content/vocabulary.ts";
import type { CalibrationResult } from "../../shared/rules/calibration.ts";
import { checkCalibration } from "../../shared/rules/calibration.ts";
import type { GameRecord } from "../../shared/rules/playPath.ts";
import { getHistoricalPath, getSinglePolicyPath, playPath } from "../../shared/rules/playPath.ts";
import type { PolicyMix } from "../../shared/rules/policyMix.ts";
import { normaliseMix } from "../../shared/rules/policyMix.ts";

/** Which path the preview plays: what Mexico did, one policy every round, or the facilitator's own rounds. */
export type PathChoice = { kind: "historical" } | { kind: "policy"; policyId: string } | { kind: "custom" };

/** Per round, policy id → effort weight (any non-negative numbers; normalised before playing). */
export type CustomPath = Record<string, number>[];

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

export interface Preview {
  selected: PathSeries;
  historical: PathSeries;
  calibration: CalibrationRow[];
  seedCount: number;
}

export const BAND_LOW = 0.1;
export const BAND_HIGH = 0.9;

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

/** Linear-interpolated quantile of sorted values. */
export function getQuantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] ?? 0;
  const b = sorted[hi] ?? a;
  return a + (b - a) * (pos - lo);
}

/** Seeds for the Monte-Carlo band: the default seed first, then consecutive ones. */
export function getSeeds(scenario: Scenario, count: number): number[] {
  const base = scenario.settings.defaultSeed;
  return Array.from({ length: count }, (_, i) => (base + i) >>> 0);
}

function emptyByIndicator<T>(make: () => T): Record<Indicator, T> {
  return Object.fromEntries(INDICATORS.map((k) => [k, make()])) as Record<Indicator, T>;
}

function summarise(records: readonly GameRecord[]): PathSeries {
  const first = records[0];
  const years = first ? first.years.map((y) => y.year) : [];
  const line = emptyByIndicator<number[]>(() => []);
  const band = emptyByIndicator<Band[]>(() => []);
  for (const indicator of INDICATORS) {
    line[indicator] = first ? first.years.map((y) => y.indicators[indicator]) : [];
    band[indicator] = years.map((_, yi) => {
      const values = records.map((r) => r.years[yi]?.indicators[indicator] ?? Number.NaN).filter(Number.isFinite).sort((a, b) => a - b);
      return { low: getQuantile(values, BAND_LOW), high: getQuantile(values, BAND_HIGH) };
    });
  }
  return { years, line, band };
}

function playSeeds(scenario: Scenario, mixes: readonly PolicyMix[], seeds: readonly number[]): GameRecord[] {
  return seeds.map((seed) => playPath(scenario, mixes, { seed }));
}

/** Plays the historical path and the chosen one over `seedCount` seeds (the first is the default seed) and checks calibration. */
export function computePreview(scenario: Scenario, choice: PathChoice, custom: CustomPath, seedCount: number): Preview {
  const seeds = getSeeds(scenario, Math.max(1, seedCount));
  const historicalRecords = playSeeds(scenario, getHistoricalPath(scenario), seeds);
  const historical = summarise(historicalRecords);
  const selected = choice.kind === "historical" ? historical : summarise(playSeeds(scenario, getPathMixes(scenario, choice, custom), seeds));
  const firstRecord = historicalRecords[0];
  const calibration = firstRecord
    ? checkCalibration(firstRecord, scenario.calibration).map((result) => ({
        result,
        withinSeeds: historicalRecords.filter((r) => checkCalibration(r, [result.target])[0]?.isWithin === true).length,
      }))
    : [];
  return { selected, historical, calibration, seedCount: seeds.length };
}

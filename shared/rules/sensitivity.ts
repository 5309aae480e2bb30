// Identification: how much each parameter, moved across its plausible range, changes the replay's
// error against the observed series and the ranking of strategies. A parameter that moves the
// best mix's class outcome a lot must rest on a numeric source figure, not only an assumption.
import type { Scenario } from "../content/scenarioSchema.ts";
import type { ParameterKey } from "../content/vocabulary.ts";
import { PARAMETER_KEYS } from "../content/vocabulary.ts";
import { getHistoricalPath, playPath } from "./playPath.ts";
import type { PolicyMix } from "./policyMix.ts";
import { playFixedMix } from "./strategySpace.ts";

/** Mean absolute percentage error of one replay's homicides against the observed series (years both have). */
export function getReplayError(scenario: Scenario, seed: number): number | null {
  const observed = scenario.observed?.homicides ?? [];
  if (observed.length === 0) return null;
  const record = playPath(scenario, getHistoricalPath(scenario), { seed });
  let sum = 0;
  let n = 0;
  for (const point of observed) {
    const simulated = record.years.find((y) => y.year === point.year)?.indicators.homicides;
    if (simulated === undefined || point.value <= 0) continue;
    sum += Math.abs(simulated - point.value) / point.value;
    n++;
  }
  return n > 0 ? sum / n : null;
}

/** Median over seeds of each replay's mean absolute percentage error. */
export function getMedianReplayError(scenario: Scenario, seeds: readonly number[]): number | null {
  const errors = seeds.map((seed) => getReplayError(scenario, seed)).filter((e): e is number => e !== null).sort((a, b) => a - b);
  return errors.length > 0 ? errors[Math.floor(errors.length / 2)]! : null;
}

/** Spearman rank correlation of two score lists (1 = same ranking). */
export function getRankCorrelation(a: readonly number[], b: readonly number[]): number {
  const ranks = (v: readonly number[]) => {
    const order = v.map((x, i) => [x, i] as const).sort((p, q) => p[0] - q[0]);
    const r = new Array<number>(v.length);
    order.forEach(([, i], rank) => (r[i] = rank));
    return r;
  };
  const [ra, rb] = [ranks(a), ranks(b)];
  const n = a.length;
  if (n < 2) return 1;
  let d2 = 0;
  for (let i = 0; i < n; i++) d2 += (ra[i]! - rb[i]!) ** 2;
  return 1 - (6 * d2) / (n * (n * n - 1));
}

export function withParameter(scenario: Scenario, key: ParameterKey, value: number): Scenario {
  return { ...scenario, parameters: { ...scenario.parameters, [key]: { ...scenario.parameters[key], value } } };
}

export interface ParameterSensitivity {
  key: ParameterKey;
  value: number;
  range: [number, number];
  /** Whether the parameter cites a figure with a quantity (not only a year or an assumption). */
  hasNumericFigure: boolean;
  /** Change of the replay's median error (percentage points) at the low and high end of the range. */
  replayErrorShift: [number, number];
  /** Change of the best mix's class outcome at the low and high end. */
  bestScoreShift: [number, number];
  /** Lowest rank correlation of the strategies' class outcomes with the default ranking. */
  rankCorrelation: number;
}

/** A figure counts as a numeric source when its value is a quantity rather than the year it speaks of. */
export function hasNumericFigure(scenario: Scenario, key: ParameterKey): boolean {
  const id = scenario.parameters[key].figure;
  const figure = id === undefined ? undefined : scenario.figures.find((f) => f.id === id);
  return figure !== undefined && figure.value !== figure.period.from && figure.value !== figure.period.to;
}

export interface SensitivityOptions {
  /** Seeds for the replay error. */
  replaySeeds: readonly number[];
  /** Seeds per strategy. */
  strategySeeds: readonly number[];
  /** Strategies to rank (fixed mixes); the first is taken as the best mix. */
  strategies: readonly PolicyMix[];
  keys?: readonly ParameterKey[];
}

export function measureSensitivity(scenario: Scenario, options: SensitivityOptions): ParameterSensitivity[] {
  const baseError = getMedianReplayError(scenario, options.replaySeeds) ?? 0;
  const baseScores = options.strategies.map((mix) => playFixedMix(scenario, mix, options.strategySeeds).classOutcome);
  const out: ParameterSensitivity[] = [];
  for (const key of options.keys ?? PARAMETER_KEYS) {
    const parameter = scenario.parameters[key];
    const range = parameter.range ?? [parameter.value * 0.5, parameter.value * 1.5];
    const replayErrorShift: [number, number] = [0, 0];
    const bestScoreShift: [number, number] = [0, 0];
    let rankCorrelation = 1;
    range.forEach((value, end) => {
      if (value === parameter.value) return;
      const moved = withParameter(scenario, key, value);
      replayErrorShift[end] = ((getMedianReplayError(moved, options.replaySeeds) ?? 0) - baseError) * 100;
      const scores = options.strategies.map((mix) => playFixedMix(moved, mix, options.strategySeeds).classOutcome);
      bestScoreShift[end] = scores[0]! - baseScores[0]!;
      rankCorrelation = Math.min(rankCorrelation, getRankCorrelation(baseScores, scores));
    });
    out.push({ key, value: parameter.value, range: [range[0], range[1]], hasNumericFigure: hasNumericFigure(scenario, key), replayErrorShift, bestScoreShift, rankCorrelation });
  }
  return out;
}

/** Largest absolute shift of the best mix's class outcome across the range. */
export function getMaxBestScoreShift(s: ParameterSensitivity): number {
  return Math.max(Math.abs(s.bestScoreShift[0]), Math.abs(s.bestScoreShift[1]));
}

// Line charts of indicators across the years played: the class's path, the replay of Mexico's choices at the debrief,
// and the recorded series (what actually happened) as its own line, with labelled y-axis ticks (pure).
import type { Language } from "../../shared/i18n.ts";
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import type { YearPoint } from "../../shared/protocol/index.ts";
import { getBaselinePoint } from "./baseline.ts";

/** Indicators charted on the board, most telling first (rules vocabulary, not content ids). */
export const CHARTED_INDICATORS = ["homicides", "activeGroups", "approval", "institutionalStrength"] as const;

export interface ChartSeries {
  points: { year: number; value: number; preliminary?: boolean }[];
}

export interface LineChart {
  indicator: string;
  title: string;
  classPath: ChartSeries;
  /** Filled at the debrief: the model replaying what Mexico actually did over the same rounds. */
  historicalPath: ChartSeries | null;
  /** What was recorded (e.g. INEGI homicides) for the years played so far, all of them at the debrief; null when the scenario has none. */
  observed: (ChartSeries & { source: string }) | null;
  /** Labelled y-axis ticks, from 0 up to yMax. */
  yTicks: number[];
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

function seriesOf(indicator: string, points: readonly YearPoint[]): ChartSeries {
  return { points: points.filter((p) => indicator in p.indicators).map((p) => ({ year: p.year, value: p.indicators[indicator] ?? 0 })) };
}

/** A round step for axis ticks: 1, 2, 2.5 or 5 times a power of ten. */
export function getNiceStep(rough: number): number {
  if (!(rough > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const n = rough / magnitude;
  return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 2.5 ? 2.5 : n <= 5 ? 5 : 10) * magnitude;
}

/** Ticks from 0 that cover `max` in about `count` steps (0–100 indices: every 25). */
export function getTicks(max: number, isIndex: boolean, count = 3): number[] {
  if (isIndex && max <= 100) return [0, 25, 50, 75, 100];
  const step = getNiceStep(max / count);
  const ticks = [0];
  while ((ticks[ticks.length - 1] ?? 0) < max) ticks.push((ticks[ticks.length - 1] ?? 0) + step);
  return ticks;
}

/** The scenario's recorded series for an indicator (homicides only for now), up to `untilYear`. */
function getObserved(scenario: Scenario, indicator: string, untilYear: number, lang: Language): LineChart["observed"] {
  const observed = scenario.observed;
  if (!observed || indicator !== "homicides") return null;
  const points = observed.homicides.filter((p) => p.year <= untilYear).map((p) => ({ year: p.year, value: p.value, ...(p.preliminary ? { preliminary: true } : {}) }));
  return points.length > 0 ? { points, source: observed.source[lang] } : null;
}

export function getLineCharts(
  scenario: Scenario,
  snapshot: { years: YearPoint[]; historicalYears: YearPoint[]; totalRounds: number },
  lang: Language,
): LineChart[] {
  const baseline = getBaselinePoint(scenario);
  const rounds = snapshot.totalRounds > 0 ? snapshot.totalRounds : scenario.rounds.length;
  const lastYear = scenario.startYear + rounds * scenario.yearsPerRound - 1;
  const isDebrief = snapshot.historicalYears.length > 0;
  // During play only the years already played are shown as recorded: the class should not see its future.
  const playedUntil = isDebrief ? lastYear : (snapshot.years[snapshot.years.length - 1]?.year ?? baseline.year);
  return CHARTED_INDICATORS.filter((i) => i in scenario.indicators).map((indicator) => {
    const info = scenario.indicators[indicator];
    const classPath = seriesOf(indicator, [baseline, ...snapshot.years]);
    const historicalPath = isDebrief ? seriesOf(indicator, [baseline, ...snapshot.historicalYears]) : null;
    const observed = getObserved(scenario, indicator, playedUntil, lang);
    const values = [...classPath.points, ...(historicalPath?.points ?? []), ...(observed?.points ?? [])].map((p) => p.value);
    const max = Math.max(...values, 1);
    const isIndex = info?.format === "index";
    const yTicks = getTicks(isIndex ? Math.max(max, 1) : max * 1.05, isIndex);
    return {
      indicator,
      title: info ? info.label[lang] : indicator,
      classPath,
      historicalPath,
      observed,
      yTicks,
      xMin: baseline.year,
      xMax: lastYear,
      yMin: 0,
      yMax: yTicks[yTicks.length - 1] ?? max,
    };
  });
}

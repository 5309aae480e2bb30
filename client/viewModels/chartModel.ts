// Line charts of indicators across the years played, with the historical path at the debrief (pure).
import type { Language } from "../../shared/i18n.ts";
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import type { YearPoint } from "../../shared/protocol/index.ts";
import { getBaselinePoint } from "./baseline.ts";

/** Indicators charted on the board, most telling first (rules vocabulary, not content ids). */
export const CHARTED_INDICATORS = ["homicides", "activeGroups", "approval", "institutionalStrength"] as const;

export interface ChartSeries {
  points: { year: number; value: number }[];
}

export interface LineChart {
  indicator: string;
  title: string;
  classPath: ChartSeries;
  /** Filled at the debrief: what Mexico actually did over the same rounds. */
  historicalPath: ChartSeries | null;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

function seriesOf(indicator: string, points: readonly YearPoint[]): ChartSeries {
  return { points: points.filter((p) => indicator in p.indicators).map((p) => ({ year: p.year, value: p.indicators[indicator] ?? 0 })) };
}

export function getLineCharts(
  scenario: Scenario,
  snapshot: { years: YearPoint[]; historicalYears: YearPoint[]; totalRounds: number },
  lang: Language,
): LineChart[] {
  const baseline = getBaselinePoint(scenario);
  const rounds = snapshot.totalRounds > 0 ? snapshot.totalRounds : scenario.rounds.length;
  const lastYear = scenario.startYear + rounds * scenario.yearsPerRound - 1;
  return CHARTED_INDICATORS.filter((i) => i in scenario.indicators).map((indicator) => {
    const info = scenario.indicators[indicator];
    const classPath = seriesOf(indicator, [baseline, ...snapshot.years]);
    const historicalPath = snapshot.historicalYears.length > 0 ? seriesOf(indicator, [baseline, ...snapshot.historicalYears]) : null;
    const values = [...classPath.points, ...(historicalPath?.points ?? [])].map((p) => p.value);
    const max = Math.max(...values, 1);
    const yMax = info?.format === "index" ? Math.max(100, max) : max * 1.15;
    return {
      indicator,
      title: info ? info.label[lang] : indicator,
      classPath,
      historicalPath,
      xMin: baseline.year,
      xMax: lastYear,
      yMin: 0,
      yMax,
    };
  });
}

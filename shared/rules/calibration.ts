// Calibration: the value a played game gives for each calibration target of the scenario,
// and whether it lies within the target's tolerance.
import type { CalibrationMetric, CalibrationTarget } from "../content/scenarioSchema.ts";
import type { GameRecord } from "./playPath.ts";

export interface CalibrationResult {
  target: CalibrationTarget;
  value: number | null;
  isWithin: boolean;
}

const COUNTER_OF_METRIC = {
  newGroupsBetween: "newGroups",
  cumulativeHomicidesBetween: "cumulativeHomicides",
  organisedHomicidesBetween: "organisedHomicides",
} as const;

function getCountersBefore(record: GameRecord, year: number) {
  const previous = record.years.filter((y) => y.year < year).at(-1);
  return previous?.counters ?? record.start.counters;
}

export function measureMetric(record: GameRecord, metric: CalibrationMetric): number | null {
  switch (metric.kind) {
    case "indicatorAtYear":
      return record.years.find((y) => y.year === metric.year)?.indicators[metric.indicator] ?? null;
    case "ratioToStart": {
      const value = record.years.find((y) => y.year === metric.year)?.indicators[metric.indicator];
      const start = record.start.indicators[metric.indicator];
      return value === undefined || start === 0 ? null : value / start;
    }
    case "ratioBetweenYears": {
      const from = record.years.find((y) => y.year === metric.from)?.indicators[metric.indicator];
      const to = record.years.find((y) => y.year === metric.to)?.indicators[metric.indicator];
      return from === undefined || to === undefined || from === 0 ? null : to / from;
    }
    case "newGroupsBetween":
    case "cumulativeHomicidesBetween":
    case "organisedHomicidesBetween": {
      const end = record.years.find((y) => y.year === metric.to)?.counters;
      if (!end) return null;
      const before = getCountersBefore(record, metric.from);
      const key = COUNTER_OF_METRIC[metric.kind];
      return end[key] - before[key];
    }
    case "targetListCaptureShare": {
      const list = record.years.find((y) => y.year === metric.to)?.targetList;
      if (!list || list.listedYear !== metric.listedYear || list.listed === 0) return null;
      return list.captured / list.listed;
    }
  }
}

export function checkCalibration(record: GameRecord, targets: readonly CalibrationTarget[]): CalibrationResult[] {
  return targets.map((target) => {
    const value = measureMetric(record, target.metric);
    const isWithin = value !== null && value >= target.min && (target.max === undefined || value <= target.max);
    return { target, value, isWithin };
  });
}

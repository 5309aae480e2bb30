// Identification: every parameter that can move the best mix's class outcome by more than 10
// points across its plausible range rests on a numeric source figure, and every parameter has a
// plausible range for npm run model:sensitivity to explore. Uses 300 mixes × 2 seeds to find the
// best mix and 2 seeds per parameter end (the CLI uses 1,000 mixes × 3 seeds).
import { describe, expect, it } from "vitest";
import { PARAMETER_KEYS } from "../../shared/content/vocabulary.ts";
import { getMaxBestScoreShift, getRankCorrelation, hasNumericFigure, measureSensitivity } from "../../shared/rules/sensitivity.ts";
import { getFixedMixes, playFixedMixes, summariseStrategySpace } from "../../shared/rules/strategySpace.ts";
import { loadDefaultScenario } from "../support/defaultScenario.ts";

const scenario = loadDefaultScenario();

describe("parameter sensitivity", () => {
  it("every parameter declares a plausible range around its value", () => {
    for (const key of PARAMETER_KEYS) {
      const p = scenario.parameters[key];
      expect(p.range, key).toBeDefined();
      expect(p.range![0]).toBeLessThanOrEqual(p.value);
      expect(p.range![1]).toBeGreaterThanOrEqual(p.value);
    }
  });

  it("no parameter without a numeric source figure moves the best mix by more than 10 points", { timeout: 240_000 }, () => {
    const space = summariseStrategySpace(scenario, playFixedMixes(scenario, getFixedMixes(scenario.policies.map((p) => p.id), 300), [1, 2]));
    const rows = measureSensitivity(scenario, { replaySeeds: [1000, 1001], strategySeeds: [1, 2], strategies: [space.best.mix] });
    const unsupported = rows.filter((r) => getMaxBestScoreShift(r) > 10 && !r.hasNumericFigure).map((r) => r.key);
    expect(unsupported).toEqual([]);
  });

  it("tells a numeric figure from one that only names a year", () => {
    expect(hasNumericFigure(scenario, "budgetCeiling")).toBe(true);
    const yearOnly = PARAMETER_KEYS.find((k) => {
      const f = scenario.figures.find((x) => x.id === scenario.parameters[k].figure);
      return f !== undefined && f.value === f.period.from;
    });
    if (yearOnly) expect(hasNumericFigure(scenario, yearOnly)).toBe(false);
  });

  it("rank correlation is 1 for the same order and −1 for the reverse", () => {
    expect(getRankCorrelation([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1, 9);
    expect(getRankCorrelation([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 9);
  });
});

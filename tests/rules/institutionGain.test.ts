// How fast effort builds institutions is calibrated on the effort Mexico made (the historical path),
// not assumed: that effort holds institutions level, plus the trend ENVIPE allows.
import { describe, expect, it } from "vitest";
import { checkScenario } from "../../shared/content/checkScenario.ts";
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import { compileScenario } from "../../shared/rules/compiledScenario.ts";
import { calibrateInstitutionGain, getHistoricalInstitutionEffort } from "../../shared/rules/institutionGain.ts";
import { getHistoricalPath, playPath } from "../../shared/rules/playPath.ts";
import { withParameter } from "../../shared/rules/sensitivity.ts";
import { loadDefaultScenario } from "../support/defaultScenario.ts";

const scenario = loadDefaultScenario();

/** The default scenario with one mix every round of the historical path, no lever events (a steady effort) and the given trend. */
function withSteadyHistory(mix: Record<string, number>, trend = 0): Scenario {
  const steady: Scenario = {
    ...scenario,
    historicalPath: scenario.historicalPath.map((round) => ({ ...round, mix })),
    events: scenario.events.map((e) => ({ ...e, effects: e.effects.filter((effect) => effect.kind !== "lever") })),
  };
  return withParameter(steady, "historicalInstitutionTrend", trend);
}

const strengthByYear = (s: Scenario) => playPath(s, getHistoricalPath(s), { seed: 7 }).years.map((y) => y.indicators.institutionalStrength);

describe("institution gain calibrated on the historical path", () => {
  it("with no trend, a steady historical effort holds institutions at their starting strength every year", () => {
    const steady = withSteadyHistory({ "institution-building": 0.3, "kingpin-targeting": 0.7 });
    const start = steady.parameters.startInstitutionalStrength.value;
    for (const strength of strengthByYear(steady)) expect(strength).toBeCloseTo(start, 9);
  });

  it("with a trend, the same effort builds institutions by exactly the trend in its first year, then they settle higher", () => {
    const steady = withSteadyHistory({ "institution-building": 0.3, "kingpin-targeting": 0.7 }, 0.2);
    const start = steady.parameters.startInstitutionalStrength.value;
    const lag = steady.parameters.institutionLagYears.value;
    const years = strengthByYear(steady);
    // Until the path's own effort matures, the lag pipeline holds the effort that kept them level before 2006.
    for (const strength of years.slice(0, lag)) expect(strength).toBeCloseTo(start, 9);
    expect(years[lag]! - start).toBeCloseTo(0.2, 9);
    for (let i = lag + 1; i < years.length; i++) {
      expect(years[i]!).toBeGreaterThan(years[i - 1]!);
      expect(years[i]! - years[i - 1]!).toBeLessThan(0.2);
    }
  });

  it("follows the formula: gain × effort × (1 − start/100) = decay × start + trend", () => {
    const c = compileScenario(scenario);
    const p = c.param;
    const effort = getHistoricalInstitutionEffort(c);
    expect(effort).toBeGreaterThan(0);
    expect(c.institutionGain * effort * (1 - p.startInstitutionalStrength / 100)).toBeCloseTo(p.institutionDecayRate * p.startInstitutionalStrength + p.historicalInstitutionTrend, 9);
    // With no trend, faster erosion needs building twice as fast to have held them level.
    const level = withParameter(scenario, "historicalInstitutionTrend", 0);
    const faster = compileScenario(withParameter(level, "institutionDecayRate", p.institutionDecayRate * 2));
    expect(faster.institutionGain).toBeCloseTo(compileScenario(level).institutionGain * 2, 9);
  });

  it("more effort in Mexico's history means each unit of effort built less", () => {
    const low = compileScenario(withSteadyHistory({ "institution-building": 0.1, "kingpin-targeting": 0.9 }));
    const high = compileScenario(withSteadyHistory({ "institution-building": 0.4, "kingpin-targeting": 0.6 }));
    expect(calibrateInstitutionGain(high)).toBeLessThan(calibrateInstitutionGain(low));
  });

  it("the content check refuses a historical path that never funds institutions", () => {
    const none = withSteadyHistory({ "kingpin-targeting": 1 });
    const issues = checkScenario(none);
    expect(issues.some((i) => i.path[0] === "historicalPath" && /institutions lever/.test(i.message))).toBe(true);
    expect(checkScenario(scenario).filter((i) => i.path[0] === "historicalPath")).toEqual([]);
  });
});

// The historical replay against the calibration targets of shared/FIGURES.md and HISTORY.md.
// Every target is declared with its stated tolerance; the replay's medians over 40 seeds are
// checked against each, and the targets the model does not yet reach are named explicitly in
// KNOWN_MISSES (see the README's "Assumptions that remain"), so a new miss fails the suite.
import { describe, expect, it } from "vitest";
import { checkCalibration } from "../../shared/rules/calibration.ts";
import { getHistoricalPath, playPath } from "../../shared/rules/playPath.ts";
import { loadDefaultScenario } from "../support/defaultScenario.ts";

const scenario = loadDefaultScenario();

/** The calibration targets listed in FIGURES.md and HISTORY.md, with their stated tolerances. */
const FIGURES_TARGETS = [
  { id: "homicides-2011", min: 27213 * 0.9, max: 27213 * 1.1 },
  { id: "homicides-2017", min: 29168 * 0.9, max: 29168 * 1.1 },
  { id: "homicides-2020", min: 34515 * 0.9, max: 34515 * 1.1 },
  { id: "homicides-ratio-2020", min: 2.5, max: 3.6 },
  { id: "new-groups-2006-2012", min: 60, max: 80 },
  { id: "groups-2021", min: 200 * 0.85, max: 200 * 1.15 },
  { id: "organised-homicides-2006-2017", min: 100000, max: undefined },
  { id: "pena-targets-captured", min: 0.8, max: 1 },
  { id: "fall-2011-2014", min: 0.65, max: 0.85 },
  { id: "rise-2014-2018", min: 1.5, max: 2.0 },
];

/** Targets whose median the replay misses today (reported in the modeller's note). */
const KNOWN_MISSES = new Set<string>([]);

const seeds = Array.from({ length: 40 }, (_, i) => 1000 + i);
const medians = new Map<string, number>();
{
  const values = new Map<string, number[]>();
  for (const seed of seeds) {
    for (const c of checkCalibration(playPath(scenario, getHistoricalPath(scenario), { seed }), scenario.calibration)) {
      values.set(c.target.id, [...(values.get(c.target.id) ?? []), c.value ?? Number.NaN]);
    }
  }
  for (const [id, list] of values) medians.set(id, [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!);
}

describe("historical replay calibration", () => {
  it("the scenario declares every target with its stated tolerance", () => {
    for (const expected of FIGURES_TARGETS) {
      const target = scenario.calibration.find((t) => t.id === expected.id);
      expect(target, expected.id).toBeDefined();
      expect(Math.abs(target!.min - expected.min)).toBeLessThanOrEqual(1);
      if (expected.max === undefined) expect(target!.max).toBeUndefined();
      else expect(Math.abs(target!.max! - expected.max)).toBeLessThanOrEqual(1);
    }
  });

  it("measures the 2006 level from the simulation, not from the start value", () => {
    const target = scenario.calibration.find((t) => t.id === "homicides-ratio-2020")!;
    expect(target.metric).toMatchObject({ kind: "ratioBetweenYears", from: 2006, to: 2020 });
  });

  for (const target of scenario.calibration) {
    const isKnownMiss = KNOWN_MISSES.has(target.id);
    it(`${isKnownMiss ? "still misses (known)" : "reproduces"} ${target.id} over 40 seeds (median ${medians.get(target.id)?.toFixed(2)})`, () => {
      const median = medians.get(target.id)!;
      const isWithin = median >= target.min && (target.max === undefined || median <= target.max);
      expect(isWithin).toBe(!isKnownMiss);
    });
  }
});

// The preview model: the shared rules played on the edited scenario along a path, a Monte-Carlo band, and calibration.
import { describe, expect, it } from "vitest";
import { computePreview, getDefaultCustomPath, getPathMixes, getQuantile, getSeeds } from "../../client/editor/previewModel.ts";
import { createScale, getBandPath, getLinePath, getNiceTicks } from "../../client/editor/chartGeometry.ts";
import { setAt } from "../../client/editor/scenarioPath.ts";
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import { INDICATORS } from "../../shared/content/vocabulary.ts";
import { loadDefaultScenario } from "../support/defaultScenario.ts";

const scenario = loadDefaultScenario();
const first = scenario.policies[0]!;

describe("preview paths", () => {
  it("plays the historical path, one policy every round, or a normalised custom path", () => {
    expect(getPathMixes(scenario, { kind: "historical" }, [])).toEqual(scenario.historicalPath.map((r) => r.mix));
    expect(getPathMixes(scenario, { kind: "policy", policyId: first.id }, [])).toEqual(scenario.rounds.map(() => ({ [first.id]: 1 })));
    const custom = getPathMixes(scenario, { kind: "custom" }, [{ [first.id]: 3, [scenario.policies[1]!.id]: 1, "not-a-policy": 5 }]);
    expect(custom).toHaveLength(scenario.rounds.length);
    expect(custom[0]).toEqual({ [first.id]: 0.75, [scenario.policies[1]!.id]: 0.25 });
    expect(custom.at(-1)).toEqual(custom[0]);
  });

  it("starts the custom path from the historical mixes in percent", () => {
    const path = getDefaultCustomPath(scenario);
    expect(path).toHaveLength(scenario.rounds.length);
    expect(Object.values(path[0]!).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0);
  });

  it("uses the default seed first", () => {
    expect(getSeeds(scenario, 3)).toEqual([scenario.settings.defaultSeed, scenario.settings.defaultSeed + 1, scenario.settings.defaultSeed + 2]);
  });

  it("interpolates quantiles", () => {
    expect(getQuantile([0, 10], 0.5)).toBe(5);
    expect(getQuantile([1, 2, 3, 4, 5], 0.1)).toBeCloseTo(1.4);
    expect(Number.isNaN(getQuantile([], 0.5))).toBe(true);
  });
});

describe("preview", () => {
  const preview = computePreview(scenario, { kind: "historical" }, [], 12);

  it("gives a yearly series and a band for every indicator", () => {
    const years = scenario.rounds.length * scenario.yearsPerRound;
    expect(preview.selected.years).toHaveLength(years);
    for (const indicator of INDICATORS) {
      expect(preview.selected.line[indicator]).toHaveLength(years);
      for (const b of preview.selected.band[indicator]) expect(b.low).toBeLessThanOrEqual(b.high);
    }
  });

  it("lists every calibration target with its value and how many seeds are within it", () => {
    expect(preview.calibration.map((r) => r.result.target.id)).toEqual(scenario.calibration.map((t) => t.id));
    for (const row of preview.calibration) {
      expect(row.result.value, row.result.target.id).not.toBeNull();
      expect(row.withinSeeds).toBeGreaterThanOrEqual(0);
      expect(row.withinSeeds).toBeLessThanOrEqual(12);
    }
  });

  it("follows an edit: a policy without its strongest lever plays differently, and calibration moves", () => {
    const [lever] = Object.entries(first.levers).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))[0]!;
    const edited = setAt(scenario, ["policies", 0, "levers", lever], undefined) as Scenario;
    const choice = { kind: "policy", policyId: first.id } as const;
    const before = computePreview(scenario, choice, [], 4);
    const after = computePreview(edited, choice, [], 4);
    expect(after.selected.line.homicides).not.toEqual(before.selected.line.homicides);
    expect(after.calibration.map((r) => r.result.value)).not.toEqual(before.calibration.map((r) => r.result.value));
  });
});

describe("chart geometry", () => {
  it("makes round ticks that cover the data", () => {
    const ticks = getNiceTicks(0, 34_515);
    expect(ticks[0]).toBe(0);
    expect(ticks.at(-1)).toBeGreaterThanOrEqual(34_515);
    expect(ticks.every((t) => t % 5000 === 0 || t % 10000 === 0)).toBe(true);
    expect(getNiceTicks(5, 5).length).toBeGreaterThan(1);
  });

  it("draws lines through finite points and closes the band", () => {
    const x = createScale([2006, 2008], [0, 100]);
    const y = createScale([0, 10], [100, 0]);
    expect(getLinePath([2006, 2007, 2008], [0, Number.NaN, 10], x, y)).toBe("M0.0 100.0 L100.0 0.0");
    expect(getBandPath([2006, 2008], [0, 0], [10, 10], x, y)).toBe("M0.0 0.0 L100.0 0.0 L100.0 100.0 L0.0 100.0 Z");
  });
});

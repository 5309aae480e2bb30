// The projector board's pure parts: map plates never cover tokens or each other, charts carry the recorded series and ticks, end labels never overlap.
import { describe, expect, it } from "vitest";
import { getBaselinePoint } from "../../client/viewModels/baseline.ts";
import { getLineCharts, getNiceStep, getTicks } from "../../client/viewModels/chartModel.ts";
import type { LabelRequest, Point } from "../../client/viewModels/mapLabels.ts";
import { boxesOverlap, getPlateSize, isPointInPolygon, placeMapLabels } from "../../client/viewModels/mapLabels.ts";
import { getMeters } from "../../client/viewModels/metersModel.ts";
import type { YearPoint } from "../../shared/protocol/index.ts";
import { loadDefaultScenario } from "../support/defaultScenario.ts";

const scenario = loadDefaultScenario();

describe("map plates", () => {
  it("are as wide as their widest line, the line of extra groups and wanted leaders included", () => {
    const name = { width: 60, height: 20 };
    const number = { width: 70, height: 30 };
    const extras = { width: 120, height: 18 };
    expect(getPlateSize([name, number, extras], 64, 6)).toEqual({ width: 132, height: 80 });
    expect(getPlateSize([name, number], 64, 6)).toEqual({ width: 82, height: 62 });
    expect(getPlateSize([{ width: 10, height: 10 }], 64, 6).width).toBe(76);
  });

  // The default scenario's map at the projector's scale, with plates and token clusters of projector size.
  const scale = 0.84;
  const requests: LabelRequest[] = scenario.regions.map((r) => ({
    id: r.id,
    polygon: r.map.polygon.map(([x, y]): Point => [10 + x * scale, 10 + y * scale]),
    anchor: [10 + r.map.label[0] * scale, 10 + r.map.label[1] * scale],
    plate: { width: 150, height: 86 },
    cluster: { width: 138, height: 46 },
    compactCluster: { width: 55, height: 37 },
  }));
  const bounds = { x: 10, y: 10, width: 880, height: 545 };
  const placements = placeMapLabels(requests, bounds);

  it("give every region a plate inside the map, and no plate overlaps another plate or any token cluster", () => {
    expect(placements.map((p) => p.id)).toEqual(scenario.regions.map((r) => r.id));
    for (const p of placements) {
      expect(p.plate.x).toBeGreaterThanOrEqual(bounds.x);
      expect(p.plate.y + p.plate.height).toBeLessThanOrEqual(bounds.y + bounds.height);
      for (const q of placements) {
        if (q !== p) expect({ plates: p.id + "/" + q.id, overlap: boxesOverlap(p.plate, q.plate) }).toEqual({ plates: p.id + "/" + q.id, overlap: false });
        expect({ plate: p.id, cluster: q.id, overlap: boxesOverlap(p.plate, q.cluster) }).toEqual({ plate: p.id, cluster: q.id, overlap: false });
      }
    }
  });

  it("tie a plate placed outside its region to the region's tokens with a leader line, and keep the tokens in the region", () => {
    const outside = placements.filter((p) => p.leader);
    expect(outside.length).toBeGreaterThan(0);
    for (const p of placements) {
      const polygon = requests.find((r) => r.id === p.id)?.polygon ?? [];
      const middle: Point = [p.cluster.x + p.cluster.width / 2, p.cluster.y + p.cluster.height / 2];
      expect({ id: p.id, tokensInRegion: isPointInPolygon(middle, polygon) }).toEqual({ id: p.id, tokensInRegion: true });
    }
  });

  it("keep every plate within the map and off the others at the phone's larger type too", () => {
    const phone = scenario.regions.map((r) => ({
      id: r.id,
      polygon: r.map.polygon.map(([x, y]): Point => [x, y]),
      anchor: r.map.label,
      plate: { width: 170, height: 116 },
      cluster: { width: 187, height: 62 },
      compactCluster: { width: 75, height: 50 },
    }));
    const area = { x: 0, y: 0, width: 1000, height: 640 };
    const placed = placeMapLabels(phone, area);
    for (const p of placed) {
      expect(p.plate.x).toBeGreaterThanOrEqual(0);
      expect(p.plate.x + p.plate.width).toBeLessThanOrEqual(1000);
      expect(p.plate.y + p.plate.height).toBeLessThanOrEqual(640);
      for (const q of placed) if (q !== p) expect(boxesOverlap(p.plate, q.plate)).toBe(false);
    }
  });

  it("keep a plate inside a region big enough to hold it with its tokens", () => {
    const square: Point[] = [[0, 0], [400, 0], [400, 400], [0, 400]];
    const [only] = placeMapLabels([{ id: "big", polygon: square, anchor: [200, 200], plate: { width: 100, height: 60 }, cluster: { width: 80, height: 30 }, compactCluster: { width: 40, height: 30 } }], { x: 0, y: 0, width: 600, height: 600 });
    expect(only?.leader).toBeNull();
    expect(only?.compact).toBe(false);
  });
});

describe("charts", () => {
  const baseline = getBaselinePoint(scenario);
  const years: YearPoint[] = [1, 2, 3].map((i) => ({ ...baseline, year: baseline.year + i, round: 1 }));

  it("show the recorded homicides as their own series with the source, only for years already played (all of them at the debrief)", () => {
    const observed = scenario.observed;
    expect(observed).toBeDefined();
    const during = getLineCharts(scenario, { years, historicalYears: [], totalRounds: scenario.rounds.length }, "en");
    const homicides = during.find((c) => c.indicator === "homicides");
    expect(homicides?.observed?.source).toBe(observed?.source.en);
    expect(homicides?.observed?.points.map((p) => p.year)).toEqual([scenario.startYear, scenario.startYear + 1, scenario.startYear + 2]);
    expect(during.find((c) => c.indicator === "approval")?.observed).toBeNull();
    const debrief = getLineCharts(scenario, { years, historicalYears: years, totalRounds: scenario.rounds.length }, "es");
    const last = debrief.find((c) => c.indicator === "homicides");
    const lastYear = scenario.startYear + scenario.rounds.length * scenario.yearsPerRound - 1;
    expect(last?.observed?.points.at(-1)?.year).toBe(lastYear);
    expect(last?.observed?.source).toBe(observed?.source.es);
    expect(last?.observed?.points.some((p) => p.preliminary)).toBe(true);
    // the axis reaches above every series
    expect(last?.yMax).toBeGreaterThanOrEqual(Math.max(...(last?.observed?.points.map((p) => p.value) ?? [0])));
  });

  it("label the y-axis with round ticks from 0, indices every 25 up to 100", () => {
    expect(getNiceStep(13_000)).toBe(20_000);
    expect(getNiceStep(2300)).toBe(2500);
    expect(getTicks(41_000, false)).toEqual([0, 20_000, 40_000, 60_000]);
    expect(getTicks(62, true)).toEqual([0, 25, 50, 75, 100]);
    for (const chart of getLineCharts(scenario, { years, historicalYears: [], totalRounds: 6 }, "en")) {
      expect(chart.yTicks[0]).toBe(0);
      expect(chart.yMax).toBe(chart.yTicks.at(-1));
    }
  });
});

describe("meters", () => {
  it("say which way is good news and which meters are 0–100 indices", () => {
    const meters = getMeters(scenario, { indicators: {}, years: [] }, "en");
    const homicides = meters.find((m) => m.indicator === "homicides");
    expect(homicides).toMatchObject({ unit: "homicides per year", betterWhen: "lower", isIndex: false });
    expect(meters.find((m) => m.indicator === "institutionalStrength")).toMatchObject({ betterWhen: "higher", isIndex: true });
  });
});

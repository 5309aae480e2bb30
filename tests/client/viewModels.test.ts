// View models turn room state + scenario content into what the board and phones draw (pure functions).
import { describe, expect, it } from "vitest";
import { getHistoricalPath, playPath } from "../../shared/rules/playPath.ts";
import { summariseEffects } from "../../shared/rules/effects.ts";
import type { SessionSnapshot } from "../../client/state/snapshot.ts";
import { getBaselinePoint } from "../../client/viewModels/baseline.ts";
import { getMapModel, getViolenceLevels } from "../../client/viewModels/mapModel.ts";
import { getMeters, getTone } from "../../client/viewModels/metersModel.ts";
import { getLineCharts } from "../../client/viewModels/chartModel.ts";
import { getGroupTokens, getLeadersAtLarge } from "../../client/viewModels/tokensModel.ts";
import { getPointsStatus, getRevealBars, stepPoints } from "../../client/viewModels/voteModel.ts";
import { getWhyLines } from "../../client/viewModels/whyLines.ts";
import { getArgumentWall } from "../../client/viewModels/argumentWall.ts";
import { getCountdown } from "../../client/viewModels/countdown.ts";
import { getDebrief } from "../../client/viewModels/debriefModel.ts";
import { formatSignedChange } from "../../client/viewModels/format.ts";
import { loadDefaultScenario } from "../support/defaultScenario.ts";

const scenario = loadDefaultScenario();
const record = playPath(scenario, getHistoricalPath(scenario), { seed: scenario.settings.defaultSeed, keepEffects: true });
const yearPoints = record.years.map((y) => {
  const r = y as unknown as { year: number; round: number; indicators: Record<string, number>; regions: Record<string, { homicides: number; activeGroups: number }> };
  return { year: r.year, round: r.round, indicators: r.indicators, regions: Object.fromEntries(Object.entries(r.regions).map(([id, v]) => [id, { homicides: v.homicides, activeGroups: v.activeGroups }])) };
});

/** A snapshot after `rounds` resolved rounds of the historical path. */
function snapshotAfter(rounds: number, phase: SessionSnapshot["phase"] = "results"): SessionSnapshot {
  const years = yearPoints.slice(0, rounds * scenario.yearsPerRound);
  const last = years[years.length - 1] ?? getBaselinePoint(scenario);
  const policies = scenario.policies.map((p) => p.id);
  const first = policies[0] ?? "";
  const second = policies[1] ?? "";
  return {
    code: "ABCDE", scenarioId: scenario.id, language: "en", voteMode: "points", anonymousArguments: false, maxPlayers: 60,
    endorsementsPerStudent: 2, votePoints: 10, phase, round: rounds, totalRounds: scenario.rounds.length,
    year: scenario.startYear + rounds * scenario.yearsPerRound, endsAt: 0, pausedRemainingMs: 0, hostConnected: true, spectators: 0,
    players: [], playerCount: 2, studentCount: 2, connectedCount: 2, proposedCount: 0,
    arguments: [
      { id: "a1", round: rounds, policyId: first, text: "<b>x</b>", figureId: scenario.figures[0]?.id ?? "", authorId: "p1", authorNickname: "Ana", authorRoleId: scenario.roles[0]?.id ?? "", authorIsBot: false, endorsements: 1 },
      { id: "a2", round: rounds, policyId: second, text: "y", figureId: "", authorId: "p2", authorNickname: "Ben", authorRoleId: "", authorIsBot: false, endorsements: 3 },
      { id: "a0", round: rounds - 1, policyId: second, text: "old", figureId: "", authorId: "p2", authorNickname: "Ben", authorRoleId: "", authorIsBot: false, endorsements: 9 },
    ],
    spotlightId: "a1", proposalCounts: {}, votesCast: 0, eventIds: [],
    indicators: last.indicators, regions: last.regions,
    tally: { [first]: 20, [second]: 10 }, mix: { [first]: 2 / 3, [second]: 1 / 3 },
    effects: summariseEffects(record.effects.filter((e) => e.year >= scenario.startYear + (rounds - 1) * scenario.yearsPerRound && e.year < scenario.startYear + rounds * scenario.yearsPerRound)).map((e) => ({ ...e, region: e.region ?? "" })),
    captures: record.captures.filter((c) => c.year >= scenario.startYear + (rounds - 1) * scenario.yearsPerRound && c.year < scenario.startYear + rounds * scenario.yearsPerRound).map((c) => ({ year: c.year, leaderId: c.leaderId ?? "", regionId: c.regionId, splinters: c.splinters, dismantled: c.dismantled })),
    capturedLeaders: {}, years, roundLog: [], roleScores: {}, classOutcome: 50,
    historicalYears: [], historicalRoleScores: {}, historicalClassOutcome: 50, topArgumentIds: [],
  };
}

describe("map model", () => {
  it("shades every scenario region with one of five increasing violence levels and labels the legend", () => {
    const levels = getViolenceLevels(scenario);
    expect(levels).toHaveLength(5);
    for (let i = 1; i < levels.length; i++) expect(levels[i]!.min).toBeGreaterThan(levels[i - 1]!.min);
    const map = getMapModel(scenario, snapshotAfter(2), "es");
    expect(map.regions.map((r) => r.id)).toEqual(scenario.regions.map((r) => r.id));
    for (const r of map.regions) expect(r.homicides).toBeGreaterThanOrEqual(r.level.min);
    expect(map.regions[0]?.name).toBe(scenario.regions[0]?.name.es);
    expect(map.legend.at(-1)?.label.startsWith("≥")).toBe(true);
  });
});

describe("meters", () => {
  it("show no change before the first resolve and the change over the last round after it", () => {
    expect(getMeters(scenario, snapshotAfter(0, "lobby"), "en").every((m) => m.delta === null)).toBe(true);
    const meters = getMeters(scenario, snapshotAfter(2), "en");
    const homicides = meters.find((m) => m.indicator === "homicides");
    const expected = (yearPoints[2 * scenario.yearsPerRound - 1]?.indicators.homicides ?? 0) - (yearPoints[scenario.yearsPerRound - 1]?.indicators.homicides ?? 0);
    expect(homicides?.delta).toBeCloseTo(expected);
    expect(homicides?.arrow).toBe(expected > 0 ? "▲" : "▼");
  });

  it("call a change better or worse by the indicator's betterWhen, never by colour alone", () => {
    expect(getTone(-5, "lower")).toBe("better");
    expect(getTone(5, "lower")).toBe("worse");
    expect(getTone(5, "higher")).toBe("better");
    expect(getTone(5, "neither")).toBe("neutral");
    expect(formatSignedChange(-1234, "count", "en")).toBe("−1,234");
    expect(formatSignedChange(0.02, "index", "en")).toBe("±0");
  });
});

describe("charts, tokens and leaders", () => {
  it("chart the class path from the baseline and add the historical path at the debrief", () => {
    const s = snapshotAfter(3);
    const charts = getLineCharts(scenario, s, "en");
    expect(charts[0]?.classPath.points).toHaveLength(1 + 3 * scenario.yearsPerRound);
    expect(charts[0]?.historicalPath).toBeNull();
    const debrief = getLineCharts(scenario, { ...s, historicalYears: yearPoints }, "en");
    expect(debrief[0]?.historicalPath?.points.length).toBe(1 + yearPoints.length);
  });

  it("count group tokens per region against the previous round and note splits from captures", () => {
    const tokens = getGroupTokens(scenario, snapshotAfter(2));
    const s = snapshotAfter(2);
    for (const t of tokens) expect(t.count).toBe(s.regions[t.regionId]?.activeGroups);
    const splinters = s.captures.filter((c) => !c.dismantled).reduce((n, c) => n + c.splinters, 0);
    expect(tokens.reduce((n, t) => n + t.splinters, 0)).toBe(splinters);
    expect(getGroupTokens(scenario, snapshotAfter(2, "vote")).every((t) => t.before === t.count && t.captures === 0)).toBe(true);
  });

  it("list leaders at large by region, leaving out captured ones", () => {
    const s = snapshotAfter(1);
    const all = [...getLeadersAtLarge(scenario, s).values()].flat();
    const first = all[0];
    if (!first) return;
    const after = [...getLeadersAtLarge(scenario, { ...s, capturedLeaders: { [first.id]: 2007 } }).values()].flat();
    expect(after.map((l) => l.id)).not.toContain(first.id);
  });
});

describe("votes, why lines, wall, countdown", () => {
  it("keep points within the budget and only a full budget is complete", () => {
    const [a = "", b = ""] = scenario.policies.map((p) => p.id);
    let points = stepPoints({}, a, 7, 10);
    points = stepPoints(points, b, 7, 10);
    expect(points).toEqual({ [a]: 7, [b]: 3 });
    expect(getPointsStatus(points, 10).isComplete).toBe(true);
    expect(stepPoints(points, a, -9, 10)[a]).toBe(0);
  });

  it("sort the reveal by share with content names and colours", () => {
    const bars = getRevealBars(scenario, snapshotAfter(1), "en");
    expect(bars).toHaveLength(scenario.policies.length);
    expect(bars[0]?.share).toBeCloseTo(2 / 3);
    expect(bars[0]?.name).toBe(scenario.policies[0]?.name.en);
  });

  it("word effects with the scenario's explanations, names instead of ids, and cited figure claims", () => {
    const lines = getWhyLines(scenario, snapshotAfter(1).effects, "es", 50);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line.text).not.toMatch(/\{(region|policy|event)\}/);
      for (const id of scenario.regions.map((r) => r.id)) expect(line.text).not.toContain(`${id} `);
    }
    expect(lines.some((l) => l.citations.length > 0)).toBe(true);
    const others = lines.filter((l) => !l.isHomicideStory);
    for (let i = 1; i < others.length; i++) expect(others[i]!.weight).toBeLessThanOrEqual(others[i - 1]!.weight);
  });

  it("show this round's arguments, spotlight first, then most endorsed", () => {
    const wall = getArgumentWall(scenario, snapshotAfter(2), "en");
    expect(wall.map((c) => c.id)).toEqual(["a1", "a2"]);
    expect(wall[0]?.text).toBe("<b>x</b>");
    expect(wall[0]?.citation).not.toBe("");
  });

  it("turn the server deadline into a countdown, frozen while paused", () => {
    expect(getCountdown(0, 0, 1000).secondsLeft).toBeNull();
    expect(getCountdown(61_000, 0, 1000)).toMatchObject({ secondsLeft: 60, text: "1:00", isPaused: false });
    expect(getCountdown(99_999, 5_000, 1000)).toMatchObject({ secondsLeft: 5, isPaused: true });
  });
});

describe("debrief", () => {
  it("shows the historical scores as soon as the debrief opens, before the historical years arrive by request", () => {
    const roleId = scenario.roles[0]!.id;
    const during = getDebrief(scenario, snapshotAfter(2, "results"), "en");
    expect(during.roles.find((r) => r.id === roleId)?.historicalScore).toBeNull();
    expect(during.historicalClassOutcome).toBeNull();
    const opened = getDebrief(scenario, { ...snapshotAfter(2, "debrief"), historicalRoleScores: { [roleId]: 41 }, historicalClassOutcome: 38, historicalYears: [] }, "en");
    expect(opened.roles.find((r) => r.id === roleId)?.historicalScore).toBe(41);
    expect(opened.historicalClassOutcome).toBe(38);
  });
});

// The printable report's view model: charts' series, each round's decision and indicators, top arguments without bots, participation per student.
import { describe, expect, it } from "vitest";
import type { Report } from "../../shared/report/reportSchema.ts";
import { ReportSchema } from "../../shared/report/reportSchema.ts";
import { getCaptureSummary, getParticipation, getReportCharts, getReportCounts, getReportFileName, getRoundViews, getTopArguments } from "../../client/views/report/reportModel.ts";

const indicators = (homicides: number, approval: number) => ({ homicides, approval, activeGroups: 10 });
const point = (year: number, round: number, homicides: number, approval = 50) => ({ year, round, indicators: indicators(homicides, approval), regions: {} });
const participation = (round: number, over: Partial<Report["students"][number]["rounds"][number]> = {}) => ({
  round,
  proposedPolicyId: "kingpin",
  argumentId: null,
  figureId: null,
  endorsementsGiven: 0,
  endorsementsReceived: 0,
  vote: null,
  ...over,
});
const argument = (id: string, over: Partial<Report["arguments"][number]>) => ({
  id,
  round: 1,
  policyId: "kingpin",
  policyName: "Kingpin targeting",
  text: `text ${id}`,
  figure: null,
  authorPlayerId: "p1",
  authorNickname: "Ana",
  authorRoleId: "presidency",
  authorIsBot: false,
  endorsements: 0,
  hidden: false,
  top: false,
  ...over,
});

/** A two-round report as the server writes it (checked against the schema, so the fixture cannot drift from it). */
function makeReport(over: { historical?: boolean; arguments?: Report["arguments"] } = {}): Report {
  return ReportSchema.parse({
    reportVersion: 1,
    generatedAt: "2026-11-20T10:00:00.000Z",
    session: {
      code: "ABCDE",
      scenario: { id: "mexico-2006", title: "Mexico 2006", version: 3 },
      language: "en",
      createdAt: "2026-11-20T09:00:00.000Z",
      endedAt: "2026-11-20T09:45:00.000Z",
      status: "ended",
      phase: "ended",
      roundsPlayed: 2,
      totalRounds: 6,
      settings: { voteMode: "points", anonymousArguments: false, maxPlayers: 40, timers: { briefing: 0, propose: 90, debate: 120, vote: 60, resolve: 4, results: 0 }, seed: 7, endorsementsPerStudent: 3, votePoints: 10 },
    },
    names: {
      policies: [
        { id: "kingpin", name: "Kingpin targeting" },
        { id: "institutions", name: "Institution-building" },
        { id: "amnesty", name: "Amnesty" },
      ],
      roles: [{ id: "presidency", name: "Presidency" }],
      indicators: [
        { id: "homicides", name: "Homicides", betterWhen: "lower" },
        { id: "approval", name: "Approval", betterWhen: "higher" },
        { id: "activeGroups", name: "Active groups", betterWhen: "lower" },
      ],
      regions: [{ id: "north", name: "North" }],
    },
    rounds: [
      {
        round: 1,
        title: "The offensive begins",
        years: { from: 2006, to: 2008 },
        events: [{ id: "offensive", name: "Calderón's offensive" }],
        resolved: true,
        votes: 3,
        tally: { kingpin: 20, institutions: 10, amnesty: 0 },
        mix: { kingpin: 2 / 3, institutions: 1 / 3, amnesty: 0 },
        indicatorsStart: indicators(10_000, 50),
        indicatorsEnd: indicators(14_000, 58),
        why: [{ indicator: "homicides", indicatorLabel: "Homicides", delta: 4000, regionId: null, regionName: null, cause: "policy:kingpin", explanationKey: "fragmentation", text: "Groups split.", figureIds: ["fig-a", "missing"] }],
        captures: [],
      },
      {
        round: 2,
        title: "Mérida",
        years: { from: 2009, to: 2011 },
        events: [],
        resolved: false,
        votes: 0,
        tally: {},
        mix: {},
        indicatorsStart: indicators(14_000, 58),
        indicatorsEnd: indicators(14_000, 58),
        why: [],
        captures: [],
      },
    ],
    scores: { roles: [{ roleId: "presidency", name: "Presidency", score: 44, historicalScore: over.historical === false ? null : 41 }], classOutcome: 40, historicalClassOutcome: over.historical === false ? null : 38 },
    path: {
      startYear: 2006,
      start: indicators(10_000, 50),
      class: [point(2006, 1, 11_000), point(2007, 1, 12_500), point(2008, 1, 14_000)],
      historical: over.historical === false ? [] : [point(2006, 1, 10_500), point(2007, 1, 13_000), point(2008, 1, 15_000)],
      observed: {
        source: "INEGI",
        homicides: [
          { year: 2004, value: 9_300, preliminary: false },
          { year: 2005, value: 9_900, preliminary: false },
          { year: 2006, value: 10_452, preliminary: false },
          { year: 2007, value: 8_867, preliminary: false },
          { year: 2008, value: 14_006, preliminary: false },
          { year: 2009, value: 19_803, preliminary: false },
        ],
      },
    },
    arguments: over.arguments ?? [],
    figures: [{ id: "fig-a", claim: "Violence rose after captures", period: "2006–2012", source: "The 2015 article" }],
    students: [
      { playerId: "p2", nickname: "Zoe", roleId: "presidency", roleName: "Presidency", isBot: false, strategy: null, removed: false, rounds: [participation(1, { argumentId: "a2", figureId: "fig-a", endorsementsGiven: 1, endorsementsReceived: 2, vote: { points: { kingpin: 10 } } }), participation(2, { proposedPolicyId: null })] },
      { playerId: "b1", nickname: "Bot1", roleId: "presidency", roleName: "Presidency", isBot: true, strategy: "random", removed: false, rounds: [participation(1, { vote: { choice: "kingpin" } })] },
      { playerId: "p1", nickname: "Ana", roleId: "presidency", roleName: "Presidency", isBot: false, strategy: null, removed: true, rounds: [participation(1, { proposedPolicyId: "institutions", argumentId: "a1", endorsementsGiven: 2, vote: { points: { institutions: 10 } } })] },
    ],
  });
}

describe("report view model", () => {
  it("charts the class's path and the historical replay from the same start, and the observed homicides over the years played only", () => {
    const charts = getReportCharts(makeReport());
    expect(charts.map((c) => c.indicator)).toEqual(["homicides", "activeGroups", "approval"]);
    const homicides = charts[0]!;
    expect(homicides.series.map((s) => s.kind)).toEqual(["class", "historical", "observed"]);
    // The start values sit the year before the first simulated year, as on the board.
    expect(homicides.series[0]!.points).toEqual([{ year: 2005, value: 10_000 }, { year: 2006, value: 11_000 }, { year: 2007, value: 12_500 }, { year: 2008, value: 14_000 }]);
    expect(homicides.series[1]!.points[0]).toEqual({ year: 2005, value: 10_000 });
    expect([homicides.xMin, homicides.xMax]).toEqual([2005, 2008]);
    // 2004 is before the start and 2009 after the last year played: neither is drawn.
    expect(homicides.series[2]!.points.map((p) => p.year)).toEqual([2005, 2006, 2007, 2008]);
    expect(homicides.observedSource).toBe("INEGI");
    expect(charts[1]!.series.map((s) => s.kind)).toEqual(["class", "historical"]);
    expect(charts[1]!.observedSource).toBeNull();
  });

  it("draws no historical line before the debrief", () => {
    const charts = getReportCharts(makeReport({ historical: false }));
    expect(charts[0]!.series.map((s) => s.kind)).toEqual(["class", "observed"]);
  });

  it("gives each round its decision, the backed policies by share, the indicators' change with its tone, and the why lines' figures", () => {
    const [first, second] = getRoundViews(makeReport());
    expect(first!.years).toBe("2006–2008");
    expect(first!.tally.map((r) => r.policyId)).toEqual(["kingpin", "institutions"]);
    const homicides = first!.indicators.find((i) => i.id === "homicides")!;
    expect(homicides).toMatchObject({ start: 10_000, end: 14_000, delta: 4000, tone: "worse" });
    expect(first!.indicators.find((i) => i.id === "approval")!.tone).toBe("better");
    expect(first!.indicators.find((i) => i.id === "activeGroups")!.tone).toBe("neutral");
    // An unknown figure id is dropped rather than shown as a blank citation.
    expect(first!.why[0]!.figures.map((f) => f.id)).toEqual(["fig-a"]);
    expect(first!.events).toEqual(["Calderón's offensive"]);
    expect(second!.resolved).toBe(false);
    expect(second!.tally).toEqual([]);
  });

  it("names captured leaders one by one and only counts lesser targets, with what became of each group", () => {
    const capture = (leaderId: string | null, splinters: number, dismantled: boolean) => ({ year: 2007, leaderId, leaderName: leaderId ? `Leader ${leaderId}` : null, regionId: "north", regionName: "North", splinters, dismantled });
    const summary = getCaptureSummary([capture("x", 3, false), capture(null, 0, false), capture(null, 2, false), capture(null, 0, true), capture("y", 0, false)]);
    expect(summary.named).toEqual([
      { name: "Leader x", regionName: "North", year: 2007, outcome: "split", splinters: 3 },
      { name: "Leader y", regionName: "North", year: 2007, outcome: "intact", splinters: 0 },
    ]);
    expect(summary.lesser).toEqual({ count: 3, split: 1, dismantled: 1 });
  });

  it("lists the server's top arguments by endorsements, and without that flag never lets a bot's argument in", () => {
    const flagged = makeReport({
      arguments: [argument("a1", { endorsements: 1, top: true }), argument("a2", { endorsements: 4, top: true }), argument("a3", { endorsements: 9 })],
    });
    expect(getTopArguments(flagged).map((a) => a.id)).toEqual(["a2", "a1"]);
    const unflagged = makeReport({
      arguments: [argument("bot", { endorsements: 9, authorIsBot: true }), argument("a1", { endorsements: 2 }), argument("a2", { endorsements: 0 }), argument("a3", { endorsements: 5, round: 2 })],
    });
    expect(getTopArguments(unflagged).map((a) => a.id)).toEqual(["a3", "a1"]);
  });

  it("sums each student's participation over the rounds, people before bots", () => {
    const rows = getParticipation(makeReport());
    expect(rows.map((r) => r.nickname)).toEqual(["Ana", "Zoe", "Bot1"]);
    const zoe = rows[1]!;
    expect(zoe).toMatchObject({ proposed: 1, arguments: 1, citations: 1, endorsementsGiven: 1, endorsementsReceived: 2, voted: 1, rounds: 2 });
    expect(zoe.proposals).toEqual(["Kingpin targeting", null]);
    expect(rows[0]).toMatchObject({ removed: true, proposals: ["Institution-building", null] });
    expect(rows[2]!.isBot).toBe(true);
  });

  it("counts people and bots apart and names downloads by code and date", () => {
    const report = makeReport();
    expect(getReportCounts(report)).toEqual({ students: 2, bots: 1, roundsPlayed: 2, totalRounds: 6 });
    expect(getReportFileName(report, "csv")).toBe("hidden-costs-ABCDE-2026-11-20.csv");
  });
});

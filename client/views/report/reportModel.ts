// What the printable report shows, computed from the report JSON (pure, unit-tested): charts' series, each round's decision (its policy mix), scores, top arguments, participation.
import type { Report, ReportArgument, ReportRound } from "../../../shared/report/reportSchema.ts";

/** Indicators charted in the report, most telling first (rules vocabulary, not content ids). */
export const REPORT_CHARTED_INDICATORS = ["homicides", "activeGroups", "institutionalStrength", "approval"] as const;

/** How many arguments the report lists as most endorsed when the server flagged none. */
export const REPORT_TOP_ARGUMENTS = 5;

export type SeriesKind = "class" | "historical" | "observed";

export interface ReportSeries {
  kind: SeriesKind;
  points: { year: number; value: number }[];
}

export interface ReportChart {
  indicator: string;
  title: string;
  series: ReportSeries[];
  xMin: number;
  xMax: number;
  /** The observed series' source, when this chart draws it (it is labelled with it). */
  observedSource: string | null;
}

function nameOf(list: readonly { id: string; name: string }[], id: string): string {
  return list.find((n) => n.id === id)?.name ?? id;
}

/**
 * One chart per charted indicator the report has: the class's path and the historical replay
 * (both from the start values), and for homicides the observed series over the same years.
 */
export function getReportCharts(report: Report): ReportChart[] {
  const { path } = report;
  // The start values are dated the year before the first simulated year, as on the board's charts.
  const startYear = path.startYear - 1;
  const start = (indicator: string) => (indicator in path.start ? [{ year: startYear, value: path.start[indicator] ?? 0 }] : []);
  const pointsOf = (indicator: string, years: Report["path"]["class"]) =>
    years.filter((p) => indicator in p.indicators).map((p) => ({ year: p.year, value: p.indicators[indicator] ?? 0 }));
  const lastYear = Math.max(startYear, ...path.class.map((p) => p.year), ...path.historical.map((p) => p.year));
  return REPORT_CHARTED_INDICATORS.filter((indicator) => report.names.indicators.some((n) => n.id === indicator)).map((indicator) => {
    const series: ReportSeries[] = [{ kind: "class", points: [...start(indicator), ...pointsOf(indicator, path.class)] }];
    if (path.historical.length > 0) series.push({ kind: "historical", points: [...start(indicator), ...pointsOf(indicator, path.historical)] });
    const observed = indicator === "homicides" && path.observed ? path.observed.homicides.filter((p) => p.year >= startYear && p.year <= lastYear) : [];
    if (observed.length > 0) series.push({ kind: "observed", points: observed.map((p) => ({ year: p.year, value: p.value })) });
    return {
      indicator,
      title: nameOf(report.names.indicators, indicator),
      series,
      xMin: startYear,
      xMax: lastYear,
      observedSource: observed.length > 0 && path.observed ? path.observed.source : null,
    };
  });
}

export interface TallyRow {
  policyId: string;
  name: string;
  points: number;
  share: number;
}

export interface IndicatorChange {
  id: string;
  name: string;
  start: number;
  end: number;
  delta: number;
  /** Whether the change is good news for the class (by the indicator's `betterWhen`), or neutral. */
  tone: "better" | "worse" | "neutral";
}

export interface RoundView {
  round: number;
  title: string;
  years: string;
  events: string[];
  resolved: boolean;
  votes: number;
  /** The class's decision: the policies it backed, biggest share first (policies with no support left out). */
  tally: TallyRow[];
  indicators: IndicatorChange[];
  why: (ReportRound["why"][number] & { figures: Report["figures"] })[];
  captures: CaptureSummary;
}

export type CaptureOutcome = "split" | "dismantled" | "intact";

/** Named leaders one by one; the many lesser targets only counted, so a long round stays readable. */
export interface CaptureSummary {
  named: { name: string; regionName: string; year: number; outcome: CaptureOutcome; splinters: number }[];
  lesser: { count: number; split: number; dismantled: number };
}

function outcomeOf(c: ReportRound["captures"][number]): CaptureOutcome {
  return c.dismantled ? "dismantled" : c.splinters >= 2 ? "split" : "intact";
}

export function getCaptureSummary(captures: ReportRound["captures"]): CaptureSummary {
  const lesser = captures.filter((c) => c.leaderId === null);
  return {
    named: captures.filter((c) => c.leaderId !== null).map((c) => ({ name: c.leaderName ?? c.leaderId ?? "", regionName: c.regionName, year: c.year, outcome: outcomeOf(c), splinters: c.splinters })),
    lesser: { count: lesser.length, split: lesser.filter((c) => outcomeOf(c) === "split").length, dismantled: lesser.filter((c) => outcomeOf(c) === "dismantled").length },
  };
}

function toneOf(betterWhen: "lower" | "higher" | "neither", delta: number): IndicatorChange["tone"] {
  if (delta === 0 || betterWhen === "neither") return "neutral";
  return (delta < 0) === (betterWhen === "lower") ? "better" : "worse";
}

export function getRoundViews(report: Report): RoundView[] {
  const figure = (id: string) => report.figures.find((f) => f.id === id);
  return report.rounds.map((r) => {
    const tally = report.names.policies
      .map((p) => ({ policyId: p.id, name: p.name, points: r.tally[p.id] ?? 0, share: r.mix[p.id] ?? 0 }))
      .filter((row) => row.points > 0 || row.share > 0)
      .sort((a, b) => b.share - a.share || b.points - a.points);
    const indicators = report.names.indicators
      .filter((n) => n.id in r.indicatorsStart && n.id in r.indicatorsEnd)
      .map((n) => {
        const start = r.indicatorsStart[n.id] ?? 0;
        const end = r.indicatorsEnd[n.id] ?? 0;
        return { id: n.id, name: n.name, start, end, delta: end - start, tone: toneOf(n.betterWhen, end - start) };
      });
    return {
      round: r.round,
      title: r.title,
      years: r.years.from === r.years.to ? String(r.years.from) : `${r.years.from}–${r.years.to}`,
      events: r.events.map((e) => e.name),
      resolved: r.resolved,
      votes: r.votes,
      tally,
      indicators,
      why: r.why.map((w) => ({ ...w, figures: w.figureIds.map(figure).filter((f): f is NonNullable<typeof f> => f !== undefined) })),
      captures: getCaptureSummary(r.captures),
    };
  });
}

/**
 * The most-endorsed arguments: the ones the server marked as the debrief's top (bots never take a
 * student's place there), else the most endorsed students' arguments; bot-written ones stay labelled.
 */
export function getTopArguments(report: Report, limit = REPORT_TOP_ARGUMENTS): ReportArgument[] {
  const byEndorsements = (a: ReportArgument, b: ReportArgument) => b.endorsements - a.endorsements || a.round - b.round || a.id.localeCompare(b.id);
  const flagged = report.arguments.filter((a) => a.top);
  if (flagged.length > 0) return [...flagged].sort(byEndorsements);
  return report.arguments.filter((a) => !a.authorIsBot && a.endorsements > 0).sort(byEndorsements).slice(0, limit);
}

export interface ParticipationRow {
  playerId: string;
  nickname: string;
  roleName: string;
  isBot: boolean;
  removed: boolean;
  /** Rounds in which they proposed a policy. */
  proposed: number;
  /** Arguments they wrote. */
  arguments: number;
  /** Arguments that cited a figure. */
  citations: number;
  endorsementsGiven: number;
  endorsementsReceived: number;
  voted: number;
  /** Rounds the session played (the denominator of `proposed` and `voted`). */
  rounds: number;
  /** The policy they proposed in each round, by round number (null: nothing proposed). */
  proposals: (string | null)[];
}

/** One row per student (people first, then bots, each by nickname). */
export function getParticipation(report: Report): ParticipationRow[] {
  const rounds = report.rounds.length;
  const policy = (id: string | null) => (id === null ? null : nameOf(report.names.policies, id));
  return report.students
    .map((s) => {
      const byRound = new Map(s.rounds.map((r) => [r.round, r]));
      return {
        playerId: s.playerId,
        nickname: s.nickname,
        roleName: s.roleName,
        isBot: s.isBot,
        removed: s.removed,
        proposed: s.rounds.filter((r) => r.proposedPolicyId !== null).length,
        arguments: s.rounds.filter((r) => r.argumentId !== null).length,
        citations: s.rounds.filter((r) => r.argumentId !== null && r.figureId !== null).length,
        endorsementsGiven: s.rounds.reduce((sum, r) => sum + r.endorsementsGiven, 0),
        endorsementsReceived: s.rounds.reduce((sum, r) => sum + r.endorsementsReceived, 0),
        voted: s.rounds.filter((r) => r.vote !== null).length,
        rounds,
        proposals: report.rounds.map((r) => policy(byRound.get(r.round)?.proposedPolicyId ?? null)),
      };
    })
    .sort((a, b) => Number(a.isBot) - Number(b.isBot) || a.nickname.localeCompare(b.nickname));
}

/** Counts for the report's header: people (bots apart), bots, rounds played. */
export function getReportCounts(report: Report): { students: number; bots: number; roundsPlayed: number; totalRounds: number } {
  return {
    students: report.students.filter((s) => !s.isBot).length,
    bots: report.students.filter((s) => s.isBot).length,
    roundsPlayed: report.session.roundsPlayed,
    totalRounds: report.session.totalRounds,
  };
}

/** The file name a download of this report gets: hidden-costs-<code>-<date>.<ext>. */
export function getReportFileName(report: Pick<Report, "session">, extension: "csv" | "json"): string {
  return `hidden-costs-${report.session.code}-${report.session.createdAt.slice(0, 10)}.${extension}`;
}

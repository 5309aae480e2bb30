// Builds the session report from the record: the journal is replayed through the same Session
// code and rules, and each round is read as it resolves (tally, mix, effects, captures, each
// seat's private choices), so the report says exactly what was played, live or ended.
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import { INDICATORS, type Indicator } from "../../shared/content/vocabulary.ts";
import type { Language } from "../../shared/i18n.ts";
import type { VoteValue } from "../../shared/protocol/messages.ts";
import type { BotStrategy } from "../../shared/protocol/options.ts";
import { DEFAULT_PHASE_SECONDS, TIMED_PHASES, type Phase } from "../../shared/protocol/phases.ts";
import { getReveal, readRoundLog } from "../../shared/protocol/wireCodec.ts";
import { REPORT_VERSION, ReportSchema, type Report, type ReportArgument, type ReportRound, type ReportStudent, type WhyLine } from "../../shared/report/reportSchema.ts";
import { createInitialState } from "../../shared/rules/gameState.ts";
import { selectWhyEffects } from "../../shared/rules/whySelection.ts";
import { replaySession } from "../record/replaySession.ts";
import type { Session } from "../session/Session.ts";
import type { ArgumentState } from "../state/SessionState.ts";
import type { JournalEvent, SessionRecord } from "../storage/SessionStore.ts";
import { nameCapture } from "../../shared/content/scenarioText.ts";
import { citeFigure, getName, wordExplanation } from "./wording.ts";

/** "Why" lines kept per round: the biggest effects, as the board shows them. */
const WHY_LINES_PER_ROUND = 8;

interface SeatRound {
  proposedPolicyId: string | null;
  argumentId: string | null;
  figureId: string | null;
  endorsementsGiven: number;
  endorsementsReceived: number;
  vote: VoteValue | null;
}

interface RoundRead {
  round: number;
  resolved: boolean;
  eventIds: string[];
  votes: number;
  tally: Record<string, number>;
  mix: Record<string, number>;
  start: Record<Indicator, number>;
  end: Record<Indicator, number>;
  effects: { indicator: string; delta: number; region: string; cause: string; explanationKey: string; params: Record<string, string | number>; figures: string[] }[];
  captures: { year: number; leaderId: string; regionId: string; splinters: number; dismantled: boolean }[];
  seats: Map<string, SeatRound>;
}

interface PlayerInfo {
  nickname: string;
  roleId: string;
  isBot: boolean;
  strategy: BotStrategy | null;
}

type ArgumentJson = ReturnType<ArgumentState["toJSON"]> & { id: string; round: number; policyId: string; text: string; figureId: string; authorRoleId: string; authorIsBot: boolean; endorsements: number };

function toRecord(map: { forEach(cb: (value: number, key: string) => void): void }): Record<string, number> {
  const out: Record<string, number> = {};
  map.forEach((value, key) => (out[key] = value));
  return out;
}

function readSeats(session: Session): Map<string, SeatRound> {
  const seats = new Map<string, SeatRound>();
  for (const player of session.state.players.values()) {
    const mine = session.getMine(player.id);
    const argumentId = mine.proposal?.argumentId ?? null;
    const argument = argumentId ? session.state.arguments.get(argumentId) : undefined;
    seats.set(player.id, {
      proposedPolicyId: mine.proposal?.policyId ?? null,
      argumentId,
      figureId: mine.proposal?.figureId ?? null,
      endorsementsGiven: mine.endorsed.length,
      endorsementsReceived: argument?.endorsements ?? 0,
      vote: mine.vote,
    });
  }
  return seats;
}

class ReportCollector {
  readonly rounds = new Map<number, RoundRead>();
  readonly players = new Map<string, PlayerInfo>();
  readonly hidden = new Map<string, ArgumentJson>();

  notePlayers(session: Session): void {
    for (const p of session.state.players.values()) {
      this.players.set(p.id, { nickname: p.nickname, roleId: p.roleId, isBot: p.isBot, strategy: p.strategy ? (p.strategy as BotStrategy) : null });
    }
  }

  /** Reads the round that just resolved (the seats still hold this round's choices). */
  readResolved(session: Session): void {
    const s = session.state;
    this.notePlayers(session);
    const outcome = session.history[session.history.length - 1];
    const roundLog = readRoundLog(s);
    const log = roundLog[roundLog.length - 1] ?? null;
    const reveal = getReveal(roundLog, s.round);
    const initial = createInitialState(session.scenario).indicators;
    this.rounds.set(s.round, {
      round: s.round,
      resolved: true,
      eventIds: [...s.eventIds],
      votes: log?.votes ?? s.votesCast,
      tally: reveal.tally,
      mix: reveal.mix,
      start: outcome ? { ...outcome.startIndicators } : initial,
      end: outcome ? { ...outcome.endIndicators } : initial,
      effects: session.roundEffects,
      captures: [...s.captures].map((c) => ({ year: c.year, leaderId: c.leaderId, regionId: c.regionId, splinters: c.splinters, dismantled: c.dismantled })),
      seats: readSeats(session),
    });
  }

  /** The round the session stopped in before its votes were counted. */
  readUnresolved(session: Session): void {
    const s = session.state;
    this.notePlayers(session);
    if (s.round < 1 || this.rounds.has(s.round)) return;
    const indicators = session.indicators;
    this.rounds.set(s.round, {
      round: s.round,
      resolved: false,
      eventIds: [...s.eventIds],
      votes: s.votesCast,
      tally: {},
      mix: {},
      start: indicators,
      end: indicators,
      effects: [],
      captures: [],
      seats: readSeats(session),
    });
  }
}

function getWhyLines(scenario: Scenario, effects: RoundRead["effects"], lang: Language): WhyLine[] {
  const scaleOf = (indicator: string) => (scenario.indicators[indicator as Indicator] as (typeof scenario.indicators)[Indicator] | undefined)?.scoreScale ?? 1;
  const worthALine = effects.filter((e) => Math.abs(e.delta) / scaleOf(e.indicator) > 1e-6);
  return selectWhyEffects(worthALine, scaleOf, WHY_LINES_PER_ROUND).map(({ effect: e, figures }) => {
    const info = scenario.indicators[e.indicator as Indicator] as (typeof scenario.indicators)[Indicator] | undefined;
    return {
      indicator: e.indicator,
      indicatorLabel: info ? info.label[lang] : e.indicator,
      delta: e.delta,
      regionId: e.region || null,
      regionName: e.region ? getName(scenario, e.region, lang) : null,
      cause: e.cause,
      explanationKey: e.explanationKey,
      text: wordExplanation(scenario, e.explanationKey, e.params, lang),
      figureIds: figures,
    };
  });
}

export function buildReport(record: SessionRecord, events: readonly JournalEvent[], now = Date.now()): Report {
  const collector = new ReportCollector();
  const { session, scenario, options } = replaySession({
    record,
    events,
    observer: {
      beforeEvent: (s, event) => {
        const entry = event.entry;
        if (entry.kind !== "call" || entry.method !== "hideArgument") return;
        const [argumentId, hidden] = entry.args as [string, boolean | undefined];
        const argument = s.state.arguments.get(argumentId);
        if (hidden !== false && argument) collector.hidden.set(argumentId, argument.toJSON() as ArgumentJson);
        if (hidden === false) collector.hidden.delete(argumentId);
      },
      onPhase: (s, phase) => {
        if (phase === "resolve") collector.readResolved(s);
      },
    },
  });
  collector.readUnresolved(session);
  const lang = options.language;
  const s = session.state;
  const phase = session.phase as Phase;

  // The session's own full-precision values: the state carries them at the precision views show.
  const classYears = session.classYears;
  const rounds: ReportRound[] = [...collector.rounds.values()]
    .sort((a, b) => a.round - b.round)
    .map((r) => {
      const years = classYears.filter((y) => y.round === r.round).map((y) => y.year);
      const from = years.length > 0 ? Math.min(...years) : s.year;
      return {
        round: r.round,
        title: scenario.rounds[r.round - 1]?.title[lang] ?? `${r.round}`,
        years: { from, to: years.length > 0 ? Math.max(...years) : from + scenario.yearsPerRound - 1 },
        events: r.eventIds.map((id) => ({ id, name: getName(scenario, id, lang) })),
        resolved: r.resolved,
        votes: r.votes,
        tally: r.tally,
        mix: r.mix,
        indicatorsStart: r.start,
        indicatorsEnd: r.end,
        why: getWhyLines(scenario, r.effects, lang),
        captures: r.captures.map((c) => nameCapture(scenario, c, lang)),
      };
    });

  const top = new Set([...s.topArgumentIds]);
  const visible = [...s.arguments.values()].map((a) => ({ json: a.toJSON() as ArgumentJson, hidden: false }));
  const hidden = [...collector.hidden.values()]
    .filter((a) => !s.arguments.has(a.id) && session.getAuthor(a.id) !== undefined)
    .map((json) => ({ json, hidden: true }));
  const argumentsOut: ReportArgument[] = [...visible, ...hidden]
    .map(({ json, hidden: isHidden }) => {
      const authorId = session.getAuthor(json.id) ?? "";
      const author = collector.players.get(authorId);
      return {
        id: json.id,
        round: json.round,
        policyId: json.policyId,
        policyName: getName(scenario, json.policyId, lang),
        text: json.text,
        figure: json.figureId ? citeFigure(scenario, json.figureId, lang) : null,
        authorPlayerId: authorId,
        authorNickname: author?.nickname ?? "",
        authorRoleId: json.authorRoleId || author?.roleId || "",
        authorIsBot: json.authorIsBot,
        endorsements: json.endorsements,
        hidden: isHidden,
        top: top.has(json.id),
      };
    })
    .sort((a, b) => a.round - b.round || Number(a.id.slice(1)) - Number(b.id.slice(1)));

  const students: ReportStudent[] = [...collector.players].map(([playerId, info]) => ({
    playerId,
    nickname: info.nickname,
    roleId: info.roleId,
    roleName: getName(scenario, info.roleId, lang),
    isBot: info.isBot,
    strategy: info.strategy,
    removed: !s.players.has(playerId),
    rounds: [...collector.rounds.values()]
      .sort((a, b) => a.round - b.round)
      .flatMap((r) => {
        const seat = r.seats.get(playerId);
        return seat ? [{ round: r.round, ...seat }] : [];
      }),
  }));

  const figureIds = new Set<string>();
  for (const r of rounds) for (const w of r.why) for (const f of w.figureIds) figureIds.add(f);
  for (const a of argumentsOut) if (a.figure) figureIds.add(a.figure.id);
  const debriefed = session.historicalYears.length > 0;
  const historicalRole = toRecord(s.historicalRoleScores);

  const report: Report = {
    reportVersion: REPORT_VERSION,
    generatedAt: new Date(now).toISOString(),
    session: {
      code: record.code,
      scenario: { id: record.scenarioId, title: scenario.title[lang], version: record.scenarioVersion },
      language: lang,
      createdAt: new Date(record.createdAt).toISOString(),
      endedAt: record.endedAt === null ? null : new Date(record.endedAt).toISOString(),
      status: record.endedAt === null ? "live" : "ended",
      phase,
      roundsPlayed: session.history.length,
      totalRounds: s.totalRounds,
      settings: {
        voteMode: options.voteMode,
        anonymousArguments: options.anonymousArguments,
        maxPlayers: options.maxPlayers,
        timers: Object.fromEntries(TIMED_PHASES.map((p) => [p, options.timers[p] ?? DEFAULT_PHASE_SECONDS[p]])) as Record<(typeof TIMED_PHASES)[number], number>,
        seed: session.seed,
        endorsementsPerStudent: scenario.settings.endorsementsPerStudent,
        votePoints: scenario.settings.votePoints,
      },
    },
    names: {
      policies: scenario.policies.map((p) => ({ id: p.id, name: p.name[lang] })),
      roles: scenario.roles.map((r) => ({ id: r.id, name: r.name[lang] })),
      indicators: INDICATORS.map((id) => ({ id, name: scenario.indicators[id].label[lang], betterWhen: scenario.indicators[id].betterWhen })),
      regions: scenario.regions.map((r) => ({ id: r.id, name: r.name[lang] })),
    },
    rounds,
    scores: {
      roles: scenario.roles.map((role) => ({
        roleId: role.id,
        name: role.name[lang],
        score: s.roleScores.get(role.id) ?? 50,
        historicalScore: debriefed ? (historicalRole[role.id] ?? null) : null,
      })),
      classOutcome: s.classOutcome,
      historicalClassOutcome: debriefed ? s.historicalClassOutcome : null,
    },
    path: {
      startYear: scenario.startYear,
      start: { ...createInitialState(scenario).indicators },
      class: classYears,
      historical: session.historicalYears,
      observed: scenario.observed
        ? {
            source: scenario.observed.source[lang],
            homicides: scenario.observed.homicides.map((p) => ({ year: p.year, value: p.value, preliminary: p.preliminary ?? false })),
          }
        : null,
    },
    arguments: argumentsOut,
    figures: [...figureIds].flatMap((id) => {
      const cited = citeFigure(scenario, id, lang);
      return cited ? [cited] : [];
    }),
    students,
  };
  // The report is a contract with the page that renders it: check it before it leaves.
  return ReportSchema.parse(report);
}

// Plain-object copy of the synced room state, so views and view models never touch SDK collections.
import type {
  ArgumentView,
  CaptureView,
  PlayerView,
  RegionView,
  RoundLogEntry,
  SessionStateView,
  SyncedArray,
  SyncedMap,
  YearPoint,
} from "../../shared/protocol/index.ts";
import type { Phase } from "../../shared/protocol/index.ts";

/** One effect of the last resolve with its placeholder values decoded. */
export interface EffectSnapshot {
  indicator: string;
  delta: number;
  region: string;
  cause: string;
  explanationKey: string;
  params: Record<string, string | number>;
  figures: string[];
}

export interface SessionSnapshot {
  code: string;
  scenarioId: string;
  language: "en" | "es";
  voteMode: "points" | "single";
  anonymousArguments: boolean;
  maxPlayers: number;
  endorsementsPerStudent: number;
  votePoints: number;
  phase: Phase;
  round: number;
  totalRounds: number;
  year: number;
  endsAt: number;
  pausedRemainingMs: number;
  hostConnected: boolean;
  spectators: number;
  players: PlayerView[];
  arguments: ArgumentView[];
  spotlightId: string;
  proposalCounts: Record<string, number>;
  votesCast: number;
  eventIds: string[];
  indicators: Record<string, number>;
  regions: Record<string, RegionView>;
  tally: Record<string, number>;
  mix: Record<string, number>;
  effects: EffectSnapshot[];
  captures: CaptureView[];
  organisations: Record<string, string>;
  capturedLeaders: Record<string, number>;
  years: YearPoint[];
  roundLog: RoundLogEntry[];
  roleScores: Record<string, number>;
  classOutcome: number;
  historicalYears: YearPoint[];
  historicalRoleScores: Record<string, number>;
  historicalClassOutcome: number;
  topArgumentIds: string[];
}

function mapToRecord<V, R>(map: SyncedMap<V> | undefined, convert: (v: V, key: string) => R): Record<string, R> {
  const out: Record<string, R> = {};
  map?.forEach((v, k) => {
    out[k] = convert(v, k);
  });
  return out;
}

function arrayOf<V>(array: SyncedArray<V> | undefined): V[] {
  return array ? Array.from(array) : [];
}

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

const same = <V>(v: V): V => v;

export function toSnapshot(state: SessionStateView): SessionSnapshot {
  return {
    code: state.code,
    scenarioId: state.scenarioId,
    language: state.language,
    voteMode: state.voteMode,
    anonymousArguments: state.anonymousArguments,
    maxPlayers: state.maxPlayers,
    endorsementsPerStudent: state.endorsementsPerStudent,
    votePoints: state.votePoints,
    phase: state.phase,
    round: state.round,
    totalRounds: state.totalRounds,
    year: state.year,
    endsAt: state.endsAt,
    pausedRemainingMs: state.pausedRemainingMs,
    hostConnected: state.hostConnected,
    spectators: state.spectators,
    players: Object.values(mapToRecord(state.players, (p, id) => ({ ...copyPlayer(p), id: p.id || id }))),
    arguments: Object.values(mapToRecord(state.arguments, (a, id) => ({ ...copyArgument(a), id: a.id || id }))),
    spotlightId: state.spotlightId,
    proposalCounts: mapToRecord(state.proposalCounts, same),
    votesCast: state.votesCast,
    eventIds: arrayOf(state.eventIds),
    indicators: mapToRecord(state.indicators, same),
    regions: mapToRecord(state.regions, (r) => ({ homicides: r.homicides, activeGroups: r.activeGroups })),
    tally: mapToRecord(state.tally, same),
    mix: mapToRecord(state.mix, same),
    effects: arrayOf(state.effects).map((e) => ({
      indicator: e.indicator,
      delta: e.delta,
      region: e.region,
      cause: e.cause,
      explanationKey: e.explanationKey,
      params: parseJson<Record<string, string | number>>(e.paramsJson, {}),
      figures: arrayOf(e.figures),
    })),
    captures: arrayOf(state.captures).map((c) => ({ year: c.year, leaderId: c.leaderId, regionId: c.regionId, splinters: c.splinters, dismantled: c.dismantled })),
    organisations: mapToRecord(state.organisations, same),
    capturedLeaders: mapToRecord(state.capturedLeaders, same),
    years: arrayOf(state.years).map((y) => parseJson<YearPoint | null>(y, null)).filter((y): y is YearPoint => y !== null),
    roundLog: arrayOf(state.roundLog).map((r) => parseJson<RoundLogEntry | null>(r, null)).filter((r): r is RoundLogEntry => r !== null),
    roleScores: mapToRecord(state.roleScores, same),
    classOutcome: state.classOutcome,
    historicalYears: arrayOf(state.historicalYears).map((y) => parseJson<YearPoint | null>(y, null)).filter((y): y is YearPoint => y !== null),
    historicalRoleScores: mapToRecord(state.historicalRoleScores, same),
    historicalClassOutcome: state.historicalClassOutcome,
    topArgumentIds: arrayOf(state.topArgumentIds),
  };
}

function copyPlayer(p: PlayerView): PlayerView {
  return {
    id: p.id,
    nickname: p.nickname,
    roleId: p.roleId,
    isBot: p.isBot,
    strategy: p.strategy,
    connected: p.connected,
    proposed: p.proposed,
    voted: p.voted,
    endorsementsUsed: p.endorsementsUsed,
  };
}

function copyArgument(a: ArgumentView): ArgumentView {
  return {
    id: a.id,
    round: a.round,
    policyId: a.policyId,
    text: a.text,
    figureId: a.figureId,
    authorId: a.authorId,
    authorNickname: a.authorNickname,
    authorRoleId: a.authorRoleId,
    authorIsBot: a.authorIsBot,
    endorsements: a.endorsements,
  };
}

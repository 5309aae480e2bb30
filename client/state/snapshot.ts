// Plain-object copy of the synced room state, so views and view models never touch SDK collections.
import type {
  ArgumentView,
  CaptureView,
  EffectPoint,
  PlayerView,
  RegionView,
  RoundLogEntry,
  SessionStateView,
  YearPoint,
} from "../../shared/protocol/stateTypes.ts";
import type { Phase } from "../../shared/protocol/phases.ts";
// The codec module itself, not the protocol's index: a phone loads this file without zod.
import { getReveal, readCountry, readEffects, readRoundLog, readYears } from "../../shared/protocol/wireCodec.ts";

/** One effect of the last resolve with its placeholder values decoded. */
export type EffectSnapshot = EffectPoint;

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
  /** The seats this client may see: every seat for the host, none for a student (see OwnSeatTracker) or a spectator. */
  players: PlayerView[];
  /** Counts for everyone (see SessionState): seats, people among them, connected; proposed this round (the sum of proposalCounts). */
  playerCount: number;
  studentCount: number;
  connectedCount: number;
  proposedCount: number;
  arguments: ArgumentView[];
  spotlightId: string;
  proposalCounts: Record<string, number>;
  votesCast: number;
  eventIds: string[];
  /** The country now: the last year's numbers; empty before the first resolve (views show the scenario's start). */
  indicators: Record<string, number>;
  regions: Record<string, RegionView>;
  tally: Record<string, number>;
  mix: Record<string, number>;
  effects: EffectSnapshot[];
  captures: CaptureView[];
  capturedLeaders: Record<string, number>;
  years: YearPoint[];
  roundLog: RoundLogEntry[];
  roleScores: Record<string, number>;
  classOutcome: number;
  /** The historical path's years: empty until the `history` request answers in the debrief (client/state/historyLoader.ts). */
  historicalYears: YearPoint[];
  historicalRoleScores: Record<string, number>;
  historicalClassOutcome: number;
  topArgumentIds: string[];
}

/** Read-only map as the SDK decodes a MapSchema. */
interface ReadMap<V> {
  forEach(cb: (value: V, key: string) => void): void;
}

function mapToRecord<V, R>(map: ReadMap<V> | undefined, convert: (v: V, key: string) => R): Record<string, R> {
  const out: Record<string, R> = {};
  map?.forEach((v, k) => {
    out[k] = convert(v, k);
  });
  return out;
}

function arrayOf<V>(array: Iterable<V> | undefined): V[] {
  return array ? Array.from(array) : [];
}

const same = <V>(v: V): V => v;

function sumOf(map: ReadMap<number> | undefined): number {
  let sum = 0;
  map?.forEach((v) => (sum += v));
  return sum;
}

/** `historicalYears` comes separately (not in the synced state); pass what the client holds. */
export function toSnapshot(state: SessionStateView, historicalYears: YearPoint[] = []): SessionSnapshot {
  const roundLog = readRoundLog(state);
  const reveal = getReveal(roundLog, state.round);
  const years = readYears(state);
  // The country now is the last year (before the first resolve: none, and views show the scenario's start).
  const country = readCountry(years);
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
    players: Object.values(mapToRecord<PlayerView, PlayerView>(state.players, (p, id) => ({ ...copyPlayer(p), id: p.id || id }))),
    playerCount: state.playerCount,
    studentCount: state.studentCount,
    connectedCount: state.connectedCount,
    proposedCount: sumOf(state.proposalCounts),
    arguments: Object.values(mapToRecord<ArgumentView, ArgumentView>(state.arguments, (a, id) => ({ ...copyArgument(a), id: a.id || id }))),
    spotlightId: state.spotlightId,
    proposalCounts: mapToRecord(state.proposalCounts, same),
    votesCast: state.votesCast,
    eventIds: arrayOf(state.eventIds),
    indicators: country.indicators,
    regions: country.regions,
    tally: reveal.tally,
    mix: reveal.mix,
    effects: readEffects(state),
    captures: arrayOf<CaptureView>(state.captures).map((c) => ({ year: c.year, leaderId: c.leaderId, regionId: c.regionId, splinters: c.splinters, dismantled: c.dismantled })),
    capturedLeaders: mapToRecord(state.capturedLeaders, same),
    years,
    roundLog,
    roleScores: mapToRecord(state.roleScores, same),
    classOutcome: state.classOutcome,
    historicalYears,
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

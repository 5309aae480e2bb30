// TypeScript shapes of what clients receive: the synced room state (as the SDK decodes it) and
// the replies to requests. The server's schema classes (server/state/) must match these.
import type { BotStrategy, VoteMode } from "./options.ts";
import type { MessageType, VoteValue } from "./messages.ts";
import type { Phase } from "./phases.ts";

/** Read-only map as the SDK decodes a MapSchema (it also offers forEach and size). */
export interface SyncedMap<V> {
  get(key: string): V | undefined;
  has(key: string): boolean;
  forEach(cb: (value: V, key: string) => void): void;
  readonly size: number;
}
/** Read-only array as the SDK decodes an ArraySchema. */
export interface SyncedArray<V> extends Iterable<V> {
  readonly length: number;
  at(index: number): V | undefined;
  forEach(cb: (value: V, index: number) => void): void;
  map<U>(cb: (value: V, index: number) => U): U[];
}

export interface PlayerView {
  id: string;
  nickname: string;
  roleId: string;
  isBot: boolean;
  /** Bot strategy, "" for people. */
  strategy: BotStrategy | "";
  connected: boolean;
  /** Proposed this round (propose phase). */
  proposed: boolean;
  /** Has a vote in this round (its content is secret). */
  voted: boolean;
  endorsementsUsed: number;
}

export interface ArgumentView {
  id: string;
  round: number;
  policyId: string;
  text: string;
  /** Figure id cited, "" when none. */
  figureId: string;
  /** "" when the session's arguments are anonymous. */
  authorId: string;
  authorNickname: string;
  authorRoleId: string;
  /** Written by a bot; set even when arguments are anonymous (it names no student). */
  authorIsBot: boolean;
  endorsements: number;
}

export interface RegionView {
  homicides: number;
  activeGroups: number;
}

/** One effect of the last resolved round, summarised; the client words it from scenario.explanations. */
export interface EffectView {
  indicator: string;
  delta: number;
  /** Region id, "" for national effects. */
  region: string;
  cause: string;
  explanationKey: string;
  /** JSON of the explanation's placeholder values. */
  paramsJson: string;
  figures: SyncedArray<string>;
}

export interface CaptureView {
  year: number;
  /** "" for a lesser, unnamed target. */
  leaderId: string;
  regionId: string;
  splinters: number;
  dismantled: boolean;
}

/** Decoded JSON of one entry of `years` / `historicalYears`: the state at the end of a simulated year. */
export interface YearPoint {
  year: number;
  round: number;
  indicators: Record<string, number>;
  regions: Record<string, RegionView>;
}

/** Decoded JSON of one entry of `roundLog`: what the class decided in a resolved round. */
export interface RoundLogEntry {
  round: number;
  eventIds: string[];
  tally: Record<string, number>;
  mix: Record<string, number>;
  votes: number;
}

export interface SessionStateView {
  code: string;
  scenarioId: string;
  language: "en" | "es";
  voteMode: VoteMode;
  anonymousArguments: boolean;
  maxPlayers: number;
  /** Endorsements each student may give per debate; points each vote spends. */
  endorsementsPerStudent: number;
  votePoints: number;
  phase: Phase;
  /** Current round, 1-based; 0 in the lobby. */
  round: number;
  totalRounds: number;
  /** First year the current (or next) round simulates. */
  year: number;
  /** Absolute deadline in server ms (Date.now()); 0 = no running deadline. Use welcome.serverNow for the clock offset. */
  endsAt: number;
  /** > 0 while paused: the time left when the host paused. */
  pausedRemainingMs: number;
  hostConnected: boolean;
  spectators: number;
  players: SyncedMap<PlayerView>;
  /** This session's visible arguments, all rounds (hidden ones are removed). */
  arguments: SyncedMap<ArgumentView>;
  /** Argument id in the spotlight, "" for none. */
  spotlightId: string;
  /** Policy id → number of students who proposed it this round. */
  proposalCounts: SyncedMap<number>;
  /** How many seated students have voted this round (never who voted what). */
  votesCast: number;
  /** Events that open this round (briefing card). */
  eventIds: SyncedArray<string>;
  indicators: SyncedMap<number>;
  regions: SyncedMap<RegionView>;
  /** Vote totals and resulting policy shares, filled at the reveal (resolve) and cleared at the next briefing. */
  tally: SyncedMap<number>;
  mix: SyncedMap<number>;
  effects: SyncedArray<EffectView>;
  captures: SyncedArray<CaptureView>;
  organisations: SyncedMap<string>;
  /** Leader id → year captured. */
  capturedLeaders: SyncedMap<number>;
  /** JSON YearPoint per simulated year of the class path, appended each resolve. */
  years: SyncedArray<string>;
  /** JSON RoundLogEntry per resolved round. */
  roundLog: SyncedArray<string>;
  /** Role id → agenda score 0–100 (50 = unchanged), after each resolve. */
  roleScores: SyncedMap<number>;
  classOutcome: number;
  /** Debrief: JSON YearPoint per year of the historical path (same rounds as played). */
  historicalYears: SyncedArray<string>;
  historicalRoleScores: SyncedMap<number>;
  historicalClassOutcome: number;
  /** Debrief: the most-endorsed arguments, best first. */
  topArgumentIds: SyncedArray<string>;
}

/** A student's own private choices (never in the synced state). */
export interface Mine {
  proposal: { policyId: string; argumentId: string | null; figureId: string | null } | null;
  endorsed: string[];
  vote: VoteValue | null;
}

export type Seat = "host" | "student" | "spectator";

/** Reply to `welcome`: who you are in this session. Call it after every join and reconnect. */
export interface Welcome {
  seat: Seat;
  code: string;
  /** The host's secret; only ever sent to the host. Keep it to rejoin as host from any browser. */
  hostKey?: string;
  playerId?: string;
  mine?: Mine;
  /** Server clock when replying, to turn endsAt into a countdown. */
  serverNow: number;
  reconnectSeconds: number;
}

export interface Ok {
  ok: true;
}

/** Reply types of each request. */
export interface Replies {
  welcome: Welcome;
  propose: Mine;
  endorse: Mine;
  vote: Mine;
  start: Ok;
  advance: Ok;
  pause: Ok;
  resume: Ok;
  extend: Ok;
  skip: Ok;
  kick: Ok;
  reassignRole: Ok;
  spotlight: Ok;
  hideArgument: Ok;
  addBots: { playerIds: string[] };
  removeBots: { playerIds: string[] };
  endSession: Ok;
}

/** Message the server sends (`room.onMessage("refused", …)`) when a fire-and-forget `send()` is refused. */
export const REFUSED_MESSAGE = "refused";

type SameKeys<A, B extends PropertyKey> = [Exclude<keyof A, B>, Exclude<B, keyof A>] extends [never, never] ? true : false;
/** Compile-time check that every request type has a reply type and no reply type is orphaned. */
export const REPLIES_COVER_EVERY_MESSAGE: SameKeys<Replies, MessageType> = true;

// TypeScript shapes of what clients receive: the synced room state's types are derived from its
// one definition (sessionSchema.ts, imported for types only), plus the plain decoded forms of its
// compact entries and the replies to requests.
import type { Data } from "@colyseus/schema";
import type { MessageType, VoteValue } from "./messages.ts";
import type { HistoryReply } from "./wireCodec.ts";
import type { ArgumentState, CaptureState, PlayerState, SessionState } from "./sessionSchema.ts";

/** The room state as the SDK decodes it. */
export type SessionStateView = SessionState;
/** A seat's plain fields (the host's client holds every seat; students and spectators hold none). */
export type PlayerView = Data<PlayerState>;
export type ArgumentView = Data<ArgumentState>;
/** A region's numbers in a year (decoded from a YearState's homicides / activeGroups). */
export interface RegionView {
  homicides: number;
  activeGroups: number;
}
export type CaptureView = Data<CaptureState>;

/** The state at the end of a simulated year (decoded from a YearState or the `history` reply). */
export interface YearPoint {
  year: number;
  round: number;
  indicators: Record<string, number>;
  regions: Record<string, RegionView>;
}

/** What the class decided in a resolved round (decoded from a RoundLogState). */
export interface RoundLogEntry {
  round: number;
  tally: Record<string, number>;
  mix: Record<string, number>;
  votes: number;
}

/** One effect of the last resolved round, decoded; the client words it from scenario.explanations. */
export interface EffectPoint {
  indicator: string;
  delta: number;
  /** Region id, "" for national effects. */
  region: string;
  cause: string;
  explanationKey: string;
  /** The explanation's placeholder values. */
  params: Record<string, string | number>;
  figures: string[];
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
  history: HistoryReply;
}

/** Message the server sends (`room.onMessage("refused", …)`) when a fire-and-forget `send()` is refused. */
export const REFUSED_MESSAGE = "refused";

/**
 * A student's own seat, sent to that student only (OWN_SEAT_MESSAGE). Students hold no seats in
 * their synced state (no StateView, so a room encodes one shared patch for all its students);
 * their proposal, endorsements and vote come as `Mine` in replies and the welcome.
 */
export interface OwnSeat {
  playerId: string;
  nickname: string;
  roleId: string;
}

/**
 * Message the server sends a student (`room.onMessage("ownSeat", …)`) with their OwnSeat: before
 * every `welcome` reply (so on join and after a reconnect), when a connection comes back, and
 * whenever the seat changes (the host reassigns the role). Register the handler before asking
 * for the welcome; the last message received is the seat as it is now.
 */
export const OWN_SEAT_MESSAGE = "ownSeat";

/**
 * Message the server sends a student (`room.onMessage("mine", …)`) with their `Mine` when it
 * changed without a request of theirs: an argument they endorsed was removed (its author was kicked
 * with it, or replaced it), so the endorsement is given back.
 */
export const MINE_MESSAGE = "mine";

type SameKeys<A, B extends PropertyKey> = [Exclude<keyof A, B>, Exclude<B, keyof A>] extends [never, never] ? true : false;
/** Compile-time check that every request type has a reply type and no reply type is orphaned. */
export const REPLIES_COVER_EVERY_MESSAGE: SameKeys<Replies, MessageType> = true;

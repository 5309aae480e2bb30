// The synced state of a session room, the one definition of its shape: the server builds it, the
// client's decoded types are derived from it (stateTypes.ts). Designed for the wire: no JSON
// strings, numbers in fixed orders given once, strings of effects as indexes into an append-only
// word list, and who-did-what only in per-client views (StateView). The client imports this file
// for its types only (`import type`): its runtime import of @colyseus/schema stays on the server.
import { schema, t, type SchemaType } from "@colyseus/schema";
import type { BotStrategy, VoteMode } from "./options.ts";
import type { Phase } from "./phases.ts";

/**
 * A seat. The `players` map is view-only: the host sees every seat; students and spectators see
 * none and get the counts on SessionState (a student's own seat comes as OWN_SEAT_MESSAGE, its
 * choices as `Mine`).
 */
export const PlayerState = schema(
  {
    id: t.string().default(""),
    nickname: t.string().default(""),
    roleId: t.string().default(""),
    isBot: t.boolean().default(false),
    /** Bot strategy, "" for people. */
    strategy: t.string<BotStrategy | "">().default(""),
    connected: t.boolean().default(true),
    /** Proposed this round (propose phase). */
    proposed: t.boolean().default(false),
    /** Has a vote in this round (its content is secret). */
    voted: t.boolean().default(false),
    endorsementsUsed: t.uint16().default(0),
  },
  "PlayerState",
);
export type PlayerState = SchemaType<typeof PlayerState>;

export const ArgumentState = schema(
  {
    id: t.string().default(""),
    round: t.uint8().default(0),
    policyId: t.string().default(""),
    text: t.string().default(""),
    /** Figure id cited, "" when none. */
    figureId: t.string().default(""),
    /** "" when the session's arguments are anonymous. */
    authorId: t.string().default(""),
    authorNickname: t.string().default(""),
    authorRoleId: t.string().default(""),
    /** Written by a bot (shown even when arguments are anonymous: it names no student). */
    authorIsBot: t.boolean().default(false),
    endorsements: t.uint16().default(0),
  },
  "ArgumentState",
);
export type ArgumentState = SchemaType<typeof ArgumentState>;

/**
 * One effect of the last resolved round, every string an index into the word list (STATIC_WORDS,
 * then SessionState.words; shared/protocol/wireCodec.ts encodes and decodes it); the client words
 * it from the scenario.
 */
export const EffectState = schema(
  {
    indicator: t.number().default(0),
    /** As float32, showing as the rules' change does (shared/protocol/wirePrecision.ts). */
    delta: t.number().default(0),
    /** Word of the region id; 0 (the empty word) for national effects. */
    region: t.number().default(0),
    cause: t.number().default(0),
    explanationKey: t.number().default(0),
    /** Placeholder values that are numbers: [name word, value, name word, value, …]. */
    numberParams: t.array("number"),
    /** Placeholder values that are text: [name word, value word, …]. */
    wordParams: t.array("number"),
    figures: t.array("number"),
  },
  "EffectState",
);
export type EffectState = SchemaType<typeof EffectState>;

export const CaptureState = schema(
  {
    year: t.uint16().default(0),
    /** "" for a lesser, unnamed target. */
    leaderId: t.string().default(""),
    regionId: t.string().default(""),
    splinters: t.uint8().default(0),
    dismantled: t.boolean().default(false),
  },
  "CaptureState",
);
export type CaptureState = SchemaType<typeof CaptureState>;

/**
 * The country at the end of one simulated year, values in the orders of INDICATORS and
 * SessionState.regionIds, as float32 showing as the rules' values do (shared/protocol/wirePrecision.ts).
 * The last year is the country now (readCountry in wireCodec.ts).
 */
export const YearState = schema(
  {
    year: t.uint16().default(0),
    round: t.uint8().default(0),
    indicators: t.array("number"),
    homicides: t.array("number"),
    activeGroups: t.array("number"),
  },
  "YearState",
);
export type YearState = SchemaType<typeof YearState>;

/**
 * What the class decided in one resolved round; the tally in the order of SessionState.policyIds.
 * The policy mix is the tally's shares, so clients work it out (wireCodec.ts decodeRoundLog); the
 * round's events were in `eventIds` while it was current, and are not repeated here.
 */
export const RoundLogState = schema(
  {
    round: t.uint8().default(0),
    votes: t.uint16().default(0),
    tally: t.array("number"),
  },
  "RoundLogState",
);
export type RoundLogState = SchemaType<typeof RoundLogState>;

export const SessionState = schema(
  {
    code: t.string().default(""),
    scenarioId: t.string().default(""),
    language: t.string<"en" | "es">().default("en"),
    voteMode: t.string<VoteMode>().default("points"),
    anonymousArguments: t.boolean().default(false),
    maxPlayers: t.uint16().default(60),
    /** Endorsements each student may give per debate; points each vote spends. */
    endorsementsPerStudent: t.uint8().default(0),
    votePoints: t.uint8().default(0),

    /**
     * Orders of the numbers in years and round log entries; written once at creation. A year's
     * indicators come in the order of INDICATORS (shared/content/vocabulary.ts), which is code.
     */
    regionIds: t.array("string"),
    policyIds: t.array("string"),
    /**
     * Strings that effects refer to by index, after the words code gives (wireCodec.ts STATIC_WORDS:
     * index i ≥ their count means words[i − count]); append-only.
     */
    words: t.array("string"),

    phase: t.string<Phase>().default("lobby"),
    /** Current round, 1-based; 0 in the lobby. */
    round: t.uint8().default(0),
    totalRounds: t.uint8().default(0),
    /** First year the current (or next) round simulates. */
    year: t.uint16().default(0),
    /** Absolute deadline in server ms (Date.now()); 0 = no running deadline. Use welcome.serverNow for the clock offset. */
    endsAt: t.float64().default(0),
    /** > 0 while paused: the time left when the host paused. */
    pausedRemainingMs: t.float64().default(0),
    hostConnected: t.boolean().default(false),
    spectators: t.uint16().default(0),

    /** Seats, in the host's view only (see PlayerState); counts below are for everyone. */
    players: t.map(PlayerState).view(),
    /** Seats taken (students and bots), of which people, and of which connected (bots always are). */
    playerCount: t.uint16().default(0),
    studentCount: t.uint16().default(0),
    connectedCount: t.uint16().default(0),
    /** How many seated students have voted this round (never who voted what). */
    votesCast: t.uint16().default(0),

    /** This session's visible arguments, all rounds (hidden ones are removed). */
    arguments: t.map(ArgumentState),
    /** Argument id in the spotlight, "" for none. */
    spotlightId: t.string().default(""),
    /** Policy id → number of students who proposed it this round (their sum: how many have proposed). */
    proposalCounts: t.map("number"),

    /** Events that open this round (briefing card). */
    eventIds: t.array("string"),
    effects: t.array(EffectState),
    captures: t.array(CaptureState),
    /** Leader id → year captured. */
    capturedLeaders: t.map("number"),
    /** One entry per simulated year of the class path, appended each resolve. */
    years: t.array(YearState),
    /** One entry per resolved round; the last one is the reveal's tally and mix while its round is current. */
    roundLog: t.array(RoundLogState),
    /** Role id → agenda score 0–100 (50 = unchanged), after each resolve; whole numbers, as every view shows them. */
    roleScores: t.map("number"),
    classOutcome: t.number().default(50),

    /** Debrief (the historical path's own years come by the `history` request). */
    historicalRoleScores: t.map("number"),
    historicalClassOutcome: t.number().default(50),
    /** Debrief: the most-endorsed arguments, best first. */
    topArgumentIds: t.array("string"),
  },
  "SessionState",
);
export type SessionState = SchemaType<typeof SessionState>;

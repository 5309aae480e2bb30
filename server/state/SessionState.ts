// Synced state schema of a session room: flat schemas in maps and arrays, primitives only inside.
// It mirrors shared/protocol/stateTypes.ts (what clients decode); holds data only, no logic.
import { schema, t, type SchemaType } from "@colyseus/schema";

export const PlayerState = schema(
  {
    id: t.string().default(""),
    nickname: t.string().default(""),
    roleId: t.string().default(""),
    isBot: t.boolean().default(false),
    strategy: t.string().default(""),
    connected: t.boolean().default(true),
    proposed: t.boolean().default(false),
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
    figureId: t.string().default(""),
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

export const RegionValues = schema(
  {
    homicides: t.float64().default(0),
    activeGroups: t.float64().default(0),
  },
  "RegionValues",
);
export type RegionValues = SchemaType<typeof RegionValues>;

export const EffectState = schema(
  {
    indicator: t.string().default(""),
    delta: t.float64().default(0),
    region: t.string().default(""),
    cause: t.string().default(""),
    explanationKey: t.string().default(""),
    paramsJson: t.string().default("{}"),
    figures: t.array("string"),
  },
  "EffectState",
);
export type EffectState = SchemaType<typeof EffectState>;

export const CaptureState = schema(
  {
    year: t.uint16().default(0),
    leaderId: t.string().default(""),
    regionId: t.string().default(""),
    splinters: t.uint8().default(0),
    dismantled: t.boolean().default(false),
  },
  "CaptureState",
);
export type CaptureState = SchemaType<typeof CaptureState>;

export const SessionState = schema(
  {
    code: t.string().default(""),
    scenarioId: t.string().default(""),
    language: t.string().default("en"),
    voteMode: t.string().default("points"),
    anonymousArguments: t.boolean().default(false),
    maxPlayers: t.uint16().default(60),
    endorsementsPerStudent: t.uint8().default(0),
    votePoints: t.uint8().default(0),

    phase: t.string().default("lobby"),
    round: t.uint8().default(0),
    totalRounds: t.uint8().default(0),
    year: t.uint16().default(0),
    endsAt: t.float64().default(0),
    pausedRemainingMs: t.float64().default(0),
    hostConnected: t.boolean().default(false),
    spectators: t.uint16().default(0),

    players: t.map(PlayerState),
    arguments: t.map(ArgumentState),
    spotlightId: t.string().default(""),
    proposalCounts: t.map("number"),
    votesCast: t.uint16().default(0),

    eventIds: t.array("string"),
    indicators: t.map("float64"),
    regions: t.map(RegionValues),
    tally: t.map("number"),
    mix: t.map("float64"),
    effects: t.array(EffectState),
    captures: t.array(CaptureState),
    organisations: t.map("string"),
    capturedLeaders: t.map("number"),
    years: t.array("string"),
    roundLog: t.array("string"),
    roleScores: t.map("number"),
    classOutcome: t.number().default(50),

    historicalYears: t.array("string"),
    historicalRoleScores: t.map("number"),
    historicalClassOutcome: t.number().default(50),
    topArgumentIds: t.array("string"),
  },
  "SessionState",
);
export type SessionState = SchemaType<typeof SessionState>;

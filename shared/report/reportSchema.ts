// The session report (GET /api/sessions/<code>/report.json): what a class played, decided and
// argued, self-contained (names and "why" lines already worded in the session's language, so a
// later edit of the scenario never changes last month's report). The zod schema is the single
// source of truth for its type; the server builds it (server/report/), the report page renders it.
import { z } from "zod";
import { LanguageSchema } from "../i18n.ts";
import { VoteSchema } from "../protocol/messages.ts";
import { PHASES, TIMED_PHASES } from "../protocol/phases.ts";
import { BotStrategySchema, VOTE_MODES } from "../protocol/options.ts";

/** Bumped when a field changes meaning or disappears (adding optional fields does not bump it). */
export const REPORT_VERSION = 1;

const Id = z.string().min(1);
const IsoTime = z.iso.datetime();
const Numbers = z.record(z.string(), z.number());

/** A content id with its name in the session's language (the id itself if the content lacked one). */
export const NamedIdSchema = z.strictObject({ id: Id, name: z.string() });

/** A figure cited by a "why" line or an argument, with its claim and years as the scenario had them. */
export const CitedFigureSchema = z.strictObject({
  id: Id,
  claim: z.string(),
  /** "2006" or "2006–2012". */
  period: z.string(),
  /** Source article: outlet and title. */
  source: z.string(),
});
export type CitedFigure = z.infer<typeof CitedFigureSchema>;

/** One "why" line: a summarised effect of the round's rules, worded, with the figures it rests on. */
export const WhyLineSchema = z.strictObject({
  indicator: z.string(),
  indicatorLabel: z.string(),
  delta: z.number(),
  /** Region id, null for national effects. */
  regionId: z.string().nullable(),
  regionName: z.string().nullable(),
  /** `policy:<id>`, `event:<id>` or a mechanism name. */
  cause: z.string(),
  explanationKey: z.string(),
  /** The explanation worded in the session's language. */
  text: z.string(),
  figureIds: z.array(z.string()),
});
export type WhyLine = z.infer<typeof WhyLineSchema>;

export const ReportCaptureSchema = z.strictObject({
  year: z.number().int(),
  /** Null for a lesser, unnamed target. */
  leaderId: z.string().nullable(),
  leaderName: z.string().nullable(),
  regionId: z.string(),
  regionName: z.string(),
  splinters: z.number().int(),
  dismantled: z.boolean(),
});

/** The country's national indicators at one moment (indicator id → value). */
export const IndicatorValuesSchema = Numbers;

export const ReportRoundSchema = z.strictObject({
  round: z.number().int().min(1),
  /** The scenario's title of this round. */
  title: z.string(),
  /** First and last simulated year of the round. */
  years: z.strictObject({ from: z.number().int(), to: z.number().int() }),
  events: z.array(NamedIdSchema),
  /** False for a round the session stopped in before its votes were counted (the fields below are then empty). */
  resolved: z.boolean(),
  /** Votes cast (seated students and bots). */
  votes: z.number().int().min(0),
  /** Policy id → points (or single votes) received. */
  tally: Numbers,
  /** Policy id → share of the class's effort (sums to 1 when resolved). */
  mix: Numbers,
  indicatorsStart: IndicatorValuesSchema,
  indicatorsEnd: IndicatorValuesSchema,
  /** The main "why" lines of the round, biggest first. */
  why: z.array(WhyLineSchema),
  captures: z.array(ReportCaptureSchema),
});
export type ReportRound = z.infer<typeof ReportRoundSchema>;

/** The country at the end of one simulated year (as in the room's `years` entries). */
export const ReportYearPointSchema = z.strictObject({
  year: z.number().int(),
  round: z.number().int(),
  indicators: Numbers,
  regions: z.record(z.string(), z.strictObject({ homicides: z.number(), activeGroups: z.number() })),
});
export type ReportYearPoint = z.infer<typeof ReportYearPointSchema>;

export const ReportRoleScoreSchema = z.strictObject({
  roleId: z.string(),
  name: z.string(),
  /** 0–100, 50 = no better, no worse than at the start. */
  score: z.number(),
  /** The same agenda scored on the historical replay of the same rounds (null before the debrief). */
  historicalScore: z.number().nullable(),
});

export const ReportArgumentSchema = z.strictObject({
  id: Id,
  round: z.number().int().min(1),
  policyId: z.string(),
  policyName: z.string(),
  text: z.string(),
  figure: CitedFigureSchema.nullable(),
  authorPlayerId: z.string(),
  authorNickname: z.string(),
  authorRoleId: z.string(),
  authorIsBot: z.boolean(),
  endorsements: z.number().int().min(0),
  /** Hidden from the class wall by the host (kept in the record for the teacher). */
  hidden: z.boolean(),
  /** Among the debrief's most-endorsed arguments. */
  top: z.boolean(),
});
export type ReportArgument = z.infer<typeof ReportArgumentSchema>;

/** What one student (or bot) did in one round. */
export const ReportParticipationRoundSchema = z.strictObject({
  round: z.number().int().min(1),
  /** Policy id proposed, null when they proposed nothing. */
  proposedPolicyId: z.string().nullable(),
  argumentId: z.string().nullable(),
  figureId: z.string().nullable(),
  endorsementsGiven: z.number().int().min(0),
  /** Endorsements their argument of this round received. */
  endorsementsReceived: z.number().int().min(0),
  /** Their secret vote, revealed to the teacher only in this report; null when they did not vote. */
  vote: VoteSchema.nullable(),
});

export const ReportStudentSchema = z.strictObject({
  playerId: Id,
  nickname: z.string(),
  roleId: z.string(),
  roleName: z.string(),
  isBot: z.boolean(),
  /** Bot strategy, null for people. */
  strategy: BotStrategySchema.nullable(),
  /** Removed by the host (kicked) or a removed bot; their earlier rounds stay in the record. */
  removed: z.boolean(),
  rounds: z.array(ReportParticipationRoundSchema),
});
export type ReportStudent = z.infer<typeof ReportStudentSchema>;

export const ReportSchema = z.strictObject({
  reportVersion: z.literal(REPORT_VERSION),
  generatedAt: IsoTime,
  session: z.strictObject({
    code: z.string(),
    scenario: z.strictObject({ id: z.string(), title: z.string(), version: z.number().int() }),
    language: LanguageSchema,
    createdAt: IsoTime,
    /** Null while the session is live. */
    endedAt: IsoTime.nullable(),
    status: z.enum(["live", "ended"]),
    /** The phase it is in (or ended in). */
    phase: z.enum(PHASES),
    roundsPlayed: z.number().int().min(0),
    totalRounds: z.number().int().min(1),
    settings: z.strictObject({
      voteMode: z.enum(VOTE_MODES),
      anonymousArguments: z.boolean(),
      maxPlayers: z.number().int(),
      /** Seconds per timed phase, 0 = the host advanced it. */
      timers: z.record(z.enum(TIMED_PHASES), z.number()),
      seed: z.number().int(),
      endorsementsPerStudent: z.number().int(),
      votePoints: z.number().int(),
    }),
  }),
  /** Names in the session's language of every id the report uses, for legends and tables. */
  names: z.strictObject({
    policies: z.array(NamedIdSchema),
    roles: z.array(NamedIdSchema),
    indicators: z.array(z.strictObject({ id: z.string(), name: z.string(), betterWhen: z.enum(["lower", "higher", "neither"]) })),
    regions: z.array(NamedIdSchema),
  }),
  rounds: z.array(ReportRoundSchema),
  scores: z.strictObject({
    roles: z.array(ReportRoleScoreSchema),
    classOutcome: z.number(),
    /** Null before the debrief. */
    historicalClassOutcome: z.number().nullable(),
  }),
  /** The class's path against the historical replay of the same rounds and the observed series. */
  path: z.strictObject({
    startYear: z.number().int(),
    start: IndicatorValuesSchema,
    class: z.array(ReportYearPointSchema),
    /** Filled once the session reached the debrief; empty before. */
    historical: z.array(ReportYearPointSchema),
    observed: z
      .strictObject({
        source: z.string(),
        homicides: z.array(z.strictObject({ year: z.number().int(), value: z.number(), preliminary: z.boolean() })),
      })
      .nullable(),
  }),
  arguments: z.array(ReportArgumentSchema),
  /** Every figure cited by an argument or a "why" line. */
  figures: z.array(CitedFigureSchema),
  students: z.array(ReportStudentSchema),
});
export type Report = z.infer<typeof ReportSchema>;

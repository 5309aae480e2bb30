// Room options: what a host sends to create a session and what students, spectators and a
// returning host send to join one. Zod schemas are the single source of truth.
import { z } from "zod";
import { LanguageSchema } from "../i18n.ts";
import { TIMED_PHASES } from "./phases.ts";
import { JOIN_CODE_PATTERN, NICKNAME_MAX_LENGTH, hasControlCharacters } from "./joinInput.ts";

export { ROOM_NAME, JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, NICKNAME_MAX_LENGTH } from "./joinInput.ts";

export const JoinCodeSchema = z.string().trim().toUpperCase().regex(JOIN_CODE_PATTERN, "a join code is 5 letters and digits");

export const MAX_PLAYERS_LIMIT = 1000;
/** The longest argument any scenario may allow (a scenario's own `argumentMaxLength` is at most this). */
export const ARGUMENT_MAX_LENGTH = 280;
/**
 * What the wire accepts for an argument: longer than any scenario allows, so an over-long
 * argument reaches the session and gets `propose/argument-too-long`; far longer is a malformed request.
 */
export const ARGUMENT_WIRE_MAX_LENGTH = 2000;
/** Bots one `addBots` request may add (`host/too-many-bots` beyond). */
export const MAX_BOTS_PER_REQUEST = 50;
export const BOT_STRATEGIES = ["always-kingpin", "evidence-follower", "random"] as const;
export const BotStrategySchema = z.enum(BOT_STRATEGIES);
export type BotStrategy = z.infer<typeof BotStrategySchema>;
export const VOTE_MODES = ["points", "single"] as const;
export type VoteMode = (typeof VOTE_MODES)[number];

const PhaseSecondsSchema = z.number().min(0).max(3600);
const TimersSchema = z.strictObject(
  Object.fromEntries(TIMED_PHASES.map((p) => [p, PhaseSecondsSchema.optional()])) as Record<
    (typeof TIMED_PHASES)[number],
    z.ZodOptional<typeof PhaseSecondsSchema>
  >,
);

/** Options of `client.create("session", options)`; the creator becomes the host. */
export const CreateOptionsSchema = z.strictObject({
  as: z.literal("host").default("host"),
  /** Scenario folder name under content/scenarios; defaults to the server's default scenario. */
  scenarioId: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "scenario ids are lower-case words joined by hyphens").optional(),
  language: LanguageSchema.default("en"),
  /** Rounds to play: 1 up to the scenario's number of rounds (default: all of them). */
  rounds: z.number().int().min(1).max(12).optional(),
  /** Seconds per phase; 0 = untimed (the host advances). Missing phases use the defaults. */
  timers: TimersSchema.default({}),
  voteMode: z.enum(VOTE_MODES).default("points"),
  anonymousArguments: z.boolean().default(false),
  maxPlayers: z.number().int().min(1).max(MAX_PLAYERS_LIMIT).default(60),
  /** Seed for the rules' random numbers (default: the scenario's defaultSeed). */
  seed: z.number().int().min(0).max(0xffffffff).optional(),
});
export type CreateOptions = z.input<typeof CreateOptionsSchema>;
export type SessionOptions = z.output<typeof CreateOptionsSchema>;

/** Trimmed, 1–20 characters, no control or invisible format characters. */
export const NicknameSchema = z
  .string()
  .trim()
  .min(1, "a nickname needs at least 1 character")
  .max(NICKNAME_MAX_LENGTH, `a nickname has at most ${NICKNAME_MAX_LENGTH} characters`)
  .refine((s) => !hasControlCharacters(s), "a nickname cannot contain control characters");

/** A random id the student's browser keeps (localStorage); it identifies the device for kicks and seat recovery. */
export const DeviceTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "a device token is 16–64 letters, digits, _ or -");

/** Options of `client.joinById(code, options)`. */
export const JoinOptionsSchema = z.discriminatedUnion("as", [
  z.strictObject({ as: z.literal("student"), nickname: NicknameSchema, deviceToken: DeviceTokenSchema }),
  z.strictObject({ as: z.literal("spectator") }),
  z.strictObject({ as: z.literal("host"), hostKey: z.string().min(1).max(100) }),
]);
export type JoinOptions = z.input<typeof JoinOptionsSchema>;

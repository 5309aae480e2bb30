// The durable record of sessions, behind one interface with two adapters (SQLite in DATA_DIR by
// default, PostgreSQL with DATABASE_URL): each session's settings and scenario, and its journal
// of accepted actions and phase changes, from which the session is rebuilt by replay.
import { z } from "zod";
import { PHASES } from "../../shared/protocol/phases.ts";

/** One journal entry: an accepted call on the Session (or its phase engine), a phase entered, or a restart. */
export const JournalEntrySchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("call"),
    target: z.enum(["session", "engine"]),
    method: z.string().min(1),
    args: z.array(z.unknown()),
    /** Seats a call created (a student seated, bots added): who got which seat and role. Checked on replay. */
    seats: z.array(z.strictObject({ playerId: z.string(), nickname: z.string(), roleId: z.string() })).optional(),
  }),
  /** The `index`-th phase change of the session (1 = leaving the lobby). */
  z.strictObject({ kind: z.literal("phase"), phase: z.enum(PHASES), index: z.number().int().min(1) }),
  /** The session was restored after a restart; a running countdown was paused with this much left (0 = none was running). */
  z.strictObject({ kind: z.literal("restored"), pausedRemainingMs: z.number().min(0) }),
]);
export type JournalEntry = z.infer<typeof JournalEntrySchema>;

export interface JournalEvent {
  /** 1, 2, 3 … within the session. */
  seq: number;
  /** Server time (ms) when it happened. */
  at: number;
  entry: JournalEntry;
}

/** What the session list shows without replaying the journal; updated with every write. */
export interface SessionSummary {
  phase: string;
  round: number;
  totalRounds: number;
  /** Seated students (bots not counted). */
  students: number;
  roundsPlayed: number;
}

export interface NewSessionRecord {
  /** Internal id (join codes are reused once a session's room is gone). */
  id: string;
  code: string;
  hostKey: string;
  scenarioId: string;
  scenarioVersion: number;
  /** The scenario title in the session's language, for lists. */
  scenarioTitle: string;
  /** The whole scenario as it was when the session started (JSON), so replays never see later edits. */
  scenarioJson: string;
  /** The parsed create options (JSON). */
  optionsJson: string;
  language: string;
  createdAt: number;
}

export interface SessionRecord extends NewSessionRecord {
  /** Null while the session is live. */
  endedAt: number | null;
  /** Last time a server process was known to hold the session (heartbeat or write). */
  aliveAt: number;
  /** A running process holds it; false once a process let it go at a clean shutdown. */
  held: boolean;
  /**
   * The report (JSON) as it was built when the session ended, with the rules and scenario of that
   * day: later updates of the app never change a finished class's report.
   */
  reportJson: string | null;
  summary: SessionSummary;
}

export interface SessionStore {
  readonly kind: "sqlite" | "postgres";
  /** Creates the tables if needed. */
  init(): Promise<void>;
  create(record: NewSessionRecord, summary: SessionSummary): Promise<void>;
  /**
   * Appends journal events and updates the summary in one transaction. Appends of one session are
   * applied in the order of the calls, also when a call is made before the previous one resolved.
   */
  append(id: string, events: readonly JournalEvent[], summary: SessionSummary): Promise<void>;
  /**
   * Commits the appends queued so far, before this returns (an adapter that queues appends to
   * commit them together has it; the others commit each append as it is made).
   */
  commitPending?(): void;
  /** Resolves once this session's appends made so far are committed (or have failed); never rejects. */
  whenCommitted(id: string): Promise<void>;
  /** Heartbeat: these sessions are still held by a running process at `at`. */
  touch(ids: readonly string[], at: number): Promise<void>;
  markEnded(id: string, at: number): Promise<void>;
  /**
   * Takes over a live session for restoring: succeeds for one caller only, the one that still
   * sees the heartbeat it read (`aliveAt`), which it moves to `at`.
   */
  claim(id: string, aliveAt: number, at: number): Promise<boolean>;
  /** A clean shutdown lets a live session go, to be restored at once by the next start. */
  release(id: string, at: number): Promise<void>;
  /** Keeps the final report of an ended session. */
  saveReport(id: string, reportJson: string): Promise<void>;
  get(id: string): Promise<SessionRecord | null>;
  /** Every record with this join code, newest first. */
  findByCode(code: string): Promise<SessionRecord[]>;
  listLive(): Promise<SessionRecord[]>;
  /** The journal in order. */
  events(id: string): Promise<JournalEvent[]>;
  /** Deletes a record and its journal; false if there was none. */
  delete(id: string): Promise<boolean>;
  /** Deletes sessions that ended before `at`; returns how many. */
  purgeEndedBefore(at: number): Promise<number>;
  close(): Promise<void>;
}

/** Row shape both adapters read back (times may arrive as strings from PostgreSQL bigints). */
export interface SessionRow {
  id: string;
  code: string;
  host_key: string;
  scenario_id: string;
  scenario_version: number | string;
  scenario_title: string;
  scenario_json: string;
  options_json: string;
  language: string;
  created_at: number | string;
  ended_at: number | string | null;
  alive_at: number | string;
  held: number | string | boolean;
  report_json: string | null;
  phase: string;
  round: number | string;
  total_rounds: number | string;
  students: number | string;
  rounds_played: number | string;
}

/** The columns a new `sessions` row is inserted with (ended_at starts NULL), in the order of `getNewSessionValues`. */
export const NEW_SESSION_COLUMNS =
  "id, code, host_key, scenario_id, scenario_version, scenario_title, options_json, language, created_at, alive_at, phase, round, total_rounds, students, rounds_played";

/** Reads SessionRow: a `sessions` row (alias s) with its documents; append a WHERE on s's columns. */
export const SELECT_SESSION_ROWS = "SELECT s.*, d.scenario_json, d.report_json FROM sessions s JOIN session_documents d ON d.session_id = s.id";

/** A new session's values for NEW_SESSION_COLUMNS, the same for every adapter. */
export function getNewSessionValues(record: NewSessionRecord, summary: SessionSummary): (string | number)[] {
  return [
    record.id,
    record.code,
    record.hostKey,
    record.scenarioId,
    record.scenarioVersion,
    record.scenarioTitle,
    record.optionsJson,
    record.language,
    record.createdAt,
    record.createdAt,
    summary.phase,
    summary.round,
    summary.totalRounds,
    summary.students,
    summary.roundsPlayed,
  ];
}

export function toSessionRecord(row: SessionRow): SessionRecord {
  return {
    id: row.id,
    code: row.code,
    hostKey: row.host_key,
    scenarioId: row.scenario_id,
    scenarioVersion: Number(row.scenario_version),
    scenarioTitle: row.scenario_title,
    scenarioJson: row.scenario_json,
    optionsJson: row.options_json,
    language: row.language,
    createdAt: Number(row.created_at),
    endedAt: row.ended_at === null ? null : Number(row.ended_at),
    aliveAt: Number(row.alive_at),
    held: row.held === true || Number(row.held) === 1,
    reportJson: row.report_json,
    summary: {
      phase: row.phase,
      round: Number(row.round),
      totalRounds: Number(row.total_rounds),
      students: Number(row.students),
      roundsPlayed: Number(row.rounds_played),
    },
  };
}

export function toJournalEvent(row: { seq: number | string; at: number | string; entry: string }): JournalEvent {
  return { seq: Number(row.seq), at: Number(row.at), entry: JournalEntrySchema.parse(JSON.parse(row.entry)) };
}

/**
 * The tables, in SQL both SQLite and PostgreSQL accept. A session's scenario and report (tens of KB)
 * live apart from its `sessions` row, whose summary and heartbeat change at every phase: SQLite
 * rewrites a whole row on update (measured: 250 µs per update with a 60 KB scenario in the row,
 * 5 µs without), and 250 classes change phase within the same second.
 */
export const SCHEMA_SQL = [
  `CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    host_key TEXT NOT NULL,
    scenario_id TEXT NOT NULL,
    scenario_version INTEGER NOT NULL,
    scenario_title TEXT NOT NULL,
    options_json TEXT NOT NULL,
    language TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    ended_at BIGINT,
    alive_at BIGINT NOT NULL,
    held INTEGER NOT NULL DEFAULT 1,
    phase TEXT NOT NULL,
    round INTEGER NOT NULL,
    total_rounds INTEGER NOT NULL,
    students INTEGER NOT NULL,
    rounds_played INTEGER NOT NULL
  )`,
  `CREATE INDEX IF NOT EXISTS sessions_code ON sessions (code)`,
  `CREATE INDEX IF NOT EXISTS sessions_ended_at ON sessions (ended_at)`,
  `CREATE TABLE IF NOT EXISTS session_documents (
    session_id TEXT PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
    scenario_json TEXT NOT NULL,
    report_json TEXT
  )`,
  `CREATE TABLE IF NOT EXISTS session_events (
    session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    at BIGINT NOT NULL,
    entry TEXT NOT NULL,
    PRIMARY KEY (session_id, seq)
  )`,
];

/**
 * Moves the documents of a database written before they had a table of their own (the `sessions`
 * table still has a `scenario_json` column) into `session_documents`; run once, in a transaction.
 */
export const MOVE_DOCUMENTS_SQL = [
  "INSERT INTO session_documents (session_id, scenario_json, report_json) SELECT id, scenario_json, report_json FROM sessions",
  "ALTER TABLE sessions DROP COLUMN report_json",
  "ALTER TABLE sessions DROP COLUMN scenario_json",
];

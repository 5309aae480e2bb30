// SessionStore on Node 22's built-in SQLite (node:sqlite, no native add-on): one file in DATA_DIR,
// write-ahead log, every write committed before its promise resolves.
//
// Journal appends are the hot path (one per accepted action of every student, in one thread), and
// a commit costs far more than an insert, so appends are queued and committed together (group
// commit): when a room is about to send a state patch (`commitPending`, so what a client sees is
// on disk first), at the end of the event-loop turn, or once MAX_APPENDS_PER_COMMIT are queued,
// whichever comes first. Each append runs in its own savepoint, so a failed one is rolled back
// alone and rejects alone.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DatabaseSync, type StatementSync } from "node:sqlite";
import type { JournalEvent, NewSessionRecord, SessionRecord, SessionRow, SessionStore, SessionSummary } from "./SessionStore.ts";
import { MOVE_DOCUMENTS_SQL, NEW_SESSION_COLUMNS, SCHEMA_SQL, SELECT_SESSION_ROWS, getNewSessionValues, toJournalEvent, toSessionRecord } from "./SessionStore.ts";

export const SQLITE_FILE_NAME = "sessions.sqlite";
/**
 * Appends queued before they are committed without waiting for the turn to end. Under a flood
 * (thousands of students acting within a second) one turn reads thousands of requests before it
 * ends; every reply waits for its commit, so it would wait for the whole turn, and the queued
 * appends would pile up in memory meanwhile. 256 keeps a commit's cost per row near its floor
 * (measured with node:sqlite: about 17 µs per row at 256 a commit, 26 µs at 40).
 */
export const MAX_APPENDS_PER_COMMIT = 256;

interface PendingAppend {
  id: string;
  events: readonly JournalEvent[];
  summary: SessionSummary;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class SqliteSessionStore implements SessionStore {
  readonly kind = "sqlite";
  /** Transactions committed by appends so far (several appends share one; see the top of this file). */
  appendCommits = 0;
  private readonly db: DatabaseSync;
  private readonly statements = new Map<string, StatementSync>();
  private pendingAppends: PendingAppend[] = [];
  /** Settles when the queued appends are committed (see whenCommitted). */
  private batchCommitted: Promise<void> = Promise.resolve();
  private settleBatch: () => void = () => undefined;
  /** Each session's summary as this store last wrote it (see writeAppend). */
  private readonly summaryOnDisk = new Map<string, string>();

  constructor(path: string) {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    this.db = new DatabaseSync(path);
    // Every method is async so a failed statement is a rejected promise, as with PostgreSQL.
    // WAL: a write is durable once committed even if the process is killed right after; NORMAL
    // sync keeps commits fast (an OS crash or power cut may lose the last few, never corrupt).
    this.db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;");
  }

  async init(): Promise<void> {
    this.transaction(() => {
      for (const sql of SCHEMA_SQL) this.db.exec(sql);
      const columns = this.db.prepare("SELECT name FROM pragma_table_info('sessions')").all() as { name: string }[];
      if (columns.some((c) => c.name === "scenario_json")) for (const sql of MOVE_DOCUMENTS_SQL) this.db.exec(sql);
    });
  }

  async create(record: NewSessionRecord, summary: SessionSummary): Promise<void> {
    const values = getNewSessionValues(record, summary);
    this.transaction(() => {
      this.db.prepare(`INSERT INTO sessions (${NEW_SESSION_COLUMNS}) VALUES (${values.map(() => "?").join(", ")})`).run(...values);
      this.db.prepare("INSERT INTO session_documents (session_id, scenario_json) VALUES (?, ?)").run(record.id, record.scenarioJson);
    });
  }

  append(id: string, events: readonly JournalEvent[], summary: SessionSummary): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.pendingAppends.length === 0) {
        this.batchCommitted = new Promise<void>((settle) => (this.settleBatch = settle));
        setImmediate(() => this.commitPending());
      }
      this.pendingAppends.push({ id, events, summary, resolve, reject });
      if (this.pendingAppends.length >= MAX_APPENDS_PER_COMMIT) this.commitPending();
    });
  }

  /** Resolves once the appends queued so far (this session's among them) are committed or failed. */
  whenCommitted(_id: string): Promise<void> {
    return this.pendingAppends.length === 0 ? Promise.resolve() : this.batchCommitted;
  }

  /** Commits every queued append in one transaction, each in its own savepoint. */
  commitPending(): void {
    const batch = this.pendingAppends;
    this.pendingAppends = [];
    if (batch.length === 0) return;
    const settleBatch = this.settleBatch;
    try {
      this.commitBatch(batch);
    } finally {
      settleBatch();
    }
  }

  private commitBatch(batch: PendingAppend[]): void {
    if (!this.db.isOpen) {
      for (const append of batch) append.reject(new Error("the session store is closed"));
      return;
    }
    const outcomes: (unknown | null)[] = [];
    try {
      this.transaction(() => {
        for (const append of batch) {
          this.db.exec("SAVEPOINT append_one");
          try {
            const written = this.writeAppend(append);
            this.db.exec("RELEASE append_one");
            this.summaryOnDisk.set(append.id, written);
            outcomes.push(null);
          } catch (error) {
            this.db.exec("ROLLBACK TO append_one; RELEASE append_one");
            outcomes.push(error);
          }
        }
      });
      this.appendCommits += 1;
    } catch (error) {
      for (const append of batch) {
        this.summaryOnDisk.delete(append.id);
        append.reject(error);
      }
      return;
    }
    batch.forEach((append, i) => (outcomes[i] === null ? append.resolve() : append.reject(outcomes[i])));
  }

  /**
   * Inserts the events, and updates the session's summary row when the summary changed (a phase,
   * a round, a seat). Most appends are student actions that change no summary, and an update
   * costs more than the inserts; the heartbeat (`touch`) keeps `alive_at` current meanwhile.
   * Returns the summary now on disk.
   */
  private writeAppend({ id, events, summary }: PendingAppend): string {
    const insert = this.statement("INSERT INTO session_events (session_id, seq, at, entry) VALUES (?, ?, ?, ?)");
    let last = 0;
    for (const e of events) {
      insert.run(id, e.seq, e.at, JSON.stringify(e.entry));
      last = Math.max(last, e.at);
    }
    const written = `${summary.phase} ${summary.round} ${summary.totalRounds} ${summary.students} ${summary.roundsPlayed}`;
    if (this.summaryOnDisk.get(id) !== written) {
      this.statement(
        "UPDATE sessions SET phase = ?, round = ?, total_rounds = ?, students = ?, rounds_played = ?, alive_at = MAX(alive_at, ?) WHERE id = ?",
      ).run(summary.phase, summary.round, summary.totalRounds, summary.students, summary.roundsPlayed, last, id);
    }
    return written;
  }

  /** A prepared statement, compiled once per store (they are reused on every append). */
  private statement(sql: string): StatementSync {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  async touch(ids: readonly string[], at: number): Promise<void> {
    if (ids.length === 0) return;
    const update = this.db.prepare("UPDATE sessions SET alive_at = MAX(alive_at, ?) WHERE id = ? AND ended_at IS NULL");
    this.transaction(() => {
      for (const id of ids) update.run(at, id);
    });
  }

  async markEnded(id: string, at: number): Promise<void> {
    this.summaryOnDisk.delete(id);
    this.db.prepare("UPDATE sessions SET ended_at = ?, alive_at = MAX(alive_at, ?) WHERE id = ? AND ended_at IS NULL").run(at, at, id);
  }

  async claim(id: string, aliveAt: number, at: number): Promise<boolean> {
    this.summaryOnDisk.delete(id);
    const result = this.db.prepare("UPDATE sessions SET alive_at = ?, held = 1 WHERE id = ? AND alive_at = ? AND ended_at IS NULL").run(at, id, aliveAt);
    return Number(result.changes) === 1;
  }

  async saveReport(id: string, reportJson: string): Promise<void> {
    this.db.prepare("UPDATE session_documents SET report_json = ? WHERE session_id = ?").run(reportJson, id);
  }

  async release(id: string, at: number): Promise<void> {
    this.summaryOnDisk.delete(id);
    this.db.prepare("UPDATE sessions SET held = 0, alive_at = MAX(alive_at, ?) WHERE id = ? AND ended_at IS NULL").run(at, id);
  }

  async get(id: string): Promise<SessionRecord | null> {
    const row = this.db.prepare(`${SELECT_SESSION_ROWS} WHERE s.id = ?`).get(id) as SessionRow | undefined;
    return row ? toSessionRecord(row) : null;
  }

  async findByCode(code: string): Promise<SessionRecord[]> {
    const rows = this.db.prepare(`${SELECT_SESSION_ROWS} WHERE s.code = ? ORDER BY s.created_at DESC`).all(code) as unknown as SessionRow[];
    return rows.map(toSessionRecord);
  }

  async listLive(): Promise<SessionRecord[]> {
    const rows = this.db.prepare(`${SELECT_SESSION_ROWS} WHERE s.ended_at IS NULL ORDER BY s.created_at`).all() as unknown as SessionRow[];
    return rows.map(toSessionRecord);
  }

  async events(id: string): Promise<JournalEvent[]> {
    const rows = this.db.prepare("SELECT seq, at, entry FROM session_events WHERE session_id = ? ORDER BY seq").all(id) as unknown as {
      seq: number;
      at: number;
      entry: string;
    }[];
    return rows.map(toJournalEvent);
  }

  async delete(id: string): Promise<boolean> {
    this.summaryOnDisk.delete(id);
    const result = this.db.prepare("DELETE FROM sessions WHERE id = ?").run(id);
    return Number(result.changes) > 0;
  }

  async purgeEndedBefore(at: number): Promise<number> {
    const result = this.db.prepare("DELETE FROM sessions WHERE ended_at IS NOT NULL AND ended_at < ?").run(at);
    return Number(result.changes);
  }

  async close(): Promise<void> {
    // Appends queued this turn are committed first: closing never drops a write it accepted.
    if (this.db.isOpen) this.commitPending();
    if (this.db.isOpen) this.db.close();
  }

  private transaction(work: () => void): void {
    this.db.exec("BEGIN IMMEDIATE");
    try {
      work();
      this.db.exec("COMMIT");
    } catch (error) {
      this.db.exec("ROLLBACK");
      throw error;
    }
  }
}

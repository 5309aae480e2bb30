// SessionStore on PostgreSQL (the `pg` driver), for schools running several server processes:
// the same tables and transactions as the SQLite adapter.
import pg from "pg";
import type { JournalEvent, NewSessionRecord, SessionRecord, SessionRow, SessionStore, SessionSummary } from "./SessionStore.ts";
import { MOVE_DOCUMENTS_SQL, NEW_SESSION_COLUMNS, SCHEMA_SQL, SELECT_SESSION_ROWS, getNewSessionValues, toJournalEvent, toSessionRecord } from "./SessionStore.ts";

export class PostgresSessionStore implements SessionStore {
  readonly kind = "postgres";
  private readonly pool: pg.Pool;
  /** Each session's latest append, settled or not (see append). */
  private readonly lastAppend = new Map<string, Promise<void>>();

  constructor(connectionString: string) {
    this.pool = new pg.Pool({ connectionString, max: 5 });
    // An idle connection dropped by the database must not crash the process.
    this.pool.on("error", (error) => console.error("[session store] idle PostgreSQL connection failed:", error.message));
  }

  async init(): Promise<void> {
    // Several processes may start at once: one at a time creates the tables.
    await this.inTransaction(async (client) => {
      await client.query("SELECT pg_advisory_xact_lock(48151623)");
      for (const sql of SCHEMA_SQL) await client.query(sql);
      const legacy = await client.query(
        "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'sessions' AND column_name = 'scenario_json'",
      );
      if (legacy.rowCount) for (const sql of MOVE_DOCUMENTS_SQL) await client.query(sql);
    });
  }

  async create(record: NewSessionRecord, summary: SessionSummary): Promise<void> {
    const values = getNewSessionValues(record, summary);
    await this.inTransaction(async (client) => {
      await client.query(`INSERT INTO sessions (${NEW_SESSION_COLUMNS}) VALUES (${values.map((_, i) => `$${i + 1}`).join(", ")})`, values);
      await client.query("INSERT INTO session_documents (session_id, scenario_json) VALUES ($1, $2)", [record.id, record.scenarioJson]);
    });
  }

  append(id: string, events: readonly JournalEvent[], summary: SessionSummary): Promise<void> {
    // The pool runs transactions side by side: a session's appends wait for its previous one.
    const previous = this.lastAppend.get(id) ?? Promise.resolve();
    const appended = previous.catch(() => undefined).then(() => this.appendNow(id, events, summary));
    const settled = appended.catch(() => undefined);
    this.lastAppend.set(id, settled);
    void settled.then(() => {
      if (this.lastAppend.get(id) === settled) this.lastAppend.delete(id);
    });
    return appended;
  }

  whenCommitted(id: string): Promise<void> {
    return this.lastAppend.get(id) ?? Promise.resolve();
  }

  private async appendNow(id: string, events: readonly JournalEvent[], summary: SessionSummary): Promise<void> {
    await this.inTransaction(async (client) => {
      let last = 0;
      for (const e of events) {
        await client.query("INSERT INTO session_events (session_id, seq, at, entry) VALUES ($1, $2, $3, $4)", [id, e.seq, e.at, JSON.stringify(e.entry)]);
        last = Math.max(last, e.at);
      }
      await client.query(
        "UPDATE sessions SET phase = $1, round = $2, total_rounds = $3, students = $4, rounds_played = $5, alive_at = GREATEST(alive_at, $6) WHERE id = $7",
        [summary.phase, summary.round, summary.totalRounds, summary.students, summary.roundsPlayed, last, id],
      );
    });
  }

  async touch(ids: readonly string[], at: number): Promise<void> {
    if (ids.length === 0) return;
    await this.pool.query("UPDATE sessions SET alive_at = GREATEST(alive_at, $1) WHERE id = ANY($2::text[]) AND ended_at IS NULL", [at, [...ids]]);
  }

  async markEnded(id: string, at: number): Promise<void> {
    await this.pool.query("UPDATE sessions SET ended_at = $1, alive_at = GREATEST(alive_at, $1) WHERE id = $2 AND ended_at IS NULL", [at, id]);
  }

  async claim(id: string, aliveAt: number, at: number): Promise<boolean> {
    const result = await this.pool.query("UPDATE sessions SET alive_at = $1, held = 1 WHERE id = $2 AND alive_at = $3 AND ended_at IS NULL", [at, id, aliveAt]);
    return result.rowCount === 1;
  }

  async saveReport(id: string, reportJson: string): Promise<void> {
    await this.pool.query("UPDATE session_documents SET report_json = $1 WHERE session_id = $2", [reportJson, id]);
  }

  async release(id: string, at: number): Promise<void> {
    await this.pool.query("UPDATE sessions SET held = 0, alive_at = GREATEST(alive_at, $1) WHERE id = $2 AND ended_at IS NULL", [at, id]);
  }

  async get(id: string): Promise<SessionRecord | null> {
    const { rows } = await this.pool.query<SessionRow>(`${SELECT_SESSION_ROWS} WHERE s.id = $1`, [id]);
    return rows[0] ? toSessionRecord(rows[0]) : null;
  }

  async findByCode(code: string): Promise<SessionRecord[]> {
    const { rows } = await this.pool.query<SessionRow>(`${SELECT_SESSION_ROWS} WHERE s.code = $1 ORDER BY s.created_at DESC`, [code]);
    return rows.map(toSessionRecord);
  }

  async listLive(): Promise<SessionRecord[]> {
    const { rows } = await this.pool.query<SessionRow>(`${SELECT_SESSION_ROWS} WHERE s.ended_at IS NULL ORDER BY s.created_at`);
    return rows.map(toSessionRecord);
  }

  async events(id: string): Promise<JournalEvent[]> {
    const { rows } = await this.pool.query<{ seq: number; at: string; entry: string }>(
      "SELECT seq, at, entry FROM session_events WHERE session_id = $1 ORDER BY seq",
      [id],
    );
    return rows.map(toJournalEvent);
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.pool.query("DELETE FROM sessions WHERE id = $1", [id]);
    return (result.rowCount ?? 0) > 0;
  }

  async purgeEndedBefore(at: number): Promise<number> {
    const result = await this.pool.query("DELETE FROM sessions WHERE ended_at IS NOT NULL AND ended_at < $1", [at]);
    return result.rowCount ?? 0;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async inTransaction(work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      await work(client);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

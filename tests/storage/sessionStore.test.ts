// The storage suite: the same behaviour from both SessionStore adapters, SQLite (always) and
// PostgreSQL (a throwaway cluster; skipped with a message only when no PostgreSQL is installed).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PostgresSessionStore } from "../../server/storage/postgresSessionStore.ts";
import type { JournalEvent, NewSessionRecord, SessionStore, SessionSummary } from "../../server/storage/SessionStore.ts";
import { MAX_APPENDS_PER_COMMIT, SqliteSessionStore } from "../../server/storage/sqliteSessionStore.ts";
import { findPostgresBin, startPostgresCluster, type PostgresCluster } from "./postgresCluster.ts";

const SUMMARY: SessionSummary = { phase: "lobby", round: 0, totalRounds: 6, students: 0, roundsPlayed: 0 };

let counter = 0;
function newRecord(overrides: Partial<NewSessionRecord> = {}): NewSessionRecord {
  counter += 1;
  return {
    id: `id-${process.pid}-${counter}`,
    code: "ABCDE",
    hostKey: `key-${counter}`,
    scenarioId: "mexico-2006",
    scenarioVersion: 3,
    scenarioTitle: "Hidden Costs",
    scenarioJson: JSON.stringify({ id: "mexico-2006", title: "ñandú “quoted”" }),
    optionsJson: JSON.stringify({ language: "es" }),
    language: "es",
    createdAt: 1_700_000_000_000 + counter,
    ...overrides,
  };
}

function events(from: number, count: number, at: number): JournalEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    seq: from + i,
    at,
    entry: { kind: "call", target: "session", method: "propose", args: ["p1", { policyId: "amnesty", argument: `élan ${from + i} =SUM(A1)` }] },
  }));
}

/** The `sessions` table as versions before `session_documents` wrote it, with one ended session and its journal. */
const LEGACY_DATABASE_SQL = [
  `CREATE TABLE sessions (id TEXT PRIMARY KEY, code TEXT NOT NULL, host_key TEXT NOT NULL, scenario_id TEXT NOT NULL,
    scenario_version INTEGER NOT NULL, scenario_title TEXT NOT NULL, scenario_json TEXT NOT NULL, options_json TEXT NOT NULL,
    language TEXT NOT NULL, created_at BIGINT NOT NULL, ended_at BIGINT, alive_at BIGINT NOT NULL, held INTEGER NOT NULL DEFAULT 1,
    report_json TEXT, phase TEXT NOT NULL, round INTEGER NOT NULL, total_rounds INTEGER NOT NULL, students INTEGER NOT NULL,
    rounds_played INTEGER NOT NULL)`,
  `CREATE INDEX sessions_code ON sessions (code)`,
  `CREATE INDEX sessions_ended_at ON sessions (ended_at)`,
  `CREATE TABLE session_events (session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE, seq INTEGER NOT NULL,
    at BIGINT NOT NULL, entry TEXT NOT NULL, PRIMARY KEY (session_id, seq))`,
  `INSERT INTO sessions VALUES ('old-1', 'OLDCD', 'key-old', 'mexico-2006', 2, 'Costos ocultos', '{"id":"mexico-2006","v":2}',
    '{"language":"es"}', 'es', 1600000000000, 1600000900000, 1600000900000, 1, '{"report":"kept"}', 'ended', 6, 6, 31, 6)`,
  `INSERT INTO session_events VALUES ('old-1', 1, 1600000000100, '{"kind":"phase","phase":"briefing","index":1}')`,
];

/** A store opened on a database an older version wrote reads its sessions whole, then writes new ones. */
async function expectLegacyDatabaseMoved(store: SessionStore): Promise<void> {
  await store.init();
  await store.init();
  const old = await store.get("old-1");
  expect(old).toMatchObject({
    code: "OLDCD",
    scenarioJson: '{"id":"mexico-2006","v":2}',
    reportJson: '{"report":"kept"}',
    endedAt: 1600000900000,
    summary: { phase: "ended", round: 6, totalRounds: 6, students: 31, roundsPlayed: 6 },
  });
  expect((await store.events("old-1")).map((e) => e.entry)).toEqual([{ kind: "phase", phase: "briefing", index: 1 }]);
  const fresh = newRecord();
  await store.create(fresh, SUMMARY);
  expect(await store.get(fresh.id)).toMatchObject({ scenarioJson: fresh.scenarioJson, reportJson: null });
  expect(await store.delete("old-1")).toBe(true);
  expect(await store.get("old-1")).toBeNull();
  await store.close();
}

function storageSuite(name: string, open: () => Promise<SessionStore>) {
  describe(name, () => {
    let store: SessionStore;
    beforeAll(async () => {
      store = await open();
      await store.init();
      await store.init(); // idempotent: a restart runs it again
    });
    afterAll(async () => {
      await store.close();
    });

    it("stores a session with its settings and reads it back by id and by code, newest first", async () => {
      const older = newRecord({ code: "KQ7RT" });
      const newer = newRecord({ code: "KQ7RT", createdAt: older.createdAt + 1000 });
      await store.create(older, SUMMARY);
      await store.create(newer, SUMMARY);
      const got = await store.get(older.id);
      expect(got).toMatchObject({ ...older, endedAt: null, aliveAt: older.createdAt, summary: SUMMARY });
      expect((await store.findByCode("KQ7RT")).map((r) => r.id)).toEqual([newer.id, older.id]);
      expect(await store.findByCode("ZZZZZ")).toEqual([]);
      expect(await store.get("missing")).toBeNull();
    });

    it("appends journal events in order with the summary, in one transaction", async () => {
      const record = newRecord();
      await store.create(record, SUMMARY);
      await store.append(record.id, events(1, 3, record.createdAt + 50), { ...SUMMARY, phase: "propose", round: 1, students: 3 });
      await store.append(record.id, events(4, 2, record.createdAt + 90), { ...SUMMARY, phase: "vote", round: 1, students: 3, roundsPlayed: 0 });
      const read = await store.events(record.id);
      expect(read.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
      expect(read[4]).toEqual(events(5, 1, record.createdAt + 90)[0]);
      const got = await store.get(record.id);
      expect(got?.summary).toEqual({ ...SUMMARY, phase: "vote", round: 1, students: 3 });
      expect(got?.aliveAt).toBe(record.createdAt + 90);
    });

    it("rolls a failed append back whole: no event of it is kept and the summary is unchanged", async () => {
      const record = newRecord();
      await store.create(record, SUMMARY);
      await store.append(record.id, events(1, 1, record.createdAt + 1), SUMMARY);
      // seq 2 is new but seq 1 repeats: the whole batch must fail.
      await expect(store.append(record.id, [...events(2, 1, record.createdAt + 2), ...events(1, 1, record.createdAt + 2)], { ...SUMMARY, phase: "debate" })).rejects.toThrow();
      expect((await store.events(record.id)).map((e) => e.seq)).toEqual([1]);
      expect((await store.get(record.id))?.summary.phase).toBe("lobby");
    });

    it("appends from many sessions at once each land whole, and a failing one fails alone", async () => {
      const records = [newRecord(), newRecord(), newRecord()];
      for (const r of records) await store.create(r, SUMMARY);
      await store.append(records[1]!.id, events(1, 1, records[1]!.createdAt), SUMMARY);
      const results = await Promise.allSettled([
        store.append(records[0]!.id, events(1, 2, records[0]!.createdAt + 5), { ...SUMMARY, phase: "propose" }),
        // seq 1 is taken already: this append fails, with its new event and its summary.
        store.append(records[1]!.id, [...events(2, 1, records[1]!.createdAt + 5), ...events(1, 1, records[1]!.createdAt + 5)], { ...SUMMARY, phase: "vote" }),
        store.append(records[2]!.id, events(1, 1, records[2]!.createdAt + 5), { ...SUMMARY, phase: "debate" }),
        store.append("no-such-session", events(1, 1, 5), SUMMARY),
      ]);
      expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled", "rejected"]);
      expect((await store.events(records[0]!.id)).map((e) => e.seq)).toEqual([1, 2]);
      expect((await store.events(records[1]!.id)).map((e) => e.seq)).toEqual([1]);
      expect((await store.get(records[1]!.id))?.summary.phase).toBe("lobby");
      expect((await store.get(records[2]!.id))?.summary.phase).toBe("debate");
    });

    it("applies one session's appends in the order of the calls, made without waiting, the last summary kept", async () => {
      const record = newRecord();
      await store.create(record, SUMMARY);
      const phases = ["briefing", "propose", "debate", "vote", "resolve", "results"] as const;
      await Promise.all(phases.map((phase, i) => store.append(record.id, events(i + 1, 1, record.createdAt + i), { ...SUMMARY, phase, round: 1 })));
      expect((await store.events(record.id)).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
      expect((await store.get(record.id))?.summary.phase).toBe("results");
    });

    it("whenCommitted resolves once the session's appends so far are committed, and at once when there are none", async () => {
      const record = newRecord();
      await store.create(record, SUMMARY);
      await store.whenCommitted(record.id);
      const appended = store.append(record.id, events(1, 2, record.createdAt), SUMMARY);
      await store.whenCommitted(record.id);
      expect((await store.events(record.id)).map((e) => e.seq)).toEqual([1, 2]);
      await appended;
      // A failed append settles it too (it never rejects).
      const failed = store.append(record.id, events(1, 1, record.createdAt), SUMMARY).catch(() => "failed");
      await store.whenCommitted(record.id);
      expect(await failed).toBe("failed");
    });

    it("lists live sessions, ends them, and keeps the first end time", async () => {
      const a = newRecord();
      const b = newRecord();
      await store.create(a, SUMMARY);
      await store.create(b, SUMMARY);
      await store.markEnded(a.id, a.createdAt + 10);
      await store.markEnded(a.id, a.createdAt + 99);
      const live = (await store.listLive()).map((r) => r.id);
      expect(live).toContain(b.id);
      expect(live).not.toContain(a.id);
      expect((await store.get(a.id))?.endedAt).toBe(a.createdAt + 10);
      expect((await store.get(a.id))?.reportJson).toBeNull();
      await store.saveReport(a.id, JSON.stringify({ kept: "ñ" }));
      expect((await store.get(a.id))?.reportJson).toBe(JSON.stringify({ kept: "ñ" }));
    });

    it("moves the heartbeat forward only, and lets exactly one claimer take over a live session", async () => {
      const record = newRecord();
      await store.create(record, SUMMARY);
      await store.touch([record.id], record.createdAt + 500);
      await store.touch([record.id], record.createdAt + 100);
      expect((await store.get(record.id))?.aliveAt).toBe(record.createdAt + 500);
      const claims = await Promise.all([store.claim(record.id, record.createdAt + 500, record.createdAt + 600), store.claim(record.id, record.createdAt + 500, record.createdAt + 601)]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await store.claim(record.id, record.createdAt + 500, record.createdAt + 700)).toBe(false);
    });

    it("marks a session let go at a clean shutdown, until a process claims it again", async () => {
      const record = newRecord();
      await store.create(record, SUMMARY);
      expect((await store.get(record.id))?.held).toBe(true);
      await store.release(record.id, record.createdAt + 800);
      const released = await store.get(record.id);
      expect(released).toMatchObject({ held: false, aliveAt: record.createdAt + 800, endedAt: null });
      expect(await store.claim(record.id, record.createdAt + 800, record.createdAt + 900)).toBe(true);
      expect((await store.get(record.id))?.held).toBe(true);
    });

    it("deletes a record with its journal, and purges only sessions that ended before the cut-off", async () => {
      const gone = newRecord();
      await store.create(gone, SUMMARY);
      await store.append(gone.id, events(1, 2, gone.createdAt), SUMMARY);
      expect(await store.delete(gone.id)).toBe(true);
      expect(await store.delete(gone.id)).toBe(false);
      expect(await store.get(gone.id)).toBeNull();
      expect(await store.events(gone.id)).toEqual([]);

      const old = newRecord();
      const recent = newRecord();
      const live = newRecord({ createdAt: 1 });
      for (const r of [old, recent, live]) await store.create(r, SUMMARY);
      await store.append(old.id, events(1, 1, old.createdAt), SUMMARY);
      await store.markEnded(old.id, 1_000);
      await store.markEnded(recent.id, 5_000_000_000_000);
      const purged = await store.purgeEndedBefore(2_000);
      expect(purged).toBeGreaterThanOrEqual(1);
      expect(await store.get(old.id)).toBeNull();
      expect(await store.events(old.id)).toEqual([]);
      expect(await store.get(recent.id)).not.toBeNull();
      expect(await store.get(live.id)).not.toBeNull();
    });
  });
}

storageSuite("SQLite session store", () => Promise.resolve(new SqliteSessionStore(join(mkdtempSync(join(tmpdir(), "hc-store-")), "sessions.sqlite"))));

describe("SQLite session store: group commit", () => {
  it("commits appends made together in one transaction, each resolved only once committed, and commits what is queued when closed", async () => {
    const store = new SqliteSessionStore(join(mkdtempSync(join(tmpdir(), "hc-store-")), "sessions.sqlite"));
    await store.init();
    const records = Array.from({ length: 5 }, () => newRecord());
    for (const r of records) await store.create(r, SUMMARY);
    const before = store.appendCommits;
    let resolved = 0;
    const writes = records.map((r) => store.append(r.id, events(1, 2, r.createdAt), SUMMARY).then(() => (resolved += 1)));
    expect(resolved).toBe(0);
    await Promise.all(writes);
    expect(store.appendCommits - before).toBe(1);
    for (const r of records) expect((await store.events(r.id)).map((e) => e.seq)).toEqual([1, 2]);
    await store.append(records[0]!.id, events(3, 1, 1), SUMMARY);
    expect(store.appendCommits - before).toBe(2);

    // commitPending (a room about to send a patch) commits what is queued before it returns: another
    // connection to the file sees it at once.
    const path0 = join(mkdtempSync(join(tmpdir(), "hc-store-")), "sessions.sqlite");
    const writer = new SqliteSessionStore(path0);
    await writer.init();
    const one = newRecord();
    await writer.create(one, SUMMARY);
    const reader = new DatabaseSync(path0);
    const count = () => (reader.prepare("SELECT COUNT(*) AS n FROM session_events WHERE session_id = ?").get(one.id) as { n: number }).n;
    const pending = writer.append(one.id, events(1, 1, one.createdAt), SUMMARY);
    const later = writer.append(one.id, events(2, 1, one.createdAt), SUMMARY);
    expect(count()).toBe(0);
    writer.commitPending();
    expect(count()).toBe(2);
    await Promise.all([pending, later]);
    reader.close();
    await writer.close();

    // Queued, then the store closes in the same turn: the append is committed, not dropped.
    const path = join(mkdtempSync(join(tmpdir(), "hc-store-")), "sessions.sqlite");
    const closing = new SqliteSessionStore(path);
    await closing.init();
    const record = newRecord();
    await closing.create(record, SUMMARY);
    const queued = closing.append(record.id, events(1, 1, record.createdAt), SUMMARY);
    await closing.close();
    await queued;
    const reopened = new SqliteSessionStore(path);
    expect((await reopened.events(record.id)).map((e) => e.seq)).toEqual([1]);
    await reopened.close();
    await store.close();
  });
});

describe("SQLite session store: a flood of appends in one turn", () => {
  it(`commits every ${MAX_APPENDS_PER_COMMIT} queued appends at once, without waiting for the turn to end, and the rest at its end`, async () => {
    const store = new SqliteSessionStore(join(mkdtempSync(join(tmpdir(), "hc-store-")), "sessions.sqlite"));
    await store.init();
    const record = newRecord();
    await store.create(record, SUMMARY);
    const before = store.appendCommits;
    let resolved = 0;
    const count = MAX_APPENDS_PER_COMMIT * 2 + 3;
    const writes = Array.from({ length: count }, (_, i) => store.append(record.id, events(i + 1, 1, record.createdAt), SUMMARY).then(() => (resolved += 1)));
    // Still in the turn that queued them: two full batches are already on disk, the last 3 wait.
    expect(store.appendCommits - before).toBe(2);
    await Promise.resolve();
    expect(resolved).toBe(MAX_APPENDS_PER_COMMIT * 2);
    await Promise.all(writes);
    expect(store.appendCommits - before).toBe(3);
    expect((await store.events(record.id)).map((e) => e.seq)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    await store.close();
  });
});

describe("SQLite session store: summary writes", () => {
  it("rewrites a session's row only when its summary changed, and never trusts a summary that was rolled back", async () => {
    const store = new SqliteSessionStore(join(mkdtempSync(join(tmpdir(), "hc-store-")), "sessions.sqlite"));
    await store.init();
    const record = newRecord();
    await store.create(record, SUMMARY);
    const propose = { ...SUMMARY, phase: "propose" as const, round: 1 };
    await store.append(record.id, events(1, 1, record.createdAt + 10), propose);
    expect((await store.get(record.id))?.aliveAt).toBe(record.createdAt + 10);
    // Student actions in the same phase: journaled, the row (and its heartbeat time) left alone.
    await store.append(record.id, events(2, 1, record.createdAt + 20), propose);
    expect((await store.events(record.id)).map((e) => e.seq)).toEqual([1, 2]);
    expect((await store.get(record.id))?.aliveAt).toBe(record.createdAt + 10);
    // A failed append's summary is rolled back, so the next append with that summary writes it.
    const debate = { ...propose, phase: "debate" as const };
    await expect(store.append(record.id, events(1, 1, record.createdAt + 30), debate)).rejects.toThrow();
    expect((await store.get(record.id))?.summary.phase).toBe("propose");
    await store.append(record.id, events(3, 1, record.createdAt + 40), debate);
    expect(await store.get(record.id)).toMatchObject({ summary: debate, aliveAt: record.createdAt + 40 });
    await store.close();
  });
});

describe("SQLite session store: a database written before session_documents", () => {
  it("moves each session's scenario and report into their own table, once, and keeps every session readable", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "hc-store-")), "sessions.sqlite");
    const legacy = new DatabaseSync(path);
    for (const sql of LEGACY_DATABASE_SQL) legacy.exec(sql);
    legacy.close();
    await expectLegacyDatabaseMoved(new SqliteSessionStore(path));
    const db = new DatabaseSync(path);
    const columns = (db.prepare("SELECT name FROM pragma_table_info('sessions')").all() as { name: string }[]).map((c) => c.name);
    db.close();
    expect(columns).not.toContain("scenario_json");
    expect(columns).not.toContain("report_json");
  });
});

const pgBin = findPostgresBin();
if (!pgBin) {
  describe("PostgreSQL session store", () => {
    it.skip("skipped: no PostgreSQL binaries (initdb, pg_ctl) on PATH or under /usr/lib/postgresql/*/bin; install Debian's postgresql to run it", () => undefined);
  });
} else {
  let cluster: PostgresCluster | null = null;
  afterAll(() => cluster?.stop());
  storageSuite("PostgreSQL session store", async () => {
    cluster = await startPostgresCluster();
    if (!cluster) throw new Error("PostgreSQL binaries were found but the cluster did not start");
    return new PostgresSessionStore(cluster.url);
  });
  describe("PostgreSQL session store: a database written before session_documents", () => {
    it("moves each session's scenario and report into their own table, once, and keeps every session readable", async () => {
      if (!cluster) throw new Error("the PostgreSQL suite above starts the cluster");
      const admin = new pg.Client({ connectionString: cluster.url });
      await admin.connect();
      await admin.query("CREATE DATABASE legacy_documents");
      await admin.end();
      const url = cluster.url.replace(/\/postgres$/, "/legacy_documents");
      const legacy = new pg.Client({ connectionString: url });
      await legacy.connect();
      for (const sql of LEGACY_DATABASE_SQL) await legacy.query(sql);
      await legacy.end();
      await expectLegacyDatabaseMoved(new PostgresSessionStore(url));
    });
  });
}

// Retention: ended sessions older than RETENTION_DAYS are purged when the server starts (and
// daily); live sessions and recent ones stay.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { SessionRecords } from "../../server/record/SessionRecords.ts";
import type { NewSessionRecord, SessionSummary } from "../../server/storage/SessionStore.ts";
import { SqliteSessionStore } from "../../server/storage/sqliteSessionStore.ts";

const DAY = 24 * 60 * 60 * 1000;
const SUMMARY: SessionSummary = { phase: "ended", round: 2, totalRounds: 2, students: 3, roundsPlayed: 2 };

function record(id: string, createdAt: number): NewSessionRecord {
  return { id, code: "ABCDE", hostKey: `key-${id}`, scenarioId: "s", scenarioVersion: 1, scenarioTitle: "S", scenarioJson: "{}", optionsJson: "{}", language: "en", createdAt };
}

describe("retention", () => {
  it("purges sessions that ended more than RETENTION_DAYS ago at start, and keeps recent and live ones", async () => {
    const store = new SqliteSessionStore(join(mkdtempSync(join(tmpdir(), "hc-retention-")), "sessions.sqlite"));
    await store.init();
    const now = Date.now();
    await store.create(record("old", now - 40 * DAY), SUMMARY);
    await store.markEnded("old", now - 31 * DAY);
    await store.create(record("recent", now - 40 * DAY), SUMMARY);
    await store.markEnded("recent", now - 29 * DAY);
    await store.create(record("live", now - 400 * DAY), { ...SUMMARY, phase: "vote" });

    const records = new SessionRecords({ store, retentionDays: 30, log: pino({ level: "silent" }) });
    await records.start();
    expect(await store.get("old")).toBeNull();
    expect(await store.get("recent")).not.toBeNull();
    expect(await store.get("live")).not.toBeNull();
    // A day later the daily purge takes the next one.
    expect(await records.purge(now + 2 * DAY)).toBe(1);
    expect(await store.get("recent")).toBeNull();
    await records.stop();
  });
});

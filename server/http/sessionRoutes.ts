// The session-record API for teachers: the report (JSON and CSV), deleting a record, and the
// lookup behind /host/sessions. Everything is authorised by the session's host key, which only
// the host's browser holds; see server/http/README.md for the shapes.
import { createHash, timingSafeEqual } from "node:crypto";
import express from "express";
import { JoinCodeSchema } from "../../shared/protocol/options.ts";
import {
  RECORD_ERRORS,
  SessionLookupRequestSchema,
  type RecordError,
  type RecordErrorCode,
  type SessionListing,
  type SessionLookupResponse,
} from "../../shared/report/sessionListSchema.ts";
import type { SessionRecords } from "../record/SessionRecords.ts";
import { CSV_SHEETS, toCsv, type CsvSheet } from "../report/reportCsv.ts";
import type { SessionRecord } from "../storage/SessionStore.ts";

/** A lookup of 100 sessions is about 8 KB. */
export const LOOKUP_BODY_LIMIT = "16kb";

const STATUS: Record<RecordErrorCode, number> = {
  "auth/no-host-key": 401,
  "auth/bad-host-key": 401,
  "record/unknown-session": 404,
  "record/live": 409,
  "record/invalid-request": 400,
  "record/unavailable": 500,
};

function fail(res: express.Response, code: RecordErrorCode, details?: string): void {
  const body: RecordError = { code, message: RECORD_ERRORS[code], ...(details ? { details } : {}) };
  res.status(STATUS[code]).set("Cache-Control", "no-store").json(body);
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

/** Constant-time comparison (hashes first, so lengths never leak). */
export function isHostKey(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}

function getBearer(req: express.Request): string | null {
  const header = req.get("authorization");
  if (!header?.startsWith("Bearer ")) return null;
  const key = header.slice("Bearer ".length).trim();
  return key.length > 0 && key.length <= 100 ? key : null;
}

function toListing(record: SessionRecord): SessionListing {
  return {
    code: record.code,
    createdAt: new Date(record.createdAt).toISOString(),
    endedAt: record.endedAt === null ? null : new Date(record.endedAt).toISOString(),
    status: record.endedAt === null ? "live" : "ended",
    scenario: { id: record.scenarioId, title: record.scenarioTitle, version: record.scenarioVersion },
    language: record.language === "es" ? "es" : "en",
    phase: record.summary.phase,
    roundsPlayed: record.summary.roundsPlayed,
    totalRounds: record.summary.totalRounds,
    students: record.summary.students,
  };
}

function isCsvSheet(value: unknown): value is CsvSheet {
  return typeof value === "string" && (CSV_SHEETS as readonly string[]).includes(value);
}

export function createSessionRouter(options: { records: SessionRecords }): express.Router {
  const { records } = options;
  const router = express.Router();

  /** The record a request may read: 401 without a key, 404 for an unknown code, 401 for a wrong key. */
  async function authorise(req: express.Request, res: express.Response): Promise<SessionRecord | null> {
    const key = getBearer(req);
    if (!key) {
      fail(res, "auth/no-host-key");
      return null;
    }
    const code = JoinCodeSchema.safeParse(req.params.code);
    const found = code.success ? await records.store.findByCode(code.data) : [];
    if (found.length === 0) {
      fail(res, "record/unknown-session");
      return null;
    }
    const record = found.find((r) => isHostKey(key, r.hostKey));
    if (!record) {
      fail(res, "auth/bad-host-key");
      return null;
    }
    // A live session's latest writes are in the store before it is read back.
    await records.findLive(record.id)?.flush();
    return record;
  }

  const handle =
    (work: (req: express.Request, res: express.Response) => Promise<void>): express.RequestHandler =>
    (req, res) => {
      work(req, res).catch((error: unknown) => {
        records.log.error({ err: error, path: req.path }, "session record request failed");
        if (!res.headersSent) fail(res, "record/unavailable");
      });
    };

  router.post(
    "/lookup",
    express.json({ limit: LOOKUP_BODY_LIMIT }),
    handle(async (req, res) => {
      const parsed = SessionLookupRequestSchema.safeParse(req.body);
      if (!parsed.success) {
        fail(res, "record/invalid-request", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ").slice(0, 300));
        return;
      }
      const out: SessionLookupResponse = { sessions: [] };
      for (const { code, hostKey } of parsed.data.sessions) {
        const record = (await records.store.findByCode(code)).find((r) => isHostKey(hostKey, r.hostKey));
        if (record) out.sessions.push(toListing(record));
      }
      out.sessions.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      res.set("Cache-Control", "no-store").json(out);
    }),
  );

  router.get(
    "/:code/report.json",
    handle(async (req, res) => {
      const record = await authorise(req, res);
      if (!record) return;
      res.set("Cache-Control", "no-store").json(await records.getReport(record));
    }),
  );

  router.get(
    "/:code/report.csv",
    handle(async (req, res) => {
      const sheet = req.query.sheet ?? "students";
      if (!isCsvSheet(sheet)) {
        fail(res, "record/invalid-request", `sheet must be one of: ${CSV_SHEETS.join(", ")}`);
        return;
      }
      const record = await authorise(req, res);
      if (!record) return;
      const report = await records.getReport(record);
      const day = new Date(record.createdAt).toISOString().slice(0, 10);
      res
        .set("Cache-Control", "no-store")
        .set("Content-Type", "text/csv; charset=utf-8")
        .set("Content-Disposition", `attachment; filename="hidden-costs-${record.code}-${day}-${sheet}.csv"`)
        .send(toCsv(report, sheet));
    }),
  );

  router.delete(
    "/:code",
    handle(async (req, res) => {
      const record = await authorise(req, res);
      if (!record) return;
      if (record.endedAt === null) {
        fail(res, "record/live");
        return;
      }
      await records.store.delete(record.id);
      res.status(204).end();
    }),
  );

  return router;
}

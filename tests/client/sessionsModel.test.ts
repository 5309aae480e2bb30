// The teacher's sessions list and the record pages' routes: keys joined with the server's answer, newest first, unknown keys kept to forget.
import { describe, expect, it } from "vitest";
import type { SessionListing } from "../../shared/report/sessionListSchema.ts";
import { getRoute } from "../../client/router.ts";
import { failureOf } from "../../client/views/report/reportApi.ts";
import { getSessionRows } from "../../client/views/sessions/sessionsModel.ts";

const session = (code: string, createdAt: string, status: "live" | "ended"): SessionListing => ({
  code,
  createdAt,
  endedAt: status === "live" ? null : createdAt,
  status,
  scenario: { id: "mexico-2006", title: "Mexico", version: 1 },
  language: "en",
  phase: status === "live" ? "vote" : "ended",
  roundsPlayed: 1,
  totalRounds: 6,
  students: 12,
});

describe("sessions list", () => {
  it("lists known sessions newest first, offers reopening only live ones, and keeps keys the server lacks at the end", () => {
    const held = [
      { code: "AAAAA", hostKey: "k1" },
      { code: "BBBBB", hostKey: "k2" },
      { code: "CCCCC", hostKey: "k3" },
    ];
    const rows = getSessionRows(held, [session("AAAAA", "2026-11-01T10:00:00.000Z", "ended"), session("CCCCC", "2026-11-20T10:00:00.000Z", "live")]);
    expect(rows.map((r) => [r.code, r.kind])).toEqual([
      ["CCCCC", "known"],
      ["AAAAA", "known"],
      ["BBBBB", "unknown"],
    ]);
    expect(rows.map((r) => r.kind === "known" && r.canReopen)).toEqual([true, false, false]);
    // A session the server found but this browser holds no key for is never listed.
    expect(getSessionRows([], [session("AAAAA", "2026-11-01T10:00:00.000Z", "ended")])).toEqual([]);
  });
});

describe("routes of the record pages", () => {
  it("maps /host/sessions, /report/<code> and /watch/<code>, upper-casing codes", () => {
    expect(getRoute(new URL("http://x/host/sessions"))).toEqual({ view: "sessions" });
    expect(getRoute(new URL("http://x/report/abcde"))).toEqual({ view: "report", code: "ABCDE" });
    expect(getRoute(new URL("http://x/watch/abcde"))).toEqual({ view: "watch", code: "ABCDE" });
    expect(getRoute(new URL("http://x/host/abcde"))).toEqual({ view: "host", code: "ABCDE" });
    expect(getRoute(new URL("http://x/report"))).toEqual({ view: "notFound" });
  });
});

describe("record failures", () => {
  it("tells a missing or wrong key, no record, and a server that could not read the record apart by status", () => {
    expect([401, 403, 404, 409, 400, 500, 503].map(failureOf)).toEqual(["unauthorized", "unauthorized", "not-found", "invalid", "invalid", "unavailable", "unavailable"]);
  });
});

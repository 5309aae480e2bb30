// The teacher's sessions list and the record pages' routes: keys joined with the server's answer, newest first, unknown keys kept to forget.
import { describe, expect, it } from "vitest";
import { getRoute } from "../../client/router.ts";
import { LookupReplySchema } from "../../client/views/sessions/sessionsApi.ts";
import { getSessionRows } from "../../client/views/sessions/sessionsModel.ts";

const session = (code: string, createdAt: string, status: "live" | "ended") => ({ code, scenarioTitle: "Mexico", createdAt, endedAt: null, status, phase: status === "live" ? "vote" : "ended", roundsPlayed: 1, totalRounds: 6, students: 12 });

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

  it("reads the lookup's times as ISO text or epoch milliseconds and refuses a malformed answer", () => {
    const parsed = LookupReplySchema.parse({ sessions: [{ ...session("AAAAA", "2026-11-01T10:00:00.000Z", "ended"), createdAt: Date.UTC(2026, 10, 1, 10), endedAt: "2026-11-01T10:45:00.000Z", extra: 1 }] });
    expect(parsed.sessions[0]!.createdAt).toBe("2026-11-01T10:00:00.000Z");
    expect(LookupReplySchema.safeParse({ sessions: [{ code: "AAAAA" }] }).success).toBe(false);
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

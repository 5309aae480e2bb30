// The sessions list's rows: every key this browser holds joined with what the server knows, newest first, unknown ones last (pure, unit-tested).
import type { HeldHostKey } from "../../net/hostKeys.ts";
import type { LookedUpSession } from "./sessionsApi.ts";

export type SessionRow =
  | { kind: "known"; code: string; hostKey: string; session: LookedUpSession; canReopen: boolean }
  /** A key whose session the server has no record of (deleted elsewhere, past retention, or another server). */
  | { kind: "unknown"; code: string; hostKey: string };

export function getSessionRows(held: readonly HeldHostKey[], found: readonly LookedUpSession[]): SessionRow[] {
  const byCode = new Map(found.map((s) => [s.code, s]));
  const known: SessionRow[] = [];
  const unknown: SessionRow[] = [];
  for (const key of held) {
    const session = byCode.get(key.code);
    if (session) known.push({ kind: "known", code: key.code, hostKey: key.hostKey, session, canReopen: session.status === "live" });
    else unknown.push({ kind: "unknown", code: key.code, hostKey: key.hostKey });
  }
  known.sort((a, b) => (a.kind === "known" && b.kind === "known" ? b.session.createdAt.localeCompare(a.session.createdAt) : 0));
  return [...known, ...unknown];
}

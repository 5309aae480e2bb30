// The server's answers about the sessions this browser hosted: a lookup by code and host key, and deleting a session's record.
import { z } from "zod";
import type { HeldHostKey } from "../../net/hostKeys.ts";
import type { RecordResult } from "../report/reportApi.ts";

/** A time as the server sends it: ISO text or epoch milliseconds. */
const TimeSchema = z.union([z.iso.datetime(), z.number().int().nonnegative()]).transform((v) => new Date(v).toISOString());

/** One session the lookup found (extra fields are ignored, so the server may add more). */
export const LookedUpSessionSchema = z.object({
  code: z.string().min(1),
  scenarioTitle: z.string(),
  createdAt: TimeSchema,
  endedAt: TimeSchema.nullable(),
  status: z.enum(["live", "ended"]),
  phase: z.string(),
  roundsPlayed: z.number().int().nonnegative(),
  totalRounds: z.number().int().nonnegative(),
  students: z.number().int().nonnegative(),
});
export type LookedUpSession = z.infer<typeof LookedUpSessionSchema>;

export const LookupReplySchema = z.object({ sessions: z.array(LookedUpSessionSchema) });

/** Asks which of these sessions the server has a record of; those it lacks (deleted, expired, wrong key) are left out of the answer. */
export async function lookupSessions(held: readonly HeldHostKey[]): Promise<RecordResult<LookedUpSession[]>> {
  if (held.length === 0) return { ok: true, value: [] };
  let res: Response;
  try {
    res = await fetch("/api/sessions/lookup", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ sessions: held.map((k) => ({ code: k.code, hostKey: k.hostKey })) }),
      cache: "no-store",
    });
  } catch {
    return { ok: false, failure: "network" };
  }
  if (!res.ok) return { ok: false, failure: res.status === 404 ? "not-found" : "invalid" };
  const parsed = LookupReplySchema.safeParse(await res.json().catch(() => null));
  return parsed.success ? { ok: true, value: parsed.data.sessions } : { ok: false, failure: "invalid" };
}

/** Deletes the session's record on the server (the host key authorises it); a record already gone counts as deleted. */
export async function deleteSession(code: string, hostKey: string): Promise<RecordResult<true>> {
  let res: Response;
  try {
    res = await fetch(`/api/sessions/${encodeURIComponent(code)}`, { method: "DELETE", headers: { Authorization: `Bearer ${hostKey}` }, cache: "no-store" });
  } catch {
    return { ok: false, failure: "network" };
  }
  if (res.ok || res.status === 404) return { ok: true, value: true };
  return { ok: false, failure: res.status === 401 || res.status === 403 ? "unauthorized" : "invalid" };
}

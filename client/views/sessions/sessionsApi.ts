// The server's answers about the sessions this browser hosted: a lookup by code and host key, and deleting a session's record.
import type { SessionListing } from "../../../shared/report/sessionListSchema.ts";
import { LOOKUP_MAX_SESSIONS, SessionLookupRequestSchema, SessionLookupResponseSchema } from "../../../shared/report/sessionListSchema.ts";
import type { HeldHostKey } from "../../net/hostKeys.ts";
import type { RecordResult } from "../report/reportApi.ts";
import { failureOf } from "../report/reportApi.ts";

export type LookedUpSession = SessionListing;

async function lookupBatch(held: readonly HeldHostKey[]): Promise<RecordResult<SessionListing[]>> {
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
  if (!res.ok) return { ok: false, failure: failureOf(res.status) };
  const parsed = SessionLookupResponseSchema.safeParse(await res.json().catch(() => null));
  return parsed.success ? { ok: true, value: parsed.data.sessions } : { ok: false, failure: "invalid" };
}

/** Asks which of these sessions the server has a record of; those it lacks (deleted, expired, wrong key) are left out of the answer. */
export async function lookupSessions(held: readonly HeldHostKey[]): Promise<RecordResult<SessionListing[]>> {
  // A malformed entry in storage would make the server refuse the whole request: only well-formed keys are asked about.
  const valid = held.filter((k) => SessionLookupRequestSchema.safeParse({ sessions: [k] }).success);
  const found: SessionListing[] = [];
  for (let i = 0; i < valid.length; i += LOOKUP_MAX_SESSIONS) {
    const result = await lookupBatch(valid.slice(i, i + LOOKUP_MAX_SESSIONS));
    if (!result.ok) return result;
    found.push(...result.value);
  }
  return { ok: true, value: found };
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
  return { ok: false, failure: failureOf(res.status) };
}

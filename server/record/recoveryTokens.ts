// Hands a record to be restored from the startup code to the room's onCreate: the create options
// carry only a random one-time token, so no client can ask a room to restore anything.
import { randomBytes } from "node:crypto";
import type { JournalEvent, SessionRecord } from "../storage/SessionStore.ts";

export const RECOVERY_OPTION = "__recoverSession";

export interface PendingRecovery {
  record: SessionRecord;
  events: JournalEvent[];
}

const pending = new Map<string, PendingRecovery>();

export function registerRecovery(recovery: PendingRecovery): Record<typeof RECOVERY_OPTION, string> {
  const token = randomBytes(18).toString("base64url");
  pending.set(token, recovery);
  return { [RECOVERY_OPTION]: token };
}

/** The recovery these create options ask for, or null (the token is single-use). */
export function takeRecovery(rawOptions: unknown): PendingRecovery | null {
  if (typeof rawOptions !== "object" || rawOptions === null || !(RECOVERY_OPTION in rawOptions)) return null;
  const token = (rawOptions as Record<string, unknown>)[RECOVERY_OPTION];
  if (typeof token !== "string") return null;
  const recovery = pending.get(token) ?? null;
  pending.delete(token);
  return recovery;
}

export function forgetRecovery(options: Record<typeof RECOVERY_OPTION, string>): void {
  pending.delete(options[RECOVERY_OPTION]);
}

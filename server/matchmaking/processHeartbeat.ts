// Liveness of the processes sharing sessions through Redis: each process refreshes a short-lived
// key every half second, so a join for a session held by a killed process is answered at once with
// `join/session-unavailable` instead of waiting for Colyseus's IPC timeout and health check.
import { matchMaker, type Presence } from "@colyseus/core";

const ALIVE_KEY = "hidden-costs:alive:";
const TTL_SECONDS = 2;
const BEAT_MS = 500;

let timer: ReturnType<typeof setInterval> | null = null;
let enabled = false;

/** Starts this process's heartbeat (only with a shared presence; one process needs none). */
export function startProcessHeartbeat(presence: Presence, processId: string): void {
  stopProcessHeartbeat();
  enabled = true;
  const beat = () => void presence.setex(`${ALIVE_KEY}${processId}`, "1", TTL_SECONDS);
  beat();
  timer = setInterval(beat, BEAT_MS);
  timer.unref();
}

export function stopProcessHeartbeat(): void {
  if (timer) clearInterval(timer);
  timer = null;
  enabled = false;
}

/** This process is always alive; another one is alive while its key has not expired. */
export async function isProcessAlive(processId: string): Promise<boolean> {
  if (!enabled || processId === matchMaker.processId) return true;
  return await matchMaker.presence.exists(`${ALIVE_KEY}${processId}`);
}

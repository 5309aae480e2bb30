// The synced state as JSON without what depends on who is connected right now or on the clock,
// to compare a live room with its replay.
import type { SessionState } from "../../server/state/SessionState.ts";

export function comparable(state: SessionState): Record<string, unknown> {
  const json = state.toJSON() as Record<string, unknown>;
  const players = json.players as Record<string, Record<string, unknown>>;
  for (const p of Object.values(players)) delete p.connected;
  for (const key of ["hostConnected", "spectators", "connectedCount", "endsAt", "pausedRemainingMs"]) delete json[key];
  return json;
}

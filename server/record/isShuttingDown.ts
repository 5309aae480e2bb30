// Whether this process is shutting down (SIGTERM, Ctrl+C): rooms then close without their
// sessions being over, so their records stay live and are restored at the next start.
import { matchMaker } from "@colyseus/core";

export function isShuttingDown(): boolean {
  return matchMaker.state === matchMaker.MatchMakerState.SHUTTING_DOWN;
}

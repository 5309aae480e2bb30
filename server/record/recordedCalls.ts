// The Session and phase-engine methods whose accepted calls make up a session's journal: every
// change to the board, the seats and the private choices goes through one of them, so replaying
// them in order (with the recorded phase changes) rebuilds the session.
import type { Session } from "../session/Session.ts";

export const SESSION_CALLS = [
  "seatStudent",
  "addBots",
  "removeBots",
  "kick",
  "reassignRole",
  "propose",
  "endorse",
  "vote",
  "start",
  "spotlight",
  "hideArgument",
  "end",
] as const satisfies readonly (keyof Session)[];

export const ENGINE_CALLS = ["advance", "pause", "resume", "extend", "skip"] as const satisfies readonly (keyof Session["engine"])[];

export type SessionCall = (typeof SESSION_CALLS)[number];
export type EngineCall = (typeof ENGINE_CALLS)[number];

/** Host timer commands: after a restart the session holds early phase ends until the host gives one. */
export const HOST_TIMER_CALLS: ReadonlySet<string> = new Set<EngineCall>(["advance", "resume", "skip"]);

export function isSessionCall(method: string): method is SessionCall {
  return (SESSION_CALLS as readonly string[]).includes(method);
}

export function isEngineCall(method: string): method is EngineCall {
  return (ENGINE_CALLS as readonly string[]).includes(method);
}

/** True for a refusal value (Session and engine methods answer refusals, they never throw them). */
export function isRefusalResult(value: unknown): boolean {
  return typeof value === "object" && value !== null && "code" in value && "message" in value && !("ok" in value);
}

// Refusals: every way the server can say no, as a stable namespaced code with an English message.
// Clients localise by code; the message is a fallback and for logs.

export const REFUSALS = {
  "request/invalid-payload": "The request was malformed.",
  "request/unknown-type": "Unknown request type.",
  "request/rate-limited": "Too many requests; slow down.",
  "request/undecodable": "The message could not be decoded.",
  "request/too-large": "The request body is larger than the server accepts.",
  "request/length-required": "The request must state its body's length.",
  "auth/not-host": "Only the host can do that.",
  "auth/not-student": "Only a seated student can do that.",
  "auth/bad-host-key": "That host key is not valid for this session.",
  "phase/not-open": "That is not possible in the current phase.",
  "phase/not-timed": "The current phase has no running timer.",
  "phase/already-paused": "The timer is already paused.",
  "phase/not-paused": "The timer is not paused.",
  "session/ended": "The session has ended.",
  "session/no-players": "At least one student or bot must be seated to start.",
  "session/full": "Every seat is taken.",
  "propose/unknown-policy": "No such policy in this scenario.",
  "propose/unknown-figure": "No such figure in this scenario.",
  "propose/argument-too-long": "The argument is longer than this scenario allows.",
  "debate/unknown-argument": "No such argument.",
  "debate/own-argument": "You cannot endorse your own argument.",
  "debate/already-endorsed": "You already endorsed that argument.",
  "debate/no-endorsements-left": "You have used all your endorsements.",
  "vote/wrong-mode": "This session uses the other vote mode.",
  "vote/unknown-policy": "No such policy in this scenario.",
  "vote/over-budget": "Your points add up to more than the budget.",
  "vote/under-budget": "Your points add up to less than the budget.",
  "host/unknown-player": "No such player.",
  "host/unknown-role": "No such role in this scenario.",
  "host/unknown-argument": "No such argument.",
  "host/not-a-bot": "That player is not a bot.",
  "host/too-many-bots": "Too many bots in one request; add them in smaller groups.",
  "join/invalid-options": "The join options are malformed.",
  "join/unknown-code": "No live session has that code.",
  "join/session-ended": "That session has ended.",
  "join/session-full": "That session is full.",
  "join/spectators-full": "That session has as many spectator screens as it allows.",
  "join/session-unavailable": "That session's server is not reachable right now; ask your teacher.",
  "join/nickname-invisible": "A nickname needs visible letters or digits.",
  "join/nickname-reserved": "That nickname is kept for staff; choose another.",
  "join/nickname-taken": "That nickname is taken in this session.",
  "join/blocked": "This device or nickname was removed from the session by the host.",
  "join/rate-limited": "Too many join attempts from this address; wait a minute.",
  "create/invalid-options": "The session options are invalid.",
  "create/unknown-scenario": "No such scenario on this server.",
  "create/rate-limited": "Too many sessions created from this address; wait a minute.",
  "internal/error": "Something went wrong on the server; nothing was changed.",
} as const;

export type RefusalCode = keyof typeof REFUSALS;

/** What a refused request rejects with (`err.reason` on the SDK's rejected `room.request`). */
export interface Refusal {
  code: RefusalCode;
  message: string;
  /** A free nickname close to the one asked for (join/nickname-taken only). */
  suggestion?: string;
  /** Details, e.g. zod issues of a malformed payload. */
  details?: string;
}

export function refusal(code: RefusalCode, extra: Omit<Partial<Refusal>, "code"> = {}): Refusal {
  return { code, message: REFUSALS[code], ...extra };
}

/**
 * Numeric codes the matchmaker carries for join/create refusals (the SDK's MatchMakeError.code);
 * the error's message is the JSON of a Refusal. Colyseus's own 522 means "unknown or locked code".
 */
export const JOIN_ERROR_STATUS = 4400;
/** HTTP status of create refusals (they travel on the matchmaking HTTP response). */
export const CREATE_ERROR_STATUS = 400;
export const JOIN_RATE_LIMIT_STATUS = 429;
export const ROOM_NOT_FOUND_STATUS = 522;
/** HTTP statuses of join refusals decided on the matchmaking request itself (the JSON body still carries the Refusal). */
export const SESSION_FULL_STATUS = 409;
export const SESSION_UNAVAILABLE_STATUS = 503;
/** HTTP status of a body over the size limit (matchmaking: 16 KB). */
export const BODY_TOO_LARGE_STATUS = 413;

/** Turns an SDK join/create error into a Refusal (clients call this in their join form). */
export function parseJoinError(error: unknown): Refusal {
  const e = error as { code?: unknown; message?: unknown };
  if (typeof e?.message === "string") {
    try {
      const parsed = JSON.parse(e.message) as Partial<Refusal>;
      if (typeof parsed.code === "string" && parsed.code in REFUSALS) return parsed as Refusal;
    } catch {
      // not one of ours: fall through to the matchmaker's own codes
    }
  }
  if (e?.code === ROOM_NOT_FOUND_STATUS) return refusal("join/unknown-code");
  if (e?.code === BODY_TOO_LARGE_STATUS) return refusal("request/too-large");
  return refusal("internal/error", { details: typeof e?.message === "string" ? e.message : String(error) });
}

/** Close code sent to a kicked student's connection. */
export const KICKED_CLOSE_CODE = 4403;
/** Close code sent to a connection replaced by a newer one for the same seat (host key or device token). */
export const HOST_REPLACED_CLOSE_CODE = 4409;
/** Close code when the host ends the session and the room closes. */
export const SESSION_CLOSED_CLOSE_CODE = 4000;

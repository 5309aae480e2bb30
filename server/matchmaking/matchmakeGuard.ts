// The matchmaker's HTTP entry point, guarded: only the methods the product uses, per-address
// limits on failed joins and on creations, a secret that marks the creator's own join, and typed
// refusals for full rooms and for rooms whose process is gone. It wraps the controller Colyseus
// documents for customising matchmaking requests.
import { randomBytes } from "node:crypto";
import { ServerError, matchMaker } from "@colyseus/core";
import {
  CREATE_ERROR_STATUS,
  JOIN_RATE_LIMIT_STATUS,
  ROOM_NOT_FOUND_STATUS,
  SESSION_FULL_STATUS,
  SESSION_UNAVAILABLE_STATUS,
  refusal,
  type Refusal,
} from "../../shared/protocol/refusals.ts";
import { isJoinCodeReserved } from "../joinCodes.ts";
import type { Logger } from "../log/logger.ts";
import type { AddressLimits } from "./addressLimits.ts";
import { isProcessAlive } from "./processHeartbeat.ts";

/**
 * Create options carry this server-generated secret to the new room (onCreate) and to the
 * creator's own seat reservation (onJoin): only that join becomes the host. Clients never see
 * it, so a stranger's `joinById` cannot claim a host-less room.
 */
export const CREATOR_SECRET_OPTION = "__creatorSecret";

const MATCHMAKE_STATUS_UNHANDLED = 523;

/** Matchmaking refusals travel as HTTP responses: the status must be a real HTTP status (4400 would become a 500). */
function fail(status: number, r: Refusal): ServerError {
  return new ServerError(status, JSON.stringify(r));
}

type InvokeMethod = typeof matchMaker.controller.invokeMethod;
let original: InvokeMethod | null = null;

/** Installs the guard (idempotent: the latest limits win, as tests boot several servers). */
export function installMatchmakeGuard(limits: AddressLimits, log: Logger): void {
  original ??= matchMaker.controller.invokeMethod;
  const invoke = original;
  matchMaker.controller.invokeMethod = async function (method, roomName, clientOptions = {}, authOptions) {
    const address = authOptions?.ip ?? "unknown";
    if (method === "reconnect") return invoke.call(this, method, roomName, clientOptions, authOptions);
    if (method === "create") {
      if (!(await limits.tryCreate(address))) {
        log.warn({ address }, "session creation refused: per-address limit");
        throw fail(JOIN_RATE_LIMIT_STATUS, refusal("create/rate-limited"));
      }
      const options = { ...(clientOptions as Record<string, unknown>), [CREATOR_SECRET_OPTION]: randomBytes(18).toString("base64url") };
      return invoke.call(this, method, roomName, options, authOptions);
    }
    if (method !== "joinById") {
      // join / joinOrCreate would match or create sessions without a code: not part of the protocol.
      throw fail(CREATE_ERROR_STATUS, refusal("join/invalid-options", { details: `use create or joinById, not ${method}` }));
    }
    if (await limits.isJoinBlocked(address)) throw fail(JOIN_RATE_LIMIT_STATUS, refusal("join/rate-limited"));
    const code = roomName.trim().toUpperCase();
    const listing = await matchMaker.driver.findOne({ roomId: code });
    if (listing && !(await isProcessAlive(listing.processId))) throw fail(SESSION_UNAVAILABLE_STATUS, refusal("join/session-unavailable"));
    const options = { ...(clientOptions as Record<string, unknown>) };
    delete options[CREATOR_SECRET_OPTION];
    try {
      return await invoke.call(this, method, code, options, authOptions);
    } catch (error) {
      const e = error as { code?: unknown; message?: unknown };
      const message = typeof e.message === "string" ? e.message : "";
      if (e.code === ROOM_NOT_FOUND_STATUS && message.endsWith("is locked")) throw fail(SESSION_FULL_STATUS, refusal("join/session-full"));
      if (e.code === ROOM_NOT_FOUND_STATUS) {
        // A code still reserved but with no room behind it belonged to a process that died.
        if (await isJoinCodeReserved(matchMaker.presence, code)) throw fail(SESSION_UNAVAILABLE_STATUS, refusal("join/session-unavailable"));
        await limits.recordFailedJoin(address);
        throw fail(ROOM_NOT_FOUND_STATUS, refusal("join/unknown-code"));
      }
      if (e.code === MATCHMAKE_STATUS_UNHANDLED || e.code === undefined) {
        log.warn({ code, reason: message }, "join refused: session unavailable");
        throw fail(SESSION_UNAVAILABLE_STATUS, refusal("join/session-unavailable"));
      }
      throw error;
    }
  };
}

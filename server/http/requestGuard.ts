// The first thing every HTTP request and WebSocket upgrade meets, before Colyseus or express:
// it settles the client's address (socket peer, or forwarding headers from trusted proxies only)
// and refuses bodies over the size limits before a byte of them is read.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { refusal, type Refusal } from "../../shared/protocol/refusals.ts";
import { resolveClientAddress, type TrustProxy } from "./clientAddress.ts";

/** Matchmaking options are a few hundred bytes; 16 KB leaves room and stops a 100 MB body at once. */
export const MATCHMAKE_BODY_LIMIT_BYTES = 16 * 1024;
/**
 * Any other body. Above the editor's own 2 MB cap on purpose: the editor must check the
 * facilitator key first, so a keyless save of any size is answered 401, not 413.
 */
export const ANY_BODY_LIMIT_BYTES = 4 * 1024 * 1024;

const FORWARDING_HEADERS = ["x-forwarded-for", "x-real-ip", "x-client-ip"] as const;

/**
 * Rewrites the forwarding headers so that `x-real-ip` holds the resolved client address and the
 * others are gone: Colyseus builds `AuthContext.ip` from `x-real-ip` first, and express's
 * handlers read the same header, so every layer sees the one address this module decided.
 */
export function settleClientAddress(req: IncomingMessage, trust: TrustProxy): string {
  const forwarded = req.headers["x-forwarded-for"];
  const address = resolveClientAddress(req.socket.remoteAddress, Array.isArray(forwarded) ? forwarded.join(",") : forwarded, trust);
  for (const name of FORWARDING_HEADERS) delete req.headers[name];
  req.headers["x-real-ip"] = address;
  return address;
}

function bodyLimitFor(req: IncomingMessage): number {
  return (req.url ?? "").startsWith("/matchmake/") ? MATCHMAKE_BODY_LIMIT_BYTES : ANY_BODY_LIMIT_BYTES;
}

/** A refusal the body guard answers with, or null to let the request through. */
export function checkBody(req: IncomingMessage): { status: number; body: Refusal } | null {
  const method = req.method ?? "GET";
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return null;
  const limit = bodyLimitFor(req);
  const length = req.headers["content-length"];
  if (length === undefined) {
    // Without a length the size is known only after reading it all; browsers always send one.
    if (req.headers["transfer-encoding"] !== undefined) return { status: 411, body: refusal("request/length-required") };
    return null;
  }
  const bytes = Number(length);
  if (!Number.isFinite(bytes) || bytes < 0) return { status: 400, body: refusal("request/invalid-payload", { details: "bad content-length" }) };
  if (bytes > limit) return { status: 413, body: refusal("request/too-large", { details: `limit ${limit} bytes` }) };
  return null;
}

function answer(res: ServerResponse, status: number, body: Refusal): void {
  res.writeHead(status, { "content-type": "application/json", connection: "close", "access-control-allow-origin": "*" });
  res.end(JSON.stringify(body));
}

/**
 * Puts the guard in front of every listener of the server's `request` and `upgrade` events
 * (Colyseus and express register theirs later and some prepend, so wrapping `emit` is the one
 * place guaranteed to run first).
 */
export function installRequestGuard(server: Server, trust: TrustProxy): void {
  const emit = server.emit.bind(server) as (event: string | symbol, ...args: unknown[]) => boolean;
  server.emit = function guardedEmit(event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const [req, res] = args as [IncomingMessage, ServerResponse];
      settleClientAddress(req, trust);
      const refused = checkBody(req);
      if (refused) {
        answer(res, refused.status, refused.body);
        return true;
      }
    } else if (event === "upgrade") {
      const [req] = args as [IncomingMessage, Duplex];
      settleClientAddress(req, trust);
    }
    return emit(event, ...args);
  } as Server["emit"];
}

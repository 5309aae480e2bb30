// Keep-alive pings spread over the ping interval in small slices, instead of every socket in one loop turn.
//
// Why: @colyseus/ws-transport pings every socket in a single callback every `pingInterval` (3 s).
// With 10,000 students that one turn writes 10,000 frames, a stall of tens of milliseconds that every
// action arriving meanwhile waits out (measured at 12.8% of the server's CPU, all at once). Here each
// slice (`sliceMs`, 100 ms) pings its share of the sockets, so one pass still reaches every socket
// once per interval, and a socket that has not answered `maxRetries` pings is terminated as before.

/** A server-side socket as the transport keeps it: `pingCount` is reset to 0 by its pong handler. */
export interface PingedSocket {
  pingCount: number;
  ping(data?: unknown, mask?: boolean, cb?: (err?: Error) => void): void;
  terminate(): void;
}

export interface SpreadPingOptions {
  /** Every socket is pinged once per interval (ms). */
  intervalMs: number;
  /** Unanswered pings after which a socket is terminated. */
  maxRetries: number;
  /** How often a slice of the sockets is pinged (ms). */
  sliceMs?: number;
}

export const DEFAULT_PING_SLICE_MS = 100;

function noop(): void {}

/**
 * Starts the sliced ping loop over a live set of sockets (the WebSocket server's `clients`).
 * Returns the interval timer, which the caller clears when the server closes.
 */
export function startSpreadPings(clients: Set<PingedSocket>, options: SpreadPingOptions, now: () => number = Date.now): NodeJS.Timeout {
  const sliceMs = Math.max(1, Math.min(options.sliceMs ?? DEFAULT_PING_SLICE_MS, options.intervalMs));
  const slicesPerPass = Math.max(1, Math.round(options.intervalMs / sliceMs));
  // A socket's place in a pass moves when sockets before it close or others connect, so two of its
  // pings may be less than an interval apart: it is given up on only after `maxRetries` intervals of
  // silence since its first unanswered ping, never sooner than with Colyseus's own loop.
  const silentSince = new WeakMap<PingedSocket, number>();
  const silenceMs = options.maxRetries * options.intervalMs - sliceMs;
  // A Set's iterator is live: sockets that connect during a pass are reached in it, closed ones are skipped.
  let pass: Iterator<PingedSocket> = clients.values();
  let perSlice = 0;
  let slice = slicesPerPass;

  return setInterval(() => {
    if (slice >= slicesPerPass) {
      // A new pass every interval, sized from the sockets open now, so each is pinged once per interval.
      pass = clients.values();
      perSlice = Math.ceil(clients.size / slicesPerPass);
      slice = 0;
    }
    slice++;
    // Sockets that connected during a pass and were not reached in it are pinged in the next one.
    for (let n = 0; n < perSlice; n++) {
      const next = pass.next();
      if (next.done) break;
      const socket = next.value;
      const at = now();
      // pingCount 0: it answered every ping so far, so any silence starts with this one.
      if (socket.pingCount === 0 || !silentSince.has(socket)) silentSince.set(socket, at);
      else if (socket.pingCount >= options.maxRetries && at - silentSince.get(socket)! >= silenceMs) {
        socket.terminate();
        continue;
      }
      socket.pingCount++;
      socket.ping(undefined, undefined, noop);
    }
  }, sliceMs);
}

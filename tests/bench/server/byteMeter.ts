// Counts the WebSocket bytes a benchmark client receives, split by the game phase each frame
// brought the client into.
//
// How: the SDK opens its socket with `new globalThis.WebSocket(...)` (read once when the SDK module
// loads) and sets `ws.onmessage` once per socket. The load worker installs `CountingWebSocket` as
// the global before importing the SDK. It is the `ws` package's client (the SDK's own fallback in
// Node), not Node's built-in WebSocket: at 250 × 40 on the bare baseline room the built-in one cost
// the clients' core 27.9 µs per frame received and `ws` 20.7 µs, and that core is the benchmark's
// limit, not the server's. Its `onmessage` setter wraps the SDK's handler: the SDK
// decodes the frame first (state patches are applied synchronously inside it), then the frame is
// counted under the phase the client's state is in *after* the patch, so the patch that opens the
// reveal counts as "resolve". Frames that arrive before the SDK hands the room over (the join
// handshake and the first full state: joinById resolves after both) count as "join".
//
// What is counted: each data frame's payload plus its RFC 6455 header (server frames are unmasked:
// 2 bytes, +2 when the payload is ≥ 126 bytes, +8 when ≥ 64 KiB). The server does not negotiate
// permessage-deflate (ws-transport turns it off), so the payload is what travelled; a socket that
// did negotiate an extension is flagged so the figure is not mistaken for wire bytes. Control frames
// (the transport's keep-alive pings, 2 bytes each) and TCP/IP overhead are not counted.
//
// The meter also notes when each frame arrived, before the SDK decodes it: the load worker ends an
// action's latency there, so the clients' own decoding time is not charged to the server. And it
// counts request replies as their frames arrive (the SDK resolves a request's promise only in a
// later microtask, possibly after the frames that came with it), so the worker knows, frame by
// frame, whether a request's reply came before the patch it is looking at.

/** Bytes on the wire of one unfragmented server-to-client data frame carrying `payload` bytes. */
export function frameBytes(payload: number): number {
  const header = payload < 126 ? 2 : payload < 65536 ? 4 : 10;
  return header + payload;
}

/** Payload size of a WebSocket message event's data, in bytes. */
export function payloadBytes(data: unknown): number {
  if (typeof data === "string") return Buffer.byteLength(data, "utf8");
  if (data instanceof ArrayBuffer) return data.byteLength;
  if (ArrayBuffer.isView(data)) return data.byteLength;
  if (data instanceof Blob) return data.size;
  return 0;
}

/** Colyseus's protocol code of a reply to a request (shared-types Protocol.ROOM_RESPONSE), in the low 5 bits of a frame's first byte. */
const ROOM_RESPONSE = 22;

/** Whether a message event's data is a Colyseus reply to a request. */
export function isReplyFrame(data: unknown): boolean {
  const bytes = data instanceof ArrayBuffer ? new Uint8Array(data, 0, Math.min(1, data.byteLength)) : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, Math.min(1, data.byteLength)) : null;
  return bytes !== null && bytes.length > 0 && (bytes[0]! & 0x1f) === ROOM_RESPONSE;
}

/** Received bytes and frames of one socket, by phase. */
export class ByteMeter {
  readonly bytesByPhase = new Map<string, number>();
  frames = 0;
  /** performance.now() when the frame being handled arrived, before the SDK decoded it. */
  frameArrivedAt = 0;
  /** Request replies received so far (counted as each frame arrives, before the SDK handles it). */
  replies = 0;
  /** Reads the client's current phase once the room is known; frames before that count as "join". */
  phaseOf: () => string = () => "join";

  add(payload: number): void {
    const phase = this.phaseOf();
    this.frames += 1;
    this.bytesByPhase.set(phase, (this.bytesByPhase.get(phase) ?? 0) + frameBytes(payload));
  }

  get total(): number {
    let sum = 0;
    for (const bytes of this.bytesByPhase.values()) sum += bytes;
    return sum;
  }
}

import NodeWebSocket from "ws";

type MessageHandler = ((this: NodeWebSocket, event: NodeWebSocket.MessageEvent) => unknown) | null;

/** The `ws` package's WebSocket with a ByteMeter on every instance (see the top of this file). */
export class CountingWebSocket extends NodeWebSocket {
  readonly meter = new ByteMeter();

  /** True when the handshake negotiated an extension (then payloads may not be wire bytes). */
  get isCompressed(): boolean {
    return this.extensions !== "";
  }
}

// `ws` defines `onmessage` as an accessor on its prototype; this one wraps the handler it is given.
const baseOnMessage = Object.getOwnPropertyDescriptor(NodeWebSocket.prototype, "onmessage")!;
Object.defineProperty(CountingWebSocket.prototype, "onmessage", {
  configurable: true,
  enumerable: true,
  get(this: CountingWebSocket): MessageHandler {
    return baseOnMessage.get!.call(this) as MessageHandler;
  },
  set(this: CountingWebSocket, handler: MessageHandler) {
    if (!handler) {
      baseOnMessage.set!.call(this, null);
      return;
    }
    const meter = this.meter;
    baseOnMessage.set!.call(this, function (this: NodeWebSocket, event: NodeWebSocket.MessageEvent) {
      meter.frameArrivedAt = performance.now();
      if (isReplyFrame(event.data)) meter.replies += 1;
      const result = handler.call(this, event);
      meter.add(payloadBytes(event.data));
      return result;
    });
  },
});

// The WebSocket transport bound to one address when HOST is set (tests and benchmarks use 127.0.0.1);
// without it, every interface, so phones on the classroom network reach the teacher's laptop.
// Optionally its keep-alive pings are spread over the ping interval (see spreadPings.ts).
import { WebSocketTransport, type TransportOptions } from "@colyseus/ws-transport";
import { startSpreadPings, type PingedSocket } from "./spreadPings.ts";

export interface BoundTransportOptions {
  /** Ping a slice of the sockets every this many ms instead of all of them at once; null keeps Colyseus's own loop. */
  pingSliceMs?: number | null;
}

export class BoundWebSocketTransport extends WebSocketTransport {
  private readonly host: string | null;
  private readonly pingSliceMs: number | null;

  constructor(options: TransportOptions, host: string | null, extra: BoundTransportOptions = {}) {
    super(options);
    this.host = host;
    this.pingSliceMs = extra.pingSliceMs ?? null;
  }

  override listen(port: number, hostname?: string, backlog?: number, listeningListener?: () => void) {
    return super.listen(port, hostname ?? this.host ?? undefined, backlog, listeningListener);
  }

  /** Called by the base class once the server listens; its `pingInterval` timer is cleared when the server closes. */
  protected override autoTerminateUnresponsiveClients(pingInterval: number, pingMaxRetries: number): void {
    if (this.pingSliceMs === null) return super.autoTerminateUnresponsiveClients(pingInterval, pingMaxRetries);
    this.pingInterval = startSpreadPings(this.wss.clients as unknown as Set<PingedSocket>, {
      intervalMs: pingInterval,
      maxRetries: pingMaxRetries,
      sliceMs: this.pingSliceMs,
    });
  }
}

// The WebSocket transport bound to one address when HOST is set (tests and benchmarks use 127.0.0.1);
// without it, every interface, so phones on the classroom network reach the teacher's laptop.
import { WebSocketTransport, type TransportOptions } from "@colyseus/ws-transport";

export class BoundWebSocketTransport extends WebSocketTransport {
  private readonly host: string | null;

  constructor(options: TransportOptions, host: string | null) {
    super(options);
    this.host = host;
  }

  override listen(port: number, hostname?: string, backlog?: number, listeningListener?: () => void) {
    return super.listen(port, hostname ?? this.host ?? undefined, backlog, listeningListener);
  }
}

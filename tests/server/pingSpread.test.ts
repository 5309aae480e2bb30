// Keep-alive pings are spread over the interval in slices, every socket is still pinged once per
// interval, and a socket that stops answering is still terminated (unit, and through the real transport).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import WebSocket from "ws";
import { BoundWebSocketTransport } from "../../server/http/boundTransport.ts";
import { startSpreadPings, type PingedSocket } from "../../server/http/spreadPings.ts";

class FakeSocket implements PingedSocket {
  pingCount = 0;
  pings: number[] = [];
  terminated = false;
  answers = true;
  private readonly clients: Set<PingedSocket>;
  constructor(clients: Set<PingedSocket>) {
    this.clients = clients;
  }
  ping(): void {
    this.pings.push(Date.now());
    // The transport's pong handler resets the count when the client answers.
    if (this.answers) queueMicrotask(() => (this.pingCount = 0));
  }
  terminate(): void {
    this.terminated = true;
    this.clients.delete(this);
  }
}

describe("spread keep-alive pings", () => {
  let timer: NodeJS.Timeout | undefined;
  afterEach(() => {
    clearInterval(timer);
    vi.useRealTimers();
  });

  function sockets(count: number): { clients: Set<PingedSocket>; all: FakeSocket[] } {
    const clients = new Set<PingedSocket>();
    const all = Array.from({ length: count }, () => new FakeSocket(clients));
    for (const s of all) clients.add(s);
    return { clients, all };
  }

  it("pings 10,000 sockets in slices of at most 334 every 100 ms, each exactly once per 3 s interval", async () => {
    vi.useFakeTimers({ now: 0 });
    const { clients, all } = sockets(10_000);
    timer = startSpreadPings(clients, { intervalMs: 3000, maxRetries: 2, sliceMs: 100 });
    const perSlice: number[] = [];
    let before = 0;
    for (let t = 0; t < 30; t++) {
      await vi.advanceTimersByTimeAsync(100);
      const total = all.reduce((n, s) => n + s.pings.length, 0);
      perSlice.push(total - before);
      before = total;
    }
    expect(Math.max(...perSlice)).toBeLessThanOrEqual(334);
    expect(perSlice.filter((n) => n > 0).length).toBeGreaterThanOrEqual(29);
    expect(all.every((s) => s.pings.length === 1)).toBe(true);
    await vi.advanceTimersByTimeAsync(3000);
    expect(all.every((s) => s.pings.length === 2 && s.pings[1]! - s.pings[0]! === 3000)).toBe(true);
  });

  it("terminates a socket that stops answering after maxRetries unanswered pings, and keeps the others", async () => {
    vi.useFakeTimers({ now: 0 });
    const { clients, all } = sockets(50);
    const silent = all[17]!;
    silent.answers = false;
    timer = startSpreadPings(clients, { intervalMs: 1000, maxRetries: 2, sliceMs: 100 });
    await vi.advanceTimersByTimeAsync(2000);
    expect(silent.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(silent.terminated).toBe(true);
    expect(clients.has(silent)).toBe(false);
    expect(all.filter((s) => s.terminated)).toEqual([silent]);
  });

  it("a socket moved up its pass by closing sockets is given up on no sooner than two silent intervals", async () => {
    vi.useFakeTimers({ now: 0 });
    const { clients, all } = sockets(100);
    const slow = all[99]!;
    slow.answers = false;
    timer = startSpreadPings(clients, { intervalMs: 3000, maxRetries: 2, sliceMs: 100 });
    await vi.advanceTimersByTimeAsync(3000);
    expect(slow.pings).toHaveLength(1);
    const firstUnanswered = slow.pings[0]!;
    // 90 sockets ahead of it close: it now comes early in each pass, its pings less than 3 s apart.
    for (const s of all.slice(0, 90)) clients.delete(s);
    let terminatedAt = 0;
    for (let t = 0; t < 12_000 && !terminatedAt; t += 100) {
      await vi.advanceTimersByTimeAsync(100);
      if (slow.terminated) terminatedAt = Date.now();
    }
    expect(terminatedAt).toBeGreaterThan(0);
    expect(terminatedAt - firstUnanswered).toBeGreaterThanOrEqual(2 * 3000 - 100);
    expect(all.slice(90, 99).every((s) => !s.terminated)).toBe(true);
  });

  it("reaches sockets that connect during a pass by the next pass", async () => {
    vi.useFakeTimers({ now: 0 });
    const { clients, all } = sockets(20);
    timer = startSpreadPings(clients, { intervalMs: 1000, maxRetries: 2, sliceMs: 100 });
    await vi.advanceTimersByTimeAsync(500);
    const late = new FakeSocket(clients);
    clients.add(late);
    await vi.advanceTimersByTimeAsync(1500);
    expect(late.pings.length).toBeGreaterThanOrEqual(1);
    expect(all.every((s) => s.pings.length === 2)).toBe(true);
  });
});

describe("the transport with spread pings", () => {
  it("pings its sockets in slices, still terminates a client that never answers, and keeps one that does", async () => {
    const server = createServer();
    const transport = new BoundWebSocketTransport({ server, pingInterval: 100, pingMaxRetries: 2 }, "127.0.0.1", { pingSliceMs: 20 });
    await new Promise<void>((resolve) => transport.listen(0, undefined, undefined, resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      // No room in the URL: Colyseus's ping utility socket, which it closes itself (code 1000) after 1 s.
      const open = (autoPong: boolean) => {
        const ws = new WebSocket(`ws://127.0.0.1:${port}/`, { autoPong });
        const pings: number[] = [];
        ws.on("ping", () => pings.push(performance.now()));
        const opened = new Promise<void>((resolve) => ws.on("open", () => resolve()));
        const closed = new Promise<{ code: number; at: number }>((resolve) => ws.on("close", (code) => resolve({ code, at: performance.now() })));
        return { ws, pings, opened, closed };
      };
      const t0 = performance.now();
      const silent = open(false);
      const alive = Array.from({ length: 10 }, () => open(true));
      await Promise.all([silent.opened, ...alive.map((a) => a.opened)]);
      // The next ping each answering socket gets after all are open: one slice apiece, not one turn for all.
      const allOpenAt = performance.now();
      const [dead, ...live] = await Promise.all([silent.closed, ...alive.map((a) => a.closed)]);
      const nextPings = alive.map((a) => a.pings.find((t) => t > allOpenAt)!);
      expect(Math.max(...nextPings) - Math.min(...nextPings)).toBeGreaterThanOrEqual(30);
      // Terminated (no close frame: 1006) after its unanswered pings, well before the utility's own close.
      expect(dead.code).toBe(1006);
      expect(silent.pings.length).toBeGreaterThanOrEqual(2);
      expect(dead.at - t0).toBeLessThan(900);
      for (const [i, l] of live.entries()) {
        expect(l.code).toBe(1000);
        expect(alive[i]!.pings.length).toBeGreaterThanOrEqual(3);
      }
    } finally {
      transport.shutdown();
    }
  });
});

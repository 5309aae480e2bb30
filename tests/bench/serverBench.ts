// Load benchmark (npm run bench:server -- [sessions] [clientsPerSession] [rounds]): starts the
// server in a child process on a free loopback port, connects SDK clients that play as bots
// across sessions, and prints clients held, action→patch latency, bytes per client per round
// and server memory per client.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { Client, type Room } from "@colyseus/sdk";
import type { SessionStateView, Welcome } from "../../shared/protocol/stateTypes.ts";

const sessions = Number(process.argv[2] ?? 1);
const clientsPerSession = Number(process.argv[3] ?? 40);
const rounds = Number(process.argv[4] ?? 2);

async function getFreePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const port = await getFreePort();
const server = spawn(process.execPath, ["server/main.ts"], {
  env: { ...process.env, PORT: String(port), JOIN_RATE_LIMIT: "100000", REQUESTS_PER_SECOND: "50" },
  stdio: ["ignore", "ignore", "inherit"],
});
process.on("exit", () => server.kill("SIGTERM"));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(1));
const base = `http://127.0.0.1:${port}`;
interface Health {
  rssBytes: number;
  heapUsedBytes: number;
  eventLoopDelayMs: { p50: number; p99: number; max: number };
}
async function health(query = ""): Promise<Health> {
  return (await (await fetch(`${base}/api/health${query}`)).json()) as Health;
}
for (let i = 0; ; i++) {
  try {
    await health();
    break;
  } catch {
    if (i > 100) throw new Error("server did not start");
    await new Promise((r) => setTimeout(r, 100));
  }
}
const idle = await health("?reset");
const scenario = (await (await fetch(`${base}/api/scenarios/mexico-2006`)).json()) as { policies: { id: string }[]; settings: { votePoints: number } };
const policies = scenario.policies.map((p) => p.id);

type SessionRoom = Room<unknown, SessionStateView>;
const latencies: number[] = [];
let bytes = 0;
let held = 0;
let failures = 0;
const failureCodes = new Map<string, number>();
// Acting phases get time to spare for every client (they end early once all have acted).
const actSeconds = Math.max(5, Math.ceil(clientsPerSession / 20));
const timers = { briefing: 0.3, propose: actSeconds, debate: 1, vote: actSeconds, resolve: 0.3, results: 0.3 };

function countBytes(room: SessionRoom): void {
  const ws = (room.connection as unknown as { transport: { ws: WebSocket } }).transport.ws;
  ws.addEventListener("message", (e: MessageEvent) => {
    const data = e.data as ArrayBuffer | string;
    bytes += typeof data === "string" ? data.length : data.byteLength;
  });
}

/** Actions waiting for the state patch that shows them, per room. */
const waiting = new Map<SessionRoom, { t0: number; shows: () => boolean }[]>();

/** Sends an action and records the time until a state patch shows it. */
function timeAction(room: SessionRoom, type: string, payload: unknown, shows: () => boolean): void {
  const entry = { t0: performance.now(), shows };
  const list = waiting.get(room) ?? [];
  list.push(entry);
  waiting.set(room, list);
  room.request(type, payload).catch((error: { reason?: { code?: string }; name?: string; message?: string }) => {
    failures++;
    const why = error.reason?.code ?? error.message?.slice(0, 60) ?? error.name ?? "error";
    failureCodes.set(why, (failureCodes.get(why) ?? 0) + 1);
    list.splice(list.indexOf(entry), 1);
  });
}

function checkWaiting(room: SessionRoom): void {
  const list = waiting.get(room);
  if (!list) return;
  for (let k = list.length - 1; k >= 0; k--) {
    const entry = list[k]!;
    if (entry.shows()) {
      latencies.push(performance.now() - entry.t0);
      list.splice(k, 1);
    }
  }
}

async function playSession(index: number): Promise<void> {
  const sdk = new Client(base);
  const host = (await sdk.create("session", { timers, rounds, maxPlayers: Math.min(1000, clientsPerSession) })) as SessionRoom;
  countBytes(host);
  const code = host.roomId;
  const students: SessionRoom[] = [];
  const batch = 50;
  for (let i = 0; i < clientsPerSession; i += batch) {
    const joined = await Promise.all(
      Array.from({ length: Math.min(batch, clientsPerSession - i) }, async (_, j) => {
        const room = (await sdk.joinById(code, { as: "student", nickname: `s${index}-${i + j}`, deviceToken: `bench-device-${index}-${i + j}-xxxxxxxx` })) as SessionRoom;
        held++;
        countBytes(room);
        const me = ((await room.request("welcome", {})) as Welcome).playerId!;
        let acted = "";
        room.onStateChange((state) => {
          checkWaiting(room);
          const key = `${state.round}:${state.phase}`;
          if (acted === key) return;
          const policyId = policies[(i + j + state.round) % policies.length]!;
          if (state.phase === "propose") {
            acted = key;
            timeAction(room, "propose", { policyId, argument: `Bench argument ${i + j}` }, () => room.state.players.get(me)?.proposed === true);
          } else if (state.phase === "vote") {
            acted = key;
            timeAction(room, "vote", { points: { [policyId]: scenario.settings.votePoints } }, () => room.state.players.get(me)?.voted === true);
          }
        });
        return room;
      }),
    );
    students.push(...joined);
  }
  const full = await health();
  if (index === 0) {
    let last = "";
    host.onStateChange((st) => {
      const key = `${st.round}:${st.phase}`;
      if (key === last) return;
      last = key;
      console.error(`  [session 0] +${((performance.now() - started) / 1000).toFixed(1)} s round ${st.round} ${st.phase}`);
    });
  }
  await host.request("start", {});
  await new Promise<void>((resolve) => host.onStateChange((s) => s.phase === "debrief" && resolve()));
  sessionsDone.push({ rss: full.rssBytes });
  // A client caught mid-reconnection may never settle its leave(); the server process is stopped anyway.
  await Promise.race([Promise.all([host, ...students].map((r) => r.leave().catch(() => undefined))), new Promise((r) => setTimeout(r, 3000))]);
}

const sessionsDone: { rss: number }[] = [];
const started = performance.now();
let peak = idle.rssBytes;
const sampler = setInterval(() => {
  health().then((h) => (peak = Math.max(peak, h.rssBytes)), () => undefined);
}, 250);
const results = await Promise.allSettled(Array.from({ length: sessions }, (_, i) => playSession(i)));
clearInterval(sampler);
const errors = results.filter((r) => r.status === "rejected");
const total = sessions * clientsPerSession;
const sorted = [...latencies].sort((a, b) => a - b);
const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
console.log(`sessions × clients: ${sessions} × ${clientsPerSession} (${rounds} rounds each)`);
console.log(`clients held: ${held} / ${total}${errors.length ? `  (${errors.length} sessions failed: ${String((errors[0] as PromiseRejectedResult).reason)})` : ""}`);
console.log(`actions timed: ${sorted.length}, refused/failed: ${failures}${failures ? ` (${[...failureCodes].map(([k, v]) => `${k} ×${v}`).join(", ")})` : ""}`);
const end = await health();
console.log(`server event-loop delay ms during the run: p50 ${end.eventLoopDelayMs.p50.toFixed(1)}  p99 ${end.eventLoopDelayMs.p99.toFixed(1)}  max ${end.eventLoopDelayMs.max.toFixed(1)}`);
console.log(`action→patch latency ms: p50 ${percentile(sorted, 50).toFixed(1)}  p95 ${percentile(sorted, 95).toFixed(1)}  p99 ${percentile(sorted, 99).toFixed(1)}`);
console.log(`bytes downstream per client per round: ${Math.round(bytes / Math.max(1, held + sessions) / rounds)}`);
console.log(`server RSS idle ${mb(idle.rssBytes)} MB, peak ${mb(peak)} MB → ${((peak - idle.rssBytes) / 1024 / Math.max(1, held)).toFixed(1)} KB per client`);
console.log(`wall time ${((performance.now() - started) / 1000).toFixed(1)} s`);
server.kill("SIGTERM");
process.exit(errors.length ? 1 : 0);

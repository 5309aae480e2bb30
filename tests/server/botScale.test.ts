// Seat and bot operations stay linear and one request is capped (issue 10, item 3): filling a
// 1,000-seat session with bots is quick and another session's requests stay responsive meanwhile.
import { describe, expect, it } from "vitest";
import { MAX_BOTS_PER_REQUEST } from "../../shared/protocol/options.ts";
import { createSession, joinStudent, refusalOf, useTestServer } from "./helpers.ts";

const testServer = useTestServer();

describe("bots at scale", () => {
  it("addBots over the per-request cap is refused as host/too-many-bots and changes nothing", async () => {
    const { host, code } = await createSession(testServer.colyseus, { maxPlayers: 1000 });
    const started = performance.now();
    const r = await refusalOf(host.request("addBots", { count: 1000, strategy: "random" }));
    expect(r.code).toBe("host/too-many-bots");
    expect(performance.now() - started).toBeLessThan(500);
    expect(testServer.serverState(code).players.size).toBe(0);
  });

  it("1,000 bots in capped requests take well under three seconds, and another session stays responsive", async () => {
    const big = await createSession(testServer.colyseus, { maxPlayers: 1000 });
    const other = await createSession(testServer.colyseus);
    const ana = await joinStudent(testServer.colyseus, other.code, "Ana");

    const latencies: number[] = [];
    let filling = true;
    const probe = (async () => {
      while (filling) {
        const t = performance.now();
        await ana.room.request("welcome", {});
        latencies.push(performance.now() - t);
      }
    })();

    const started = performance.now();
    for (let added = 0; added < 1000; added += MAX_BOTS_PER_REQUEST) {
      await big.host.request("addBots", { count: MAX_BOTS_PER_REQUEST, strategy: "random" });
    }
    const elapsed = performance.now() - started;
    filling = false;
    await probe;

    const s = testServer.serverState(big.code);
    expect(s.players.size).toBe(1000);
    expect(new Set([...s.players.values()].map((p) => p.nickname)).size).toBe(1000);
    // Roles stay balanced: no role has more than one seat over another.
    const perRole = new Map<string, number>();
    for (const p of s.players.values()) perRole.set(p.roleId, (perRole.get(p.roleId) ?? 0) + 1);
    expect(Math.max(...perRole.values()) - Math.min(...perRole.values())).toBeLessThanOrEqual(1);
    expect(elapsed).toBeLessThan(3000);
    expect(Math.max(...latencies)).toBeLessThan(500);
    console.info(`1000 bots: ${elapsed.toFixed(0)} ms; other session's welcome: max ${Math.max(...latencies).toFixed(1)} ms over ${latencies.length} requests`);
  });
});

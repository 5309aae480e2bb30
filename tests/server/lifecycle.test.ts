// Joining, late join, kick, reconnection (student mid-propose and mid-vote, host drop and return),
// timers (deadline advances, pause freezes) and secret votes on another client's decoded state.
import { describe, expect, it } from "vitest";
import { parseJoinError } from "../../shared/protocol/refusals.ts";
import type { Mine, Welcome } from "../../shared/protocol/stateTypes.ts";
import { toSnapshot } from "../../client/state/snapshot.ts";
import { UNTIMED, createSession, joinStudent, newDeviceToken, useTestServer, waitFor, type SessionRoomClient } from "./helpers.ts";

const testServer = useTestServer({ reconnectSeconds: 5 });
const serverState = (code: string) => testServer.serverState(code);


async function toPhase(host: SessionRoomClient, code: string, phase: string): Promise<void> {
  const order = ["lobby", "briefing", "propose", "debate", "vote"];
  while (serverState(code).phase !== phase) {
    await host.request(serverState(code).phase === "lobby" ? "start" : "advance", {});
    if (!order.includes(serverState(code).phase)) throw new Error(`passed ${phase}`);
  }
}

/** Drops the client's socket as a network failure would, and waits for the SDK to reconnect. */
async function dropAndReconnect(room: SessionRoomClient): Promise<void> {
  const reconnected = new Promise<void>((resolve) => room.onReconnect(() => resolve()));
  (room.connection as unknown as { transport: { ws: WebSocket } }).transport.ws.close();
  await reconnected;
}

describe("joining", () => {
  it("a taken nickname is refused with a suggested variant; invalid nicknames are refused", async () => {
    const { code } = await createSession(testServer.colyseus);
    await joinStudent(testServer.colyseus, code, "Ana");
    const error = await testServer.colyseus.sdk.joinById(code, { as: "student", nickname: " ana ", deviceToken: newDeviceToken() }).then(() => null, (e: unknown) => e);
    const r = parseJoinError(error);
    expect(r.code).toBe("join/nickname-taken");
    expect(r.suggestion).toBe("ana2");
    for (const nickname of ["", "x".repeat(21), "bad\u0007name"]) {
      const e = await testServer.colyseus.sdk.joinById(code, { as: "student", nickname, deviceToken: newDeviceToken() }).then(() => null, (x: unknown) => x);
      expect(parseJoinError(e).code).toBe("join/invalid-options");
    }
  });

  it("invalid create options get a clear error", async () => {
    const e = await testServer.colyseus.sdk.create("session", { maxPlayers: 5000, voteMode: "ranked" }).then(() => null, (x: unknown) => x);
    const r = parseJoinError(e);
    expect(r.code).toBe("create/invalid-options");
    expect(r.details).toMatch(/maxPlayers/);
    const e2 = await testServer.colyseus.sdk.create("session", { scenarioId: "no-such-scenario" }).then(() => null, (x: unknown) => x);
    expect(parseJoinError(e2).code).toBe("create/unknown-scenario");
  });

  it("a late joiner enters at the current phase and can act in it; a spectator has no seat", async () => {
    const { host, code } = await createSession(testServer.colyseus);
    await joinStudent(testServer.colyseus, code, "Ana");
    await toPhase(host, code, "propose");
    const late = await joinStudent(testServer.colyseus, code, "Late");
    expect(late.room.state.phase).toBe("propose");
    const policyId = serverState(code).proposalCounts.keys().next().value as string;
    const mine = (await late.room.request("propose", { policyId })) as Mine;
    expect(mine.proposal?.policyId).toBe(policyId);
    const spectator = (await testServer.colyseus.sdk.joinById(code, { as: "spectator" })) as SessionRoomClient;
    await waitFor(() => serverState(code).spectators === 1);
    expect(serverState(code).players.size).toBe(2);
    expect((await spectator.request("welcome", {})) as Welcome).toMatchObject({ seat: "spectator" });
  });

  it("a kicked student is disconnected and cannot rejoin with the same device token", async () => {
    const { host, code } = await createSession(testServer.colyseus);
    const ana = await joinStudent(testServer.colyseus, code, "Ana");
    const left = new Promise<number>((resolve) => ana.room.onLeave((c) => resolve(c)));
    await host.request("kick", { playerId: ana.welcome.playerId! });
    expect(await left).toBe(4403);
    expect(serverState(code).players.has(ana.welcome.playerId!)).toBe(false);
    const e = await testServer.colyseus.sdk.joinById(code, { as: "student", nickname: "Ana again", deviceToken: ana.deviceToken }).then(() => null, (x: unknown) => x);
    expect(parseJoinError(e).code).toBe("join/blocked");
    const e2 = await testServer.colyseus.sdk.joinById(code, { as: "student", nickname: "Ana", deviceToken: newDeviceToken() }).then(() => null, (x: unknown) => x);
    expect(parseJoinError(e2).code).toBe("join/blocked"); // the nickname is blocked too, from any device
  });
});

describe("reconnection", () => {
  it("a student dropped mid-propose gets the same seat, role and proposal back", async () => {
    const { host, code } = await createSession(testServer.colyseus);
    const ana = await joinStudent(testServer.colyseus, code, "Ana");
    await joinStudent(testServer.colyseus, code, "Ben");
    await toPhase(host, code, "propose");
    const policyId = serverState(code).proposalCounts.keys().next().value as string;
    await ana.room.request("propose", { policyId, argument: "Keep me" });
    const role = serverState(code).players.get(ana.welcome.playerId!)!.roleId;
    await dropAndReconnect(ana.room);
    const again = (await ana.room.request("welcome", {})) as Welcome;
    expect(again.playerId).toBe(ana.welcome.playerId);
    expect(again.mine?.proposal?.policyId).toBe(policyId);
    expect(serverState(code).players.get(ana.welcome.playerId!)).toMatchObject({ roleId: role, connected: true, proposed: true });
  });

  it("a student dropped mid-vote keeps their vote and endorsements, also when coming back from a new page with the device token", async () => {
    const { host, code } = await createSession(testServer.colyseus);
    const ana = await joinStudent(testServer.colyseus, code, "Ana");
    const ben = await joinStudent(testServer.colyseus, code, "Ben");
    await toPhase(host, code, "propose");
    const policyId = serverState(code).proposalCounts.keys().next().value as string;
    await ana.room.request("propose", { policyId, argument: "A" });
    await ben.room.request("propose", { policyId, argument: "B" });
    await waitFor(() => serverState(code).phase === "debate");
    const bens = [...serverState(code).arguments.values()].find((a) => a.text === "B")!;
    await ana.room.request("endorse", { argumentId: bens.id });
    await host.request("advance", {});
    await waitFor(() => serverState(code).phase === "vote");
    const points = { [policyId]: serverState(code).votePoints };
    await ana.room.request("vote", { points });
    await dropAndReconnect(ana.room);
    const mine = ((await ana.room.request("welcome", {})) as Welcome).mine!;
    expect(mine.vote).toEqual({ points });
    expect(mine.endorsed).toEqual([bens.id]);

    // Page refresh after the window: a new connection with the same device token reclaims the seat.
    ana.room.reconnection.enabled = false;
    await ana.room.leave();
    const back = await joinStudent(testServer.colyseus, code, "Whatever", ana.deviceToken);
    expect(back.welcome.playerId).toBe(ana.welcome.playerId);
    expect(back.welcome.mine?.vote).toEqual({ points });
    expect(serverState(code).phase).toBe("vote");
  });

  it("the host can drop and return with the host key from a new browser; timers keep running meanwhile", async () => {
    const { host, code, welcome } = await createSession(testServer.colyseus, { timers: { ...UNTIMED, propose: 0.6 } });
    await joinStudent(testServer.colyseus, code, "Ana");
    await toPhase(host, code, "propose");
    host.reconnection.enabled = false;
    await host.leave();
    await waitFor(() => serverState(code).hostConnected === false);
    // Propose ends at its deadline; debate, with no arguments to endorse, ends at once.
    await waitFor(() => serverState(code).phase === "vote", 3000, "the deadline while the host is away");
    const newHost = (await testServer.colyseus.sdk.joinById(code, { as: "host", hostKey: welcome.hostKey! })) as SessionRoomClient;
    expect(((await newHost.request("welcome", {})) as Welcome).seat).toBe("host");
    await waitFor(() => serverState(code).hostConnected);
    await newHost.request("advance", {});
    await waitFor(() => serverState(code).phase === "resolve");
  });
});

describe("timers", () => {
  it("a phase advances at its deadline, and pause freezes it until resume", async () => {
    const { host, code } = await createSession(testServer.colyseus, { timers: { ...UNTIMED, briefing: 0.4 } });
    await joinStudent(testServer.colyseus, code, "Ana");
    await host.request("start", {});
    const s = serverState(code);
    expect(s.phase).toBe("briefing");
    expect(s.endsAt).toBeGreaterThan(Date.now());
    await host.request("pause", {});
    expect(s.endsAt).toBe(0);
    expect(s.pausedRemainingMs).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 700));
    expect(s.phase).toBe("briefing");
    await host.request("resume", {});
    expect(s.pausedRemainingMs).toBe(0);
    await waitFor(() => s.phase === "propose", 2000, "the deadline after resume");
  });

  it("extend moves the deadline and skip ends the phase", async () => {
    const { host, code } = await createSession(testServer.colyseus, { timers: { ...UNTIMED, briefing: 30 } });
    await joinStudent(testServer.colyseus, code, "Ana");
    await host.request("start", {});
    const s = serverState(code);
    const before = s.endsAt;
    await host.request("extend", { seconds: 60 });
    expect(s.endsAt - before).toBeGreaterThanOrEqual(59_000);
    await host.request("skip", {});
    expect(s.phase).toBe("propose");
  });
});

describe("secret votes", () => {
  it("a second client's decoded state holds no votes before the reveal, only the count", async () => {
    const { host, code } = await createSession(testServer.colyseus);
    const ana = await joinStudent(testServer.colyseus, code, "Ana");
    const ben = await joinStudent(testServer.colyseus, code, "Ben");
    await joinStudent(testServer.colyseus, code, "Caro");
    await toPhase(host, code, "vote");
    const policyId = serverState(code).proposalCounts.keys().next().value as string;
    const points = { [policyId]: serverState(code).votePoints };
    await ana.room.request("vote", { points });
    await waitFor(() => ben.room.state.votesCast === 1);
    const decoded = JSON.stringify((ben.room.state as unknown as { toJSON(): unknown }).toJSON());
    expect(decoded).not.toMatch(/"points":\{/);
    expect(decoded).not.toContain(policyId + '":' + String(serverState(code).votePoints));
    expect(ben.room.state.roundLog.length).toBe(0);
    // Ben's client holds neither Ana's vote nor whether she voted: no seat at all, only the count.
    expect(ben.room.state.players?.size ?? 0).toBe(0);
    expect(decoded).not.toContain(`"${ana.welcome.playerId!}"`);
    await waitFor(() => host.state.players.get(ana.welcome.playerId!)?.voted === true, 2000, "the host to see who voted");
    const benWelcome = (await ben.room.request("welcome", {})) as Welcome;
    expect(benWelcome.mine?.vote).toBeNull();
    await host.request("advance", {});
    await waitFor(() => toSnapshot(ben.room.state).tally[policyId] === serverState(code).votePoints, 2000, "the reveal");
  });
});

// A student's own seat without a StateView (issue 12): students hold no seats in their synced state,
// so a room encodes one shared patch for all of them; their own seat (role, nickname) comes by
// OWN_SEAT_MESSAGE with every welcome, after a reconnect and when the host changes it, to them only.
import { describe, expect, it } from "vitest";
import type { Client } from "@colyseus/core";
import { toSnapshot } from "../../client/state/snapshot.ts";
import type { Welcome } from "../../shared/protocol/stateTypes.ts";
import { loadDefaultScenario } from "../support/defaultScenario.ts";
import { createSession, joinStudent, newDeviceToken, recordOwnSeat, useTestServer, waitFor, type SessionRoomClient } from "./helpers.ts";

const testServer = useTestServer({ reconnectSeconds: 10 });
const scenario = loadDefaultScenario();

function roleOf(code: string, playerId: string): string {
  return testServer.serverState(code).players.get(playerId)!.roleId;
}

function otherRole(roleId: string): string {
  return scenario.roles.find((r) => r.id !== roleId)!.id;
}

describe("a student's own seat", () => {
  it("arrives before the welcome reply, with the role the server gave, and the synced state holds no seat", async () => {
    const { code } = await createSession(testServer.colyseus);
    const room = (await testServer.colyseus.sdk.joinById(code, { as: "student", nickname: "Ana", deviceToken: newDeviceToken() })) as SessionRoomClient;
    const seats = recordOwnSeat(room);
    const welcome = (await room.request("welcome", {})) as Welcome;
    // Already there when the reply resolves: the phone renders its role card from the first screen.
    expect(seats.current).toEqual({ playerId: welcome.playerId, nickname: "Ana", roleId: roleOf(code, welcome.playerId!) });
    await waitFor(() => room.state.code === code, 4000, "the state");
    expect(room.state.players?.size ?? 0).toBe(0);
  });

  it("follows the host's role change at once, reaches nobody else, and is not sent again while unchanged", async () => {
    const { host, code } = await createSession(testServer.colyseus);
    const ana = await joinStudent(testServer.colyseus, code, "Ana");
    const ben = await joinStudent(testServer.colyseus, code, "Ben");
    const anaBefore = ana.ownSeat.received.length;
    const benBefore = ben.ownSeat.received.length;
    const newRole = otherRole(roleOf(code, ben.welcome.playerId!));

    await host.request("reassignRole", { playerId: ben.welcome.playerId!, roleId: newRole });
    await waitFor(() => ben.ownSeat.current?.roleId === newRole, 4000, "Ben's new role on his phone");
    expect(ben.ownSeat.received.length).toBe(benBefore + 1);
    expect(ben.ownSeat.current).toEqual({ playerId: ben.welcome.playerId, nickname: "Ben", roleId: newRole });

    // Host requests that change no student's seat send nothing; Ana never receives Ben's seat.
    await host.request("reassignRole", { playerId: ben.welcome.playerId!, roleId: newRole });
    await host.request("addBots", { count: 2, strategy: "random" });
    await waitFor(() => ana.room.state.playerCount === 4 && ben.room.state.playerCount === 4, 4000, "the counts on both phones");
    expect(ana.ownSeat.received.length).toBe(anaBefore);
    expect(ben.ownSeat.received.length).toBe(benBefore + 1);
    expect(ana.ownSeat.received.every((seat) => seat.playerId === ana.welcome.playerId)).toBe(true);
    expect(JSON.stringify((ana.room.state as unknown as { toJSON(): unknown }).toJSON())).not.toContain(`"${ben.welcome.playerId!}"`);
    expect(ana.room.state.studentCount).toBe(2);
    expect(ana.room.state.connectedCount).toBe(4);
  });

  it("comes back after a network drop as it is now, without asking: a role changed while away", async () => {
    const { host, code } = await createSession(testServer.colyseus);
    const ana = await joinStudent(testServer.colyseus, code, "Ana");
    const server = testServer.serverState(code);
    const id = ana.welcome.playerId!;
    const newRole = otherRole(roleOf(code, id));
    // Slow reconnection, so the host acts while Ana's phone is away.
    ana.room.reconnection.minDelay = 800;
    ana.room.reconnection.delay = 800;
    const reconnected = new Promise<void>((resolve) => ana.room.onReconnect(() => resolve()));
    (ana.room.connection as unknown as { transport: { ws: WebSocket } }).transport.ws.close();
    await waitFor(() => server.players.get(id)?.connected === false, 4000, "the server to see Ana away");
    await host.request("reassignRole", { playerId: id, roleId: newRole });
    await reconnected;
    await waitFor(() => ana.ownSeat.current?.roleId === newRole, 4000, "the new role after the reconnect");
    expect(ana.ownSeat.current).toEqual({ playerId: id, nickname: "Ana", roleId: newRole });
  });

  it("students have no StateView (one shared patch for all of them); the host keeps its view of every seat", async () => {
    const { host, code } = await createSession(testServer.colyseus);
    const ana = await joinStudent(testServer.colyseus, code, "Ana");
    const ben = await joinStudent(testServer.colyseus, code, "Ben");
    const room = testServer.colyseus.getRoomById(code) as unknown as { clients: Client[] };
    const viewOf = (sessionId: string) => room.clients.find((c) => c.sessionId === sessionId)?.view;
    expect(viewOf(ana.room.sessionId)).toBeUndefined();
    expect(viewOf(ben.room.sessionId)).toBeUndefined();
    expect(viewOf(host.sessionId)).toBeDefined();
    await waitFor(() => host.state.players.size === 2, 4000, "the host to see both seats");

    // The counts still reach every phone.
    await host.request("start", {});
    await host.request("advance", {});
    await waitFor(() => ben.room.state.phase === "propose", 4000, "propose");
    await ana.room.request("propose", { policyId: scenario.policies[0]!.id });
    await waitFor(() => toSnapshot(ben.room.state).proposedCount === 1, 4000, "the proposal count on Ben's phone");
    expect(toSnapshot(ana.room.state).proposedCount).toBe(1);
  });
});

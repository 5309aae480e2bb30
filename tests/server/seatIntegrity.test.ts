// One live connection per seat (issue 10, item 2): whatever the order of a dropped tab's automatic
// reconnection and a new tab's join with the same device token, exactly one connection keeps the
// seat and the other is closed with 4409.
import { describe, expect, it } from "vitest";
import { HOST_REPLACED_CLOSE_CODE } from "../../shared/protocol/refusals.ts";
import type { Welcome } from "../../shared/protocol/stateTypes.ts";
import { createSession, joinStudent, useTestServer, waitFor, type SessionRoomClient } from "./helpers.ts";

const testServer = useTestServer({ reconnectSeconds: 10 });

interface ServerClient {
  sessionId: string;
  userData?: { playerId: string | null };
  ref: { terminate(): void };
}

function serverClients(code: string): ServerClient[] {
  return (testServer.colyseus.getRoomById(code) as unknown as { clients: ServerClient[] }).clients;
}

function holders(code: string, playerId: string): ServerClient[] {
  return serverClients(code).filter((c) => c.userData?.playerId === playerId);
}

describe("one connection per seat", () => {
  it("a tab dropped without a close frame, replaced by a new tab, is refused with 4409 when it reconnects", async () => {
    const { code } = await createSession(testServer.colyseus);
    const tabA = await joinStudent(testServer.colyseus, code, "Ana");
    const playerId = tabA.welcome.playerId!;
    // Keep A away until B has joined, as a phone that wakes up late would be.
    tabA.room.reconnection.minDelay = 1500;
    tabA.room.reconnection.delay = 1500;
    const aLeft = new Promise<number>((resolve) => tabA.room.onLeave((c) => resolve(c)));
    const aReconnected = new Promise<void>((resolve) => tabA.room.onReconnect(() => resolve()));

    holders(code, playerId)[0]!.ref.terminate();
    await waitFor(() => holders(code, playerId).length === 0, 4000, "the server to see A drop");

    const tabB = await joinStudent(testServer.colyseus, code, "Ana", tabA.deviceToken);
    expect(tabB.welcome.playerId).toBe(playerId);
    const bLeft = new Promise<number>((resolve) => tabB.room.onLeave((c) => resolve(c)));

    const outcome = await Promise.race([aLeft.then((c) => `A left ${c}`), aReconnected.then(() => "A reconnected"), new Promise((r) => setTimeout(() => r("timeout"), 8000))]);
    if (outcome === "A reconnected") expect(await aLeft).toBe(HOST_REPLACED_CLOSE_CODE);
    else expect(outcome).toBe(`A left ${HOST_REPLACED_CLOSE_CODE}`);

    await waitFor(() => holders(code, playerId).length === 1, 3000, "one holder");
    expect(holders(code, playerId)[0]!.sessionId).toBe(tabB.room.sessionId);
    expect(((await tabB.room.request("welcome", {})) as Welcome).playerId).toBe(playerId);
    expect(testServer.serverState(code).players.get(playerId)?.connected).toBe(true);
    const stillOpen = await Promise.race([bLeft.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), 300))]);
    expect(stillOpen).toBe(true);
  });

  it("a new tab joining while the old one is open closes the old one with 4409", async () => {
    const { code } = await createSession(testServer.colyseus);
    const tabA = await joinStudent(testServer.colyseus, code, "Ben");
    const aLeft = new Promise<number>((resolve) => (tabA.room as SessionRoomClient).onLeave((c) => resolve(c)));
    const tabB = await joinStudent(testServer.colyseus, code, "Ben", tabA.deviceToken);
    expect(await aLeft).toBe(HOST_REPLACED_CLOSE_CODE);
    await waitFor(() => holders(code, tabB.welcome.playerId!).length === 1);
    expect(testServer.serverState(code).players.get(tabB.welcome.playerId!)?.connected).toBe(true);
  });
});

describe("one host connection", () => {
  it("a host connection dropped and replaced through the host key is refused with 4409 when it reconnects", async () => {
    const { host, welcome, code } = await createSession(testServer.colyseus);
    host.reconnection.minDelay = 1500;
    host.reconnection.delay = 1500;
    const oldLeft = new Promise<number>((resolve) => host.onLeave((c) => resolve(c)));
    const hostClient = () => serverClients(code).filter((c) => (c.userData as { seat?: string } | undefined)?.seat === "host");
    hostClient()[0]!.ref.terminate();
    await waitFor(() => hostClient().length === 0, 4000, "the server to see the host drop");
    const again = (await testServer.colyseus.sdk.joinById(code, { as: "host", hostKey: welcome.hostKey! })) as SessionRoomClient;
    expect(((await again.request("welcome", {})) as Welcome).seat).toBe("host");
    expect(await oldLeft).toBe(HOST_REPLACED_CLOSE_CODE);
    await waitFor(() => hostClient().length === 1, 3000, "one host connection");
    expect(hostClient()[0]!.sessionId).toBe(again.sessionId);
    expect(await again.request("addBots", { count: 1, strategy: "random" })).toHaveProperty("playerIds");
  });
});

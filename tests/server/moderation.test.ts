// Host moderation over the network: hiding and spotlighting arguments, reassigning roles,
// adding and removing bots, and bots acting so that phases end when everyone has acted.
import { describe, expect, it } from "vitest";
import { getReveal, readRoundLog } from "../../shared/protocol/wireCodec.ts";
import { createSession, joinStudent, useTestServer, waitFor } from "./helpers.ts";

const testServer = useTestServer();
const serverState = (code: string) => testServer.serverState(code);


describe("moderation", () => {
  it("a hidden argument vanishes from every client's state, and can be restored; spotlight marks one", async () => {
    const { host, code } = await createSession(testServer.colyseus, { anonymousArguments: true });
    const ana = await joinStudent(testServer.colyseus, code, "Ana");
    const ben = await joinStudent(testServer.colyseus, code, "Ben");
    await host.request("start", {});
    await host.request("advance", {});
    const policyId = serverState(code).proposalCounts.keys().next().value as string;
    await ana.room.request("propose", { policyId, argument: "Hide me" });
    await waitFor(() => ben.room.state.arguments.size === 1);
    const id = [...serverState(code).arguments.keys()][0]!;
    expect(ben.room.state.arguments.get(id)?.authorId).toBe("");
    await host.request("spotlight", { argumentId: id });
    await waitFor(() => ben.room.state.spotlightId === id);
    await host.request("hideArgument", { argumentId: id });
    await waitFor(() => ben.room.state.arguments.size === 0 && ana.room.state.arguments.size === 0 && host.state.arguments.size === 0);
    expect(ben.room.state.spotlightId).toBe("");
    await host.request("hideArgument", { argumentId: id, hidden: false });
    await waitFor(() => ben.room.state.arguments.get(id)?.text === "Hide me");
  });

  it("a spotlight stays through the vote and is lifted when the reveal begins, so it never covers the results", async () => {
    const { host, code } = await createSession(testServer.colyseus);
    const ana = await joinStudent(testServer.colyseus, code, "Ana");
    const ben = await joinStudent(testServer.colyseus, code, "Ben");
    await host.request("start", {});
    await host.request("advance", {});
    const policyId = serverState(code).proposalCounts.keys().next().value as string;
    await ana.room.request("propose", { policyId, argument: "Look at this" });
    await ben.room.request("propose", { policyId });
    await waitFor(() => serverState(code).phase === "debate");
    const id = [...serverState(code).arguments.keys()][0]!;
    await host.request("spotlight", { argumentId: id });
    await host.request("advance", {});
    await waitFor(() => serverState(code).phase === "vote");
    expect(serverState(code).spotlightId).toBe(id);
    await host.request("advance", {});
    await waitFor(() => serverState(code).phase === "resolve");
    expect(serverState(code).spotlightId).toBe("");
    await waitFor(() => ana.room.state.spotlightId === "");
  });

  it("the host reassigns a role; roles are balanced across joiners", async () => {
    const { host, code } = await createSession(testServer.colyseus);
    const a = await joinStudent(testServer.colyseus, code, "Ana");
    const b = await joinStudent(testServer.colyseus, code, "Ben");
    const s = serverState(code);
    const roleA = s.players.get(a.welcome.playerId!)!.roleId;
    expect(s.players.get(b.welcome.playerId!)!.roleId).not.toBe(roleA);
    await host.request("reassignRole", { playerId: b.welcome.playerId!, roleId: roleA });
    // Ben's own phone (by its own-seat message) and the host see the new role; Ana's phone never gets Ben's seat.
    await waitFor(() => b.ownSeat.current?.roleId === roleA && host.state.players.get(b.welcome.playerId!)?.roleId === roleA);
    expect(a.ownSeat.received.every((seat) => seat.playerId === a.welcome.playerId)).toBe(true);
    expect(a.room.state.players?.size ?? 0).toBe(0);
  });

  it("bots fill seats, act in every acting phase by their strategy, and can be removed", async () => {
    const { host, code } = await createSession(testServer.colyseus, { voteMode: "single" });
    await joinStudent(testServer.colyseus, code, "Ana");
    const added = (await host.request("addBots", { count: 3, strategy: "random" })) as { playerIds: string[] };
    await host.request("addBots", { count: 1, strategy: "evidence-follower" });
    const removed = (await host.request("removeBots", { playerId: added.playerIds[0]! })) as { playerIds: string[] };
    expect(removed.playerIds).toEqual([added.playerIds[0]]);
    const s = serverState(code);
    expect([...s.players.values()].filter((p) => p.isBot)).toHaveLength(3);
    // Removing the only person makes the bots alone: they propose, endorse and vote without help.
    await host.request("kick", { playerId: [...s.players.values()].find((p) => !p.isBot)!.id });
    await host.request("start", {});
    await host.request("advance", {});
    await waitFor(() => s.phase === "resolve", 4000, "bots to finish propose, debate and vote");
    const votes = Object.values(getReveal(readRoundLog(s), s.round).tally).reduce((a, b) => a + b, 0);
    expect(votes).toBe(3);
  });
});

// Permissions and refusals: every message type malformed, out of phase or over a limit gets a
// typed refusal and changes nothing; students cannot use host controls or see votes.
import { describe, expect, it } from "vitest";
import { MESSAGE_TYPES, MESSAGES } from "../../shared/protocol/messages.ts";
import type { HistoryReply } from "../../shared/protocol/wireCodec.ts";
import { parseJoinError } from "../../shared/protocol/refusals.ts";
import type { SessionState } from "../../server/state/SessionState.ts";
import { createSession, joinStudent, refusalOf, snapshot, useTestServer, waitFor } from "./helpers.ts";

const testServer = useTestServer();

async function setUp() {
  const session = await createSession(testServer.colyseus);
  const ana = await joinStudent(testServer.colyseus, session.code, "Ana");
  const ben = await joinStudent(testServer.colyseus, session.code, "Ben");
  const server = testServer.colyseus.getRoomById(session.code) as unknown as { state: SessionState };
  return { ...session, ana, ben, server };
}

/** A payload of the wrong shape for each type. */
const MALFORMED: Record<string, unknown> = { extra: "x", policyId: 42 };

describe("refusals", () => {
  it("every message type with a malformed payload is refused as request/invalid-payload and changes nothing", async () => {
    const { host, ana, server } = await setUp();
    for (const type of MESSAGE_TYPES) {
      if (type === "welcome") continue;
      const sender = MESSAGES[type].who === "host" ? host : ana.room;
      const before = JSON.stringify(server.state.toJSON());
      const r = await refusalOf(sender.request(type, MALFORMED));
      expect(r.code, type).toBe("request/invalid-payload");
      expect(r.message).toBeTruthy();
      expect(JSON.stringify(server.state.toJSON()), type).toBe(before);
    }
  });

  it("student actions out of phase are refused as phase/not-open", async () => {
    const { ana, server } = await setUp();
    const before = JSON.stringify(server.state.toJSON());
    expect((await refusalOf(ana.room.request("propose", { policyId: "x" }))).code).toBe("phase/not-open");
    expect((await refusalOf(ana.room.request("endorse", { argumentId: "a1" }))).code).toBe("phase/not-open");
    expect((await refusalOf(ana.room.request("vote", { points: {} }))).code).toBe("phase/not-open");
    expect(JSON.stringify(server.state.toJSON())).toBe(before);
  });

  it("a student cannot advance, kick or use any host control", async () => {
    const { ana, ben, server } = await setUp();
    const before = JSON.stringify(server.state.toJSON());
    for (const type of MESSAGE_TYPES.filter((t) => MESSAGES[t].who === "host")) {
      const payload = type === "kick" ? { playerId: ben.welcome.playerId } : {};
      expect((await refusalOf(ana.room.request(type, payload))).code, type).toMatch(/^(auth\/not-host|request\/invalid-payload)$/);
    }
    expect((await refusalOf(ana.room.request("advance", {}))).code).toBe("auth/not-host");
    expect((await refusalOf(ana.room.request("kick", { playerId: ben.welcome.playerId! }))).code).toBe("auth/not-host");
    expect(JSON.stringify(server.state.toJSON())).toBe(before);
    const welcome = await ana.room.request("welcome", {});
    expect(welcome).not.toHaveProperty("hostKey");
  });

  it("the host cannot propose, endorse or vote", async () => {
    const { host } = await setUp();
    await host.request("start", {});
    expect((await refusalOf(host.request("propose", { policyId: "x" }))).code).toBe("auth/not-student");
  });

  it("a wrong host key is refused at join", async () => {
    const { code } = await setUp();
    const error = await testServer.colyseus.sdk.joinById(code, { as: "host", hostKey: "not-the-key" }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(parseJoinError(error).code).toBe("auth/bad-host-key");
  });

  it("over-limit and invalid actions in their own phase are refused and change nothing", async () => {
    const { host, ana, ben, server } = await setUp();
    await host.request("start", {});
    await host.request("advance", {});
    await waitFor(() => server.state.phase === "propose");
    const before = JSON.stringify(server.state.toJSON());
    expect((await refusalOf(ana.room.request("propose", { policyId: "no-such-policy" }))).code).toBe("propose/unknown-policy");
    const policyId = server.state.proposalCounts.keys().next().value as string;
    expect((await refusalOf(ana.room.request("propose", { policyId, figureId: "no-such-figure" }))).code).toBe("propose/unknown-figure");
    // Longer than the scenario allows (280) is the session's refusal; absurdly long is a malformed request.
    expect((await refusalOf(ana.room.request("propose", { policyId, argument: "x".repeat(281) }))).code).toBe("propose/argument-too-long");
    // Characters as a person sees them: 281 emoji (562 UTF-16 units) are too long …
    expect((await refusalOf(ana.room.request("propose", { policyId, argument: "👍🏽".repeat(281) }))).code).toBe("propose/argument-too-long");
    expect((await refusalOf(ana.room.request("propose", { policyId, argument: "x".repeat(2001) }))).code).toBe("request/invalid-payload");
    expect((await refusalOf(host.request("kick", { playerId: "nobody" }))).code).toBe("host/unknown-player");
    expect((await refusalOf(host.request("reassignRole", { playerId: ana.welcome.playerId!, roleId: "no-such-role" }))).code).toBe("host/unknown-role");
    expect((await refusalOf(host.request("spotlight", { argumentId: "a999" }))).code).toBe("host/unknown-argument");
    expect((await refusalOf(host.request("removeBots", { playerId: ana.welcome.playerId! }))).code).toBe("host/not-a-bot");
    expect((await refusalOf(host.request("addBots", { count: 1000, strategy: "random" }))).code).toBe("session/full");
    expect((await refusalOf(host.request("pause", {}))).code).toBe("phase/not-timed");
    expect((await refusalOf(host.request("start", {}))).code).toBe("phase/not-open");
    expect(JSON.stringify(server.state.toJSON())).toBe(before);
    // … and 280 of them fit.
    expect(await ana.room.request("propose", { policyId, argument: "👍🏽".repeat(280) })).toMatchObject({ proposal: { policyId } });

    await ana.room.request("propose", { policyId, argument: "Mine" });
    await ben.room.request("propose", { policyId, argument: "Yours" });
    await waitFor(() => server.state.phase === "debate");
    const own = [...server.state.arguments.values()].find((a) => a.text === "Mine")!;
    const other = [...server.state.arguments.values()].find((a) => a.text === "Yours")!;
    const beforeDebate = snapshot(ana.room);
    expect((await refusalOf(ana.room.request("endorse", { argumentId: own.id }))).code).toBe("debate/own-argument");
    expect((await refusalOf(ana.room.request("endorse", { argumentId: "a999" }))).code).toBe("debate/unknown-argument");
    await ana.room.request("endorse", { argumentId: other.id });
    expect((await refusalOf(ana.room.request("endorse", { argumentId: other.id }))).code).toBe("debate/already-endorsed");
    await waitFor(() => snapshot(ana.room) !== beforeDebate, 2000, "the endorsement to sync");

    await host.request("advance", {});
    await waitFor(() => server.state.phase === "vote");
    const beforeVote = JSON.stringify(server.state.toJSON());
    expect((await refusalOf(ana.room.request("vote", { points: { [policyId]: 1000 } }))).code).toMatch(/request\/invalid-payload|vote\/over-budget/);
    expect((await refusalOf(ana.room.request("vote", { points: { [policyId]: 99 } }))).code).toBe("vote/over-budget");
    expect((await refusalOf(ana.room.request("vote", { points: { [policyId]: 1 } }))).code).toBe("vote/under-budget");
    expect((await refusalOf(ana.room.request("vote", { points: { nope: server.state.votePoints } }))).code).toBe("vote/unknown-policy");
    expect((await refusalOf(ana.room.request("vote", { choice: policyId }))).code).toBe("vote/wrong-mode");
    expect(JSON.stringify(server.state.toJSON())).toBe(beforeVote);
  });

  it("an unknown send() type gets a typed refused message and keeps the connection", async () => {
    const { ana } = await setUp();
    const refused = new Promise<{ code: string }>((resolve) => ana.room.onMessage("refused", resolve));
    ana.room.send("no-such-type", { x: 1 });
    expect((await refused).code).toBe("request/unknown-type");
    const welcome = await ana.room.request("welcome", {});
    expect(welcome).toMatchObject({ seat: "student" });
  });

  it("after the session ends every request but welcome and history is refused as session/ended, and new students cannot join", async () => {
    const { host, ana, code, server } = await setUp();
    await host.request("endSession", {});
    expect(server.state.phase).toBe("ended");
    for (const type of MESSAGE_TYPES) {
      // Reading requests stay open: who you are, and the debrief's historical path.
      if (type === "welcome" || type === "history") continue;
      const sender = MESSAGES[type].who === "host" ? host : ana.room;
      const valid: Record<string, unknown> = {
        propose: { policyId: "p" }, endorse: { argumentId: "a1" }, vote: { choice: "p" }, extend: { seconds: 5 },
        kick: { playerId: "p1" }, reassignRole: { playerId: "p1", roleId: "r" }, spotlight: { argumentId: null },
        hideArgument: { argumentId: "a1" }, addBots: { count: 1, strategy: "random" }, removeBots: { count: 1 },
      };
      expect((await refusalOf(sender.request(type, valid[type] ?? {}))).code, type).toBe("session/ended");
    }
    // Ended before any debrief: there is no historical path to give.
    expect(((await ana.room.request("history", {})) as HistoryReply).years).toEqual([]);
    const error = await testServer.colyseus.sdk.joinById(code, { as: "student", nickname: "Late", deviceToken: "late-device-token-123" }).then(() => null, (e: unknown) => e);
    expect(parseJoinError(error).code).toBe("join/session-ended");
  });

  it("an unknown request type is answered with an error and keeps the connection", async () => {
    const { ana } = await setUp();
    const error = (await ana.room.request("no-such-type", {}).then(() => null, (e: unknown) => e)) as { name?: string } | null;
    expect(error?.name).toBe("no_handler");
    expect(await ana.room.request("welcome")).toMatchObject({ seat: "student" });
  });
});

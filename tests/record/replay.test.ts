// The journal is the session: a session played by real clients (students, bots, host moderation,
// timers) is rebuilt from its record by replay into exactly the state the live room holds, and
// the record never holds a raw device token.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReplayError, replaySession } from "../../server/record/replaySession.ts";
import { hashDeviceToken } from "../../server/record/sessionJournal.ts";
import type { SessionState } from "../../server/state/SessionState.ts";
import type { Mine } from "../../shared/protocol/stateTypes.ts";
import { UNTIMED, createSession, joinStudent, refusalOf, waitFor } from "../server/helpers.ts";
import { bootServer, type BootedServer } from "./bootServer.ts";
import { comparable } from "./comparableState.ts";

let colyseus: ColyseusTestServer;
let config: BootedServer["config"];
let stop: () => Promise<void>;
beforeAll(async () => {
  const booted = await bootServer();
  ({ colyseus, config, stop } = booted);
});
afterAll(async () => {
  await stop();
});

describe("the session record", () => {
  it("replays to the same state as the live room after two rounds with bots, moderation and timers", async () => {
    const { host, code } = await createSession(colyseus, { rounds: 2, timers: { ...UNTIMED, vote: 600 } });
    const server = colyseus.getRoomById(code) as unknown as { state: SessionState };
    const [ana, ben, caro] = await Promise.all(["Ana", "Ben", "Caro"].map((n) => joinStudent(colyseus, code, n)));
    await host.request("addBots", { count: 2, strategy: "random" });
    await host.request("reassignRole", { playerId: ben!.welcome.playerId!, roleId: server.state.players.get(ana!.welcome.playerId!)!.roleId });
    const policies = [...server.state.proposalCounts.keys()];
    await host.request("start", {});

    for (let round = 1; round <= 2; round++) {
      await waitFor(() => server.state.phase === "briefing" && server.state.round === round);
      await host.request("advance", {});
      await waitFor(() => server.state.phase === "propose");
      // Ana changes her mind: the replaced proposal and its argument must replay too.
      await ana!.room.request("propose", { policyId: policies[1]!, argument: `Round ${round}: Ana's first thought` });
      await ana!.room.request("propose", { policyId: policies[0]!, argument: `Round ${round}: Ana's second thought` });
      for (const [i, s] of [ben!, caro!].entries()) {
        await s.room.request("propose", { policyId: policies[(i + round) % policies.length]!, argument: `Round ${round}: argument of ${i}` });
      }
      await waitFor(() => server.state.phase === "debate", 4000, "debate");
      const mine = (await ana!.room.request("welcome", {})) as { mine: Mine };
      const others = [...server.state.arguments.values()].filter((a) => a.round === round && a.id !== mine.mine.proposal?.argumentId);
      await ana!.room.request("endorse", { argumentId: others[0]!.id });
      await ben!.room.request("endorse", { argumentId: mine.mine.proposal!.argumentId! });
      await host.request("spotlight", { argumentId: others[1]!.id });
      if (round === 2) await host.request("hideArgument", { argumentId: others[1]!.id, hidden: true });
      await host.request("advance", {});
      await waitFor(() => server.state.phase === "vote");
      await host.request("pause", {});
      await host.request("extend", { seconds: 30 });
      await host.request("resume", {});
      await ana!.room.request("vote", { points: { [policies[0]!]: server.state.votePoints } });
      await ben!.room.request("vote", { points: { [policies[1]!]: server.state.votePoints - 1, [policies[2]!]: 1 } });
      if (round === 2) await host.request("kick", { playerId: caro!.welcome.playerId! });
      else await caro!.room.request("vote", { points: { [policies[3]!]: server.state.votePoints } });
      await waitFor(() => server.state.phase === "resolve", 6000, "resolve after the last vote");
      await host.request("advance", {});
      await waitFor(() => server.state.phase === "results");
      await host.request("advance", {});
    }
    await waitFor(() => server.state.phase === "debrief");

    const [record] = await config.records.store.findByCode(code);
    expect(record).toBeDefined();
    await config.records.findLive(record!.id)?.flush();
    const events = await config.records.store.events(record!.id);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    const replayed = replaySession({ record: record!, events });
    expect(comparable(replayed.session.state)).toEqual(comparable(server.state));
    expect(replayed.session.hostKey).toBe(record!.hostKey);
    expect(replayed.session.getMine(ana!.welcome.playerId!)).toEqual((await ana!.room.request("welcome", {}) as { mine: Mine }).mine);

    // Seats are on record with nickname and role; a replay that seats differently is refused.
    const anaSeat = events.find((e) => e.entry.kind === "call" && e.entry.method === "seatStudent" && e.entry.args[0] === "Ana");
    expect(anaSeat?.entry).toMatchObject({ args: ["Ana", hashDeviceToken(ana!.deviceToken)], seats: [{ playerId: ana!.welcome.playerId, nickname: "Ana" }] });
    const tampered = events.map((e) => (e === anaSeat ? { ...e, entry: { ...e.entry, seats: [{ playerId: "p99", nickname: "Ana", roleId: "x" }] } } : e));
    expect(() => replaySession({ record: record!, events: tampered as typeof events })).toThrow(ReplayError);

    // Device tokens reach the record only as SHA-256 hashes.
    const file = readFileSync(join(config.settings.dataDir, "sessions.sqlite")).toString("latin1") + readFileSync(join(config.settings.dataDir, "sessions.sqlite-wal")).toString("latin1");
    expect(file).not.toContain(ana!.deviceToken);
    expect(file).toContain(hashDeviceToken(ana!.deviceToken));
  });

  it("writes nothing for a refused request and ends the record when the session ends", async () => {
    const { host, code } = await createSession(colyseus, { rounds: 1 });
    const student = await joinStudent(colyseus, code, "Dana");
    const [record] = await config.records.store.findByCode(code);
    const before = (await config.records.store.events(record!.id)).length;
    await refusalOf(student.room.request("vote", { points: {} }));
    await refusalOf(host.request("pause", {}));
    expect(await config.records.store.events(record!.id)).toHaveLength(before);
    expect((await config.records.store.get(record!.id))!.summary.students).toBe(1);

    await host.request("endSession", {});
    await waitFor(() => (colyseus.getRoomById(code) as unknown as { state: SessionState }).state.phase === "ended");
    await config.records.findLive(record!.id)?.flush();
    const ended = await config.records.store.get(record!.id);
    expect(ended!.endedAt).not.toBeNull();
    expect(ended!.summary.phase).toBe("ended");
  });
});

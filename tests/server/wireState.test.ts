// The synced state as it travels (issue 12): a phone sees the counts and no seat (its own comes by
// its own message), never who did what; no field is a JSON string; the year history grows by appending; the debrief's
// historical path comes by request, not in the state.
import { describe, expect, it } from "vitest";
import { toSnapshot } from "../../client/state/snapshot.ts";
import { INDICATORS } from "../../shared/content/vocabulary.ts";
import type { HistoryReply } from "../../shared/protocol/wireCodec.ts";
import { readYears } from "../../shared/protocol/wireCodec.ts";
import { getHistoricalPath, playPath } from "../../shared/rules/playPath.ts";
import { loadDefaultScenario } from "../support/defaultScenario.ts";
import { createSession, joinStudent, refusalOf, useTestServer, waitFor, type SessionRoomClient } from "./helpers.ts";

const testServer = useTestServer();
const scenario = loadDefaultScenario();

type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

/** Every string value in a decoded state's JSON, with its path. */
function stringsOf(value: Plain, path = "state"): { path: string; value: string }[] {
  if (typeof value === "string") return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringsOf(v, `${path}[${i}]`));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => stringsOf(v, `${path}.${k}`));
  return [];
}

function jsonOf(room: SessionRoomClient): Plain {
  return (room.state as unknown as { toJSON(): Plain }).toJSON();
}

/**
 * Drives an all-bot class with the host's advances until `phase` of `round` (bots propose, endorse
 * and vote by themselves, so only a phase the host ends can be waited for).
 */
async function playUntil(host: SessionRoomClient, phase: string, round: number): Promise<void> {
  const started = Date.now();
  while (!(host.state.phase === phase && host.state.round === round)) {
    if (Date.now() - started > 15_000) throw new Error(`stuck in ${host.state.phase} of round ${host.state.round}, waiting for ${phase} of ${round}`);
    const current = `${host.state.round}:${host.state.phase}`;
    if (["lobby"].includes(host.state.phase)) await host.request("start", {});
    else if (["briefing", "resolve", "results"].includes(host.state.phase)) await host.request("advance", {});
    await waitFor(() => `${host.state.round}:${host.state.phase}` !== current || (host.state.phase === phase && host.state.round === round), 8000, `a step after ${current}`);
  }
}

describe("per-student views, counts for everyone", () => {
  it("a student's decoded state holds no seat, only the counts; the host's holds every seat with who did what", async () => {
    const { host, code } = await createSession(testServer.colyseus);
    const ana = await joinStudent(testServer.colyseus, code, "Ana");
    const ben = await joinStudent(testServer.colyseus, code, "Ben");
    await joinStudent(testServer.colyseus, code, "Caro");
    await host.request("addBots", { count: 2, strategy: "random" });
    await waitFor(() => host.state.players.size === 5 && ben.room.state.playerCount === 5, 4000, "five seats");
    expect(ben.room.state.studentCount).toBe(3);
    expect(ben.room.state.connectedCount).toBe(5);
    expect(ben.room.state.players?.size ?? 0).toBe(0);
    expect(ben.ownSeat.current).toEqual({ playerId: ben.welcome.playerId, nickname: "Ben", roleId: host.state.players.get(ben.welcome.playerId!)!.roleId });

    await host.request("start", {});
    await host.request("advance", {});
    await waitFor(() => ben.room.state.phase === "propose", 4000, "propose");
    const policyId = scenario.policies[0]!.id;
    await ana.room.request("propose", { policyId });
    await waitFor(() => host.state.players.get(ana.welcome.playerId!)?.proposed === true, 4000, "the host to see that Ana proposed");
    await waitFor(() => toSnapshot(ben.room.state).proposedCount >= 1, 4000, "the count on Ben's phone");
    // Who proposed is nowhere in Ben's decoded state: no seat, no flag, not Ana's id anywhere.
    expect(ben.room.state.players?.size ?? 0).toBe(0);
    expect(JSON.stringify(jsonOf(ben.room))).not.toContain(`"${ana.welcome.playerId!}"`);
    expect(ben.ownSeat.received.every((seat) => seat.playerId === ben.welcome.playerId)).toBe(true);
    expect(host.state.players.get(ben.welcome.playerId!)?.proposed).toBe(false);
    expect(toSnapshot(host.state).proposedCount).toBe(toSnapshot(ben.room.state).proposedCount);

    // Ben's phone reloads (a new connection for the same device): his seat and his proposal come back.
    await ben.room.request("propose", { policyId });
    await ben.room.leave();
    const again = await joinStudent(testServer.colyseus, code, "Ben", ben.deviceToken);
    expect(again.welcome.playerId).toBe(ben.welcome.playerId);
    expect(again.welcome.mine?.proposal?.policyId).toBe(policyId);
    expect(again.ownSeat.current).toEqual(ben.ownSeat.current);
    expect(again.room.state.players?.size ?? 0).toBe(0);

    // A spectator (the /watch page) gets the counts, no seat.
    const watch = (await testServer.colyseus.sdk.joinById(code, { as: "spectator" })) as SessionRoomClient;
    await waitFor(() => watch.state.code === code, 4000, "the spectator's state");
    expect(watch.state.players?.size ?? 0).toBe(0);
    expect(watch.state.playerCount).toBe(5);
    expect(toSnapshot(watch.state).proposedCount).toBe(toSnapshot(host.state).proposedCount);
    expect(toSnapshot(host.state).proposedCount).toBe([...host.state.players.values()].filter((p) => p.proposed).length);
    await watch.leave();
  });

  it("the counts follow a kick", async () => {
    const { host, code } = await createSession(testServer.colyseus);
    const ana = await joinStudent(testServer.colyseus, code, "Ana");
    const ben = await joinStudent(testServer.colyseus, code, "Ben");
    await host.request("start", {});
    await host.request("advance", {});
    await waitFor(() => ana.room.state.phase === "propose", 4000, "propose");
    await ben.room.request("propose", { policyId: scenario.policies[0]!.id });
    await waitFor(() => toSnapshot(ana.room.state).proposedCount === 1, 4000, "one proposal");
    await host.request("kick", { playerId: ben.welcome.playerId! });
    await waitFor(() => ana.room.state.playerCount === 1, 4000, "the kick");
    expect(toSnapshot(ana.room.state).proposedCount).toBe(0);
    expect(ana.room.state.studentCount).toBe(1);
    expect(ana.room.state.connectedCount).toBe(1);
  });
});

describe("wire state", () => {
  it("no synced field is a JSON string, effects are word indexes, and the year history grows by appending", async () => {
    const { host, code } = await createSession(testServer.colyseus, { rounds: 2, seed: 11 });
    await host.request("addBots", { count: 3, strategy: "random" });
    const watch = (await testServer.colyseus.sdk.joinById(code, { as: "spectator" })) as SessionRoomClient;
    await waitFor(() => watch.state.playerCount === 3, 4000, "the bots");
    expect([...watch.state.indicatorIds]).toEqual([...INDICATORS]);
    expect([...watch.state.regionIds].sort()).toEqual(scenario.regions.map((r) => r.id).sort());

    await playUntil(host, "resolve", 1);
    await waitFor(() => watch.state.years.length === scenario.yearsPerRound && watch.state.effects.length > 0, 4000, "round 1 on the spectator");
    const firstYear = watch.state.years.at(0);
    const words = [...watch.state.words];
    expect(words[0]).toBe("");
    for (const e of watch.state.effects) {
      for (const index of [e.indicator, e.cause, e.explanationKey, e.region, ...e.figures]) expect(Number.isInteger(index) && index < words.length).toBe(true);
    }

    await playUntil(host, "resolve", 2);
    await waitFor(() => watch.state.years.length === 2 * scenario.yearsPerRound, 4000, "round 2 on the spectator");
    // The first year's decoded entry is the same object: round 2 appended, it did not re-send the history.
    expect(watch.state.years.at(0)).toBe(firstYear);
    // The word list only grew: round 1's effects still mean what they meant.
    expect([...watch.state.words].slice(0, words.length)).toEqual(words);

    for (const room of [watch, host]) {
      for (const { path, value } of stringsOf(jsonOf(room))) expect(/^\s*[[{]/.test(value), `${path} holds JSON`).toBe(false);
    }
    const seen = toSnapshot(watch.state);
    expect(seen.roundLog.map((r) => r.round)).toEqual([1, 2]);
    // The reveal's tally is the current round's log entry (not a second copy in the state).
    expect(seen.tally).toEqual(seen.roundLog[1]!.tally);
    expect(Object.values(seen.tally).reduce((a, b) => a + b, 0)).toBe(3 * watch.state.votePoints);
    // The year history travels as the schema's "number" (float32 where that loses under 1e-4), the
    // current indicators as float64: the same value to well within what any view shows.
    const current = watch.state.indicators.get("homicides")!;
    expect(Math.abs(seen.years.at(-1)!.indicators.homicides! - current) / current).toBeLessThan(1e-6);
    expect(seen.effects.every((e) => typeof e.indicator === "string" && e.explanationKey.length > 0)).toBe(true);
    await watch.leave();
  });

  it("the debrief's historical path is answered by the history request, equal to the rules' replay, and is not in the state", async () => {
    const seed = 5;
    const { host, code } = await createSession(testServer.colyseus, { rounds: 1, seed });
    await host.request("addBots", { count: 2, strategy: "random" });
    const watch = (await testServer.colyseus.sdk.joinById(code, { as: "spectator" })) as SessionRoomClient;
    await playUntil(host, "briefing", 1);
    expect((await refusalOf(watch.request("history", {}))).code).toBe("phase/not-open");
    await playUntil(host, "debrief", 1);
    const reply = (await watch.request("history", {})) as HistoryReply;
    const expected = playPath(scenario, getHistoricalPath(scenario), { seed })
      .years.filter((y) => y.round <= 1)
      .map((y) => ({ year: y.year, round: y.round, indicators: y.indicators, regions: y.regions }));
    expect(readYears(watch.state, reply.years)).toEqual(expected);
    await waitFor(() => watch.state.phase === "debrief", 4000, "the debrief on the spectator");
    expect(Object.keys(jsonOf(watch) as Record<string, Plain>)).not.toContain("historicalYears");
    await watch.leave();
  });
});

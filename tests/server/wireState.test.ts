// The synced state as it travels (issue 12): a phone sees the counts and no seat (its own comes by
// its own message), never who did what; no field is a JSON string; the year history grows by appending; the debrief's
// historical path comes by request, not in the state.
import { describe, expect, it } from "vitest";
import { toSnapshot } from "../../client/state/snapshot.ts";
import { INDICATORS, type Indicator } from "../../shared/content/vocabulary.ts";
import type { HistoryReply } from "../../shared/protocol/wireCodec.ts";
import { encodeYear, readYears, STATIC_WORDS } from "../../shared/protocol/wireCodec.ts";
import { getHistoricalPath, playPath } from "../../shared/rules/playPath.ts";
import { formatIndicatorValue } from "../../client/viewModels/format.ts";
import { getMapModel, type RegionShape } from "../../client/viewModels/mapModel.ts";
import { getMeters, type Meter } from "../../client/viewModels/metersModel.ts";
import { getWhyLines, type WhyLine } from "../../client/viewModels/whyLines.ts";
import type { Session } from "../../server/session/Session.ts";
import { getMix } from "../../server/session/roundResolution.ts";
import { shownDigitsOf, toWire, wireTolerance } from "../../shared/protocol/wirePrecision.ts";
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
    // A year's indicators come in the order of INDICATORS, which is code: the state does not carry it.
    expect(Object.keys(jsonOf(watch) as Record<string, Plain>)).not.toContain("indicatorIds");
    expect([...watch.state.regionIds].sort()).toEqual(scenario.regions.map((r) => r.id).sort());

    await playUntil(host, "resolve", 1);
    await waitFor(() => watch.state.years.length === scenario.yearsPerRound && watch.state.effects.length > 0, 4000, "round 1 on the spectator");
    const firstYear = watch.state.years.at(0);
    const words = [...watch.state.words];
    // Words code gives (indicators, explanation keys, levers) never travel; the rest travel once.
    for (const word of STATIC_WORDS) expect(words).not.toContain(word);
    expect(new Set(words).size).toBe(words.length);
    for (const e of watch.state.effects) {
      for (const index of [e.indicator, e.cause, e.explanationKey, e.region, ...e.figures]) expect(Number.isInteger(index) && index < STATIC_WORDS.length + words.length).toBe(true);
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
    // The country now is the last year: no second copy travels.
    expect(seen.indicators).toEqual(seen.years.at(-1)!.indicators);
    expect(seen.regions).toEqual(seen.years.at(-1)!.regions);
    for (const key of ["indicators", "regions", "organisations"]) expect(Object.keys(jsonOf(watch) as Record<string, Plain>)).not.toContain(key);
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
    // At the same precision as the class's own years, so the debrief's lines compare like with like.
    const formatOf = (indicator: string) => scenario.indicators[indicator as Indicator].format;
    const regionIds = [...watch.state.regionIds];
    expect(readYears(watch.state, reply.years)).toEqual(readYears(watch.state, expected.map((y) => encodeYear(y, INDICATORS, regionIds, formatOf))));
    await waitFor(() => watch.state.phase === "debrief", 4000, "the debrief on the spectator");
    expect(Object.keys(jsonOf(watch) as Record<string, Plain>)).not.toContain("historicalYears");
    await watch.leave();
  });
});

/** Ends every phase with the host's advance (nobody waits for students who never act) until `phase` of `round`. */
async function advanceUntil(host: SessionRoomClient, phase: string, round: number): Promise<void> {
  while (!(host.state.phase === phase && host.state.round === round)) {
    const current = `${host.state.round}:${host.state.phase}`;
    await host.request(host.state.phase === "lobby" ? "start" : "advance", {});
    await waitFor(() => `${host.state.round}:${host.state.phase}` !== current, 8000, `a step after ${current}`);
  }
}

describe("numbers at the precision views show", () => {
  it("a student decodes the resolve's numbers rounded as specified, every one within its precision of the server's, and every view shows the same figures", async () => {
    const { host, code } = await createSession(testServer.colyseus, { rounds: 2, seed: 23 });
    const ana = await joinStudent(testServer.colyseus, code, "Ana");
    await host.request("addBots", { count: 4, strategy: "random" });
    const room = testServer.colyseus.getRoomById(code) as unknown as { session: Session };
    await advanceUntil(host, "resolve", 2);
    await waitFor(() => ana.room.state.years.length === 2 * scenario.yearsPerRound && ana.room.state.round === 2 && ana.room.state.effects.length > 0, 4000, "round 2's reveal on Ana's phone");

    const seen = toSnapshot(ana.room.state);
    const full = room.session.classYears;
    expect(seen.years.length).toBe(full.length);
    const formatOf = (indicator: string) => scenario.indicators[indicator as Indicator].format;
    let rounded = 0;
    seen.years.forEach((year, i) => {
      const truth = full[i]!;
      for (const id of INDICATORS) {
        const digits = shownDigitsOf(formatOf(id));
        expect(year.indicators[id], `${year.year} ${id}`).toBe(toWire(truth.indicators[id]!, digits));
        expect(Math.abs(year.indicators[id]! - truth.indicators[id]!)).toBeLessThanOrEqual(wireTolerance(truth.indicators[id]!));
        if (year.indicators[id] !== truth.indicators[id]) rounded++;
        for (const lang of ["en", "es"] as const) expect(formatIndicatorValue(year.indicators[id]!, formatOf(id), lang)).toBe(formatIndicatorValue(truth.indicators[id]!, formatOf(id), lang));
      }
      for (const [regionId, region] of Object.entries(truth.regions)) {
        expect(year.regions[regionId]).toEqual({ homicides: toWire(region.homicides, 0), activeGroups: region.activeGroups });
      }
    });
    // The rules' doubles did not travel (the test would pass vacuously if nothing were rounded).
    expect(rounded).toBeGreaterThan(10);

    // What each view makes of them: the same figures as from the server's own values.
    const truthSnapshot = { ...seen, indicators: { ...full.at(-1)!.indicators }, regions: { ...full.at(-1)!.regions }, years: full };
    for (const lang of ["en", "es"] as const) {
      const meter = (m: Meter) => ({ indicator: m.indicator, valueText: m.valueText, deltaText: m.deltaText, arrow: m.arrow, tone: m.tone });
      expect(getMeters(scenario, seen, lang).map(meter)).toEqual(getMeters(scenario, truthSnapshot, lang).map(meter));
      const region = (r: RegionShape) => ({ id: r.id, homicidesText: r.homicidesText, groups: r.groups, level: r.level.index });
      expect(getMapModel(scenario, seen, lang).regions.map(region)).toEqual(getMapModel(scenario, truthSnapshot, lang).regions.map(region));
      // The why lines from the few rounded effects sent word what every effect at full precision would.
      const line = (w: WhyLine) => ({ indicator: w.indicator, regionName: w.regionName, deltaText: w.deltaText, tone: w.tone, text: w.text, citations: w.citations });
      expect(getWhyLines(scenario, seen.effects, lang).map(line)).toEqual(getWhyLines(scenario, room.session.roundEffects, lang).map(line));
    }
    for (const e of seen.effects) {
      const truth = room.session.roundEffects.find((f) => f.indicator === e.indicator && f.region === e.region && f.cause === e.cause && f.explanationKey === e.explanationKey)!;
      expect(e.delta).toBe(toWire(truth.delta, shownDigitsOf(formatOf(e.indicator)), "change"));
    }
    // The mix is worked out from the tally, as the server's.
    expect(seen.mix).toEqual(Object.fromEntries(scenario.policies.map((p) => [p.id, getMix(seen.tally, scenario)[p.id] ?? 0])));
  });
});

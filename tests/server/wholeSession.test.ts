// A whole session over the network: host + 3 students + 2 bots from the lobby to the debrief,
// checking the server's and a client's state after every phase.
import type { ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Mine, PlayerView } from "../../shared/protocol/stateTypes.ts";
import type { HistoryReply } from "../../shared/protocol/wireCodec.ts";
import { toSnapshot } from "../../client/state/snapshot.ts";
import type { SessionState } from "../../server/state/SessionState.ts";
import type { Session } from "../../server/session/Session.ts";
import { createSession, joinStudent, startServer, testPort, waitFor, type SessionRoomClient } from "./helpers.ts";

let colyseus: ColyseusTestServer;
beforeAll(async () => {
  ({ colyseus } = await startServer());
});
afterAll(async () => {
  await colyseus.shutdown();
});

describe("a whole session", () => {
  it("plays host + 3 students + 2 bots from lobby to debrief with state checked after every phase", async () => {
    const rounds = 2;
    const { host, welcome, code } = await createSession(colyseus, { rounds, voteMode: "points" });
    expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}$/);
    expect(welcome.seat).toBe("host");
    expect(welcome.hostKey).toBeTruthy();
    const server = colyseus.getRoomById(code) as unknown as { state: SessionState; session: Session };

    const students = await Promise.all(["Ana", "Ben", "Caro"].map((n) => joinStudent(colyseus, code, n)));
    const bots = (await host.request("addBots", { count: 2, strategy: "always-kingpin" })) as { playerIds: string[] };
    expect(bots.playerIds).toHaveLength(2);
    const viewer: SessionRoomClient = students[0]!.room;
    await waitFor(() => viewer.state.playerCount === 5 && host.state.players.size === 5);
    // A student's client holds no seat (its own comes by message); the host's holds every seat.
    expect(viewer.state.players?.size ?? 0).toBe(0);
    expect(students[0]!.ownSeat.current?.playerId).toBe(students[0]!.welcome.playerId);
    expect(viewer.state.studentCount).toBe(3);
    const roles = new Set<string>();
    host.state.players.forEach((p: PlayerView) => roles.add(p.roleId));
    expect(roles.size).toBeGreaterThan(1);

    const scenario = (await (await fetch(`http://127.0.0.1:${testPort}/api/scenarios/${server.state.scenarioId}`)).json()) as {
      policies: { id: string; figures: string[] }[];
      settings: { votePoints: number; endorsementsPerStudent: number };
    };
    const policies = scenario.policies.map((p) => p.id);
    const inPhase = async (phase: string) => {
      await waitFor(() => server.state.phase === phase && viewer.state.phase === phase, 4000, `phase ${phase}`);
    };

    await host.request("start", {});
    for (let round = 1; round <= rounds; round++) {
      await inPhase("briefing");
      expect(viewer.state.round).toBe(round);
      expect(toSnapshot(viewer.state).tally).toEqual({});
      await host.request("advance", {});

      await inPhase("propose");
      for (const [i, s] of students.entries()) {
        const mine = (await s.room.request("propose", { policyId: policies[i % policies.length]!, argument: `Argument ${i} of round ${round}`, figureId: scenario.policies[i % policies.length]!.figures[0] })) as Mine;
        expect(mine.proposal?.argumentId).toBeTruthy();
      }
      // Bots propose too; when everyone has proposed the phase ends by itself.
      await inPhase("debate");
      expect(server.state.arguments.size).toBeGreaterThanOrEqual(5 * round);
      // Students endorse each other's arguments (the debrief's top arguments are students' own, never bots').
      const roundArgs: { id: string; authorId: string }[] = [];
      viewer.state.arguments.forEach((a) => {
        if (a.round === round && !a.authorIsBot) roundArgs.push({ id: a.id, authorId: a.authorId });
      });
      for (const s of students) {
        const other = roundArgs.find((a) => a.authorId !== s.welcome.playerId)!;
        await s.room.request("endorse", { argumentId: other.id });
      }
      await host.request("advance", {});

      await inPhase("vote");
      expect(toSnapshot(viewer.state).tally).toEqual({});
      for (const s of students) await s.room.request("vote", { points: { [policies[1]!]: scenario.settings.votePoints } });
      await waitFor(() => server.state.phase === "resolve" || server.state.phase === "results");
      await inPhase("resolve");
      expect(viewer.state.votesCast).toBe(5);
      const seen = toSnapshot(viewer.state);
      const tallied = Object.values(seen.tally).reduce((a, b) => a + b, 0);
      expect(tallied).toBe(5 * scenario.settings.votePoints);
      expect(seen.mix[policies[1]!]).toBeCloseTo(0.6, 5);
      expect(seen.effects.length).toBeGreaterThan(0);
      expect(seen.years.length).toBe(round * 3);
      const lastYear = seen.years.at(-1)!;
      // The country now is the last year; its numbers are the server's to within what views show.
      expect(seen.indicators).toEqual(lastYear.indicators);
      expect(Math.abs(seen.indicators.homicides! - server.session.indicators.homicides)).toBeLessThan(0.1);
      expect(Object.keys(seen.regions).sort()).toEqual([...viewer.state.regionIds].sort());
      expect(viewer.state.roundLog.length).toBe(round);
      await host.request("advance", {});

      await inPhase("results");
      await host.request("advance", {});
    }
    await inPhase("debrief");
    const history = (await viewer.request("history", {})) as HistoryReply;
    expect(history.years.length).toBe(rounds * 3);
    expect(viewer.state.topArgumentIds.length).toBeGreaterThan(0);
    expect(viewer.state.historicalRoleScores.size).toBe(viewer.state.roleScores.size);
    expect(server.state.classOutcome).toBe(viewer.state.classOutcome);
    await host.request("endSession", {});
    await inPhase("ended");
  });
});

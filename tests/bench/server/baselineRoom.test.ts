// The benchmark's baseline room: requests mutate its small state, and its phases advance like a
// session's (at once when everyone acted, on timers otherwise), so both targets get the same traffic.
import { boot, type ColyseusTestServer } from "@colyseus/testing";
import config from "@colyseus/tools";
import type { Room } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASELINE_ROOM_NAME, BaselineRoom } from "./baselineRoom.ts";

interface BaselinePlayerView {
  proposed: boolean;
  voted: boolean;
  endorsementsUsed: number;
  endorsements: number;
  score: number;
}
type BaselineClient = Room<unknown, { phase: string; players: { get(id: string): BaselinePlayerView | undefined } }>;

/** Its own port range: the server tests use 3100 + the Vitest pool id. */
const PORT = 3300 + Number(process.env.VITEST_POOL_ID ?? 0);
const SHORT = { briefing: 0.05, propose: 30, debate: 30, vote: 30, resolve: 0.05, results: 0.05 };

let colyseus: ColyseusTestServer;
beforeAll(async () => {
  colyseus = await boot(config({ initializeGameServer: (gs) => gs.define(BASELINE_ROOM_NAME, BaselineRoom) }), PORT);
});
afterAll(async () => {
  await colyseus?.shutdown();
});

async function waitFor(predicate: () => boolean, label: string): Promise<void> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > 5000) throw new Error(`timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function setUp(endorsementsPerStudent: number): Promise<{ host: BaselineClient; students: BaselineClient[]; ids: string[] }> {
  const host = (await colyseus.sdk.create(BASELINE_ROOM_NAME, { rounds: 1, timers: SHORT, endorsementsPerStudent, votePoints: 10 })) as BaselineClient;
  const students = [
    (await colyseus.sdk.joinById(host.roomId, { as: "student", nickname: "a" })) as BaselineClient,
    (await colyseus.sdk.joinById(host.roomId, { as: "student", nickname: "b" })) as BaselineClient,
  ];
  const ids = await Promise.all(students.map(async (s) => ((await s.request("welcome", {})) as { playerId: string }).playerId));
  await host.request("start", {});
  await waitFor(() => host.state.phase === "propose", "propose");
  return { host, students, ids };
}

describe("baseline room", () => {
  it("shows each action in the state and ends each acting phase once every student acted", async () => {
    const { host, students, ids } = await setUp(1);
    await students[0]!.request("propose", { policyId: "p" });
    await waitFor(() => host.state.players.get(ids[0]!)?.proposed === true, "proposed");
    expect(host.state.phase).toBe("propose");
    await students[1]!.request("propose", { policyId: "p" });
    await waitFor(() => host.state.phase === "debate", "debate");
    await students[0]!.request("endorse", { playerId: ids[1] });
    await students[1]!.request("endorse", { playerId: ids[0] });
    await waitFor(() => host.state.phase === "vote", "vote");
    expect(host.state.players.get(ids[0]!)?.endorsementsUsed).toBe(1);
    await Promise.all(students.map((s) => s.request("vote", { points: { p: 10 } })));
    await waitFor(() => host.state.phase === "debrief", "debrief after the timed reveal");
    expect(host.state.players.get(ids[1]!)?.score).toBe(1);
    await Promise.all([host, ...students].map((r) => r.leave()));
  });

  it("skips a debate in which nobody has an endorsement to give, like a session without arguments", async () => {
    const { host, students } = await setUp(0);
    await Promise.all(students.map((s) => s.request("propose", { policyId: "p" })));
    await waitFor(() => host.state.phase === "vote", "vote");
    await Promise.all([host, ...students].map((r) => r.leave()));
  });

  it("refuses an action outside its phase without changing the state", async () => {
    const { host, students, ids } = await setUp(1);
    expect(await students[0]!.request("vote", { points: { p: 10 } })).toEqual({ ok: false });
    await new Promise((r) => setTimeout(r, 120));
    expect(host.state.players.get(ids[0]!)?.voted).toBe(false);
    await Promise.all([host, ...students].map((r) => r.leave()));
  });
});

// Restart recovery with a real server process: a session killed with SIGKILL mid-vote comes back
// after a restart under the same code, paused, with every seat, choice and the board intact; the
// host's key works, students reclaim their seats with their device tokens, and it plays to the
// debrief. Its report (JSON and CSV) then says what was played.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client, type Room } from "@colyseus/sdk";
import { afterAll, describe, expect, it } from "vitest";
import type { Mine, SessionStateView, Welcome } from "../../shared/protocol/stateTypes.ts";
import { OWN_SEAT_MESSAGE } from "../../shared/protocol/stateTypes.ts";
import type { HistoryReply } from "../../shared/protocol/wireCodec.ts";
import { toSnapshot } from "../../client/state/snapshot.ts";
import { ReportSchema, type Report } from "../../shared/report/reportSchema.ts";
import { getFreePort } from "../e2e/support/testServer.ts";
import { UNTIMED, waitFor } from "../server/helpers.ts";
import { STALE_MS } from "../../server/record/SessionRecords.ts";
import { startServerProcess, type ServerProcess } from "./serverProcess.ts";

type SessionRoom = Room<unknown, SessionStateView>;

let server: ServerProcess | null = null;
const rooms: SessionRoom[] = [];
afterAll(async () => {
  for (const r of rooms) r.reconnection.enabled = false;
  await Promise.all(rooms.map((r) => r.leave().catch(() => undefined)));
  await server?.stop("SIGTERM");
});

function track(room: SessionRoom): SessionRoom {
  room.reconnection.minUptime = 0;
  // A student's seat message comes before every welcome; these tests do not read it (the SDK warns about unbound messages).
  room.onMessage(OWN_SEAT_MESSAGE, () => undefined);
  rooms.push(room);
  return room;
}

/** The board as the host's client decoded it, without connection flags and the clock. */
function board(room: SessionRoom): Record<string, unknown> {
  const json = (room.state as unknown as { toJSON(): Record<string, unknown> }).toJSON();
  for (const p of Object.values(json.players as Record<string, Record<string, unknown>>)) delete p.connected;
  for (const key of ["hostConnected", "spectators", "connectedCount", "endsAt", "pausedRemainingMs"]) delete json[key];
  return json;
}

async function retry<T>(what: string, attempt: () => Promise<T>, timeoutMs: number): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw new Error(`${what}: still failing after ${timeoutMs} ms: ${String(error)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

describe("restart recovery", () => {
  it("a session killed with SIGKILL mid-vote resumes after a restart with every seat, choice and the board, and plays to the debrief", { timeout: 90_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "hc-restart-"));
    const port = await getFreePort();
    server = await startServerProcess({ port, dataDir });
    const client = new Client(server.url);
    const scenario = (await (await fetch(`${server.url}/api/scenarios/mexico-2006`)).json()) as { policies: { id: string }[] };
    const policies = scenario.policies.map((p) => p.id);

    const host = track((await client.create("session", { rounds: 2, timers: { ...UNTIMED, vote: 300 } })) as SessionRoom);
    const hostWelcome = (await host.request("welcome", {})) as Welcome;
    const code = host.roomId;
    const names = ["Ana", "Ben", "Caro"];
    const tokens = names.map((n) => `restart-${n}-${process.pid}-device`);
    const students = await Promise.all(names.map(async (nickname, i) => track((await client.joinById(code, { as: "student", nickname, deviceToken: tokens[i] })) as SessionRoom)));
    const ids = await Promise.all(students.map(async (s) => ((await s.request("welcome", {})) as Welcome).playerId!));
    await host.request("addBots", { count: 1, strategy: "always-kingpin" });
    await host.request("start", {});

    const played: { round: number; votes: Record<string, Record<string, number>> }[] = [];
    for (let round = 1; round <= 2; round++) {
      await waitFor(() => host.state.phase === "briefing" && host.state.round === round, 8000, `briefing ${round}`);
      await host.request("advance", {});
      await waitFor(() => host.state.phase === "propose", 8000, "propose");
      for (const [i, s] of students.entries()) await s.request("propose", { policyId: policies[(i + round) % policies.length]!, argument: `${names[i]} argues in round ${round}` });
      await waitFor(() => host.state.phase === "debate", 8000, "debate");
      const args = [...(host.state.arguments as unknown as Map<string, { id: string; round: number; authorId: string }>).values()].filter((a) => a.round === round);
      for (const [i, s] of students.entries()) await s.request("endorse", { argumentId: args.find((a) => a.authorId !== ids[i])!.id });
      await host.request("advance", {});
      await waitFor(() => host.state.phase === "vote", 8000, "vote");
      const votes: Record<string, Record<string, number>> = {};
      const voters = round === 1 ? students : students.slice(0, 2);
      for (const [i, s] of voters.entries()) {
        const points = { [policies[i]!]: host.state.votePoints - 2, [policies[i + 3]!]: 2 };
        votes[names[i]!] = points;
        await s.request("vote", { points });
      }
      played.push({ round, votes });
      if (round === 2) break;
      await waitFor(() => host.state.phase === "resolve", 8000, "resolve");
      await host.request("advance", {});
      await waitFor(() => host.state.phase === "results", 8000, "results");
      await host.request("advance", {});
    }
    // Mid-vote in round 2: Ana and Ben voted, the bot too, Caro not yet.
    await waitFor(() => host.state.votesCast === 3, 8000, "the bot's vote");
    const before = board(host);
    const minesBefore = await Promise.all(students.map(async (s) => ((await s.request("welcome", {})) as Welcome).mine!));
    for (const r of rooms) r.reconnection.enabled = false;
    await server.stop("SIGKILL");
    rooms.length = 0;

    server = await startServerProcess({ port, dataDir });
    // Restored once the killed process's heartbeat is stale (a few seconds), under the same code.
    const back = track(
      (await retry("the host rejoining with the host key", () => client.joinById(code, { as: "host", hostKey: hostWelcome.hostKey! }), 40_000)) as SessionRoom,
    );
    await waitFor(() => back.state.phase === "vote", 8000, "restored state");
    expect(back.roomId).toBe(code);
    expect(board(back)).toEqual(before);
    expect(back.state.endsAt).toBe(0);
    expect(back.state.pausedRemainingMs).toBeGreaterThan(0);
    expect(back.state.pausedRemainingMs).toBeLessThanOrEqual(300_000);

    const returned = await Promise.all(
      names.map(async (nickname, i) => track((await client.joinById(code, { as: "student", nickname, deviceToken: tokens[i] })) as SessionRoom)),
    );
    for (const [i, s] of returned.entries()) {
      const welcome = (await s.request("welcome", {})) as Welcome;
      expect(welcome.playerId).toBe(ids[i]);
      expect(welcome.mine).toEqual(minesBefore[i] as Mine);
    }
    // Early ends wait for the host: Caro's vote alone does not end the phase before Resume.
    await returned[2]!.request("vote", { points: { [policies[2]!]: back.state.votePoints } });
    played[1]!.votes.Caro = { [policies[2]!]: back.state.votePoints };
    await new Promise((r) => setTimeout(r, 300));
    expect(back.state.phase).toBe("vote");
    await back.request("resume", {});
    await waitFor(() => back.state.phase === "resolve", 8000, "resolve after resume");
    await back.request("advance", {});
    await waitFor(() => back.state.phase === "results", 8000, "results");
    await back.request("advance", {});
    await waitFor(() => back.state.phase === "debrief", 8000, "debrief");
    expect(back.state.roundLog.length).toBe(2);
    expect(((await back.request("history", {})) as HistoryReply).years.length).toBeGreaterThan(0);

    // The report says what was played, before and after the restart.
    const auth = { Authorization: `Bearer ${hostWelcome.hostKey!}` };
    const res = await fetch(`${server.url}/api/sessions/${code}/report.json`, { headers: auth });
    expect(res.status, server.output().slice(-3000)).toBe(200);
    const report: Report = ReportSchema.parse(await res.json());
    expect(report.session.code).toBe(code);
    expect(report.session.phase).toBe("debrief");
    expect(report.session.roundsPlayed).toBe(2);
    expect(report.rounds.map((r) => r.resolved)).toEqual([true, true]);
    for (const { round, votes } of played) {
      for (const [nickname, points] of Object.entries(votes)) {
        const student = report.students.find((s) => s.nickname === nickname)!;
        expect(student.rounds.find((r) => r.round === round)?.vote).toEqual({ points });
        expect(report.arguments.some((a) => a.round === round && a.authorNickname === nickname && a.text === `${nickname} argues in round ${round}`)).toBe(true);
      }
      expect(report.rounds[round - 1]!.tally).toEqual(toSnapshot(back.state).roundLog[round - 1]!.tally);
    }
    expect(report.scores.classOutcome).toBe(back.state.classOutcome);
    const csv = await (await fetch(`${server.url}/api/sessions/${code}/report.csv`, { headers: auth })).text();
    expect(csv).toContain("Caro argues in round 2");
    expect(csv.trim().split("\n")).toHaveLength(1 + 2 * 4);
    await server.stop("SIGTERM");
    server = null;
  });

  it("a session stopped with Ctrl+C (SIGTERM) in the lobby is let go and comes back as soon as the server starts again", { timeout: 60_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "hc-restart-"));
    const port = await getFreePort();
    server = await startServerProcess({ port, dataDir });
    const client = new Client(server.url);
    const host = track((await client.create("session", { rounds: 1 })) as SessionRoom);
    const hostKey = ((await host.request("welcome", {})) as Welcome).hostKey!;
    const code = host.roomId;
    const student = track((await client.joinById(code, { as: "student", nickname: "Dora", deviceToken: `sigterm-${process.pid}-device` })) as SessionRoom);
    const { playerId } = (await student.request("welcome", {})) as Welcome;
    for (const r of rooms) r.reconnection.enabled = false;
    await server.stop("SIGTERM");
    rooms.length = 0;
    expect(server.output()).toContain("Session server stopped.");

    const restartedAt = Date.now();
    server = await startServerProcess({ port, dataDir });
    const lookup = await fetch(`${server.url}/api/sessions/lookup`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sessions: [{ code, hostKey }] }),
    });
    expect(((await lookup.json()) as { sessions: { status: string }[] }).sessions.map((s) => s.status)).toEqual(["live"]);
    const back = track((await retry("the host rejoining", () => client.joinById(code, { as: "host", hostKey }), 40_000)) as SessionRoom);
    // Not held back like a crashed process's sessions (which wait for its heartbeat to go stale).
    expect(Date.now() - restartedAt).toBeLessThan(STALE_MS);
    await waitFor(() => back.state.phase === "lobby" && back.state.players.size === 1, 8000, "the restored lobby");
    const again = track((await client.joinById(code, { as: "student", nickname: "Dora", deviceToken: `sigterm-${process.pid}-device` })) as SessionRoom);
    expect(((await again.request("welcome", {})) as Welcome).playerId).toBe(playerId);
  });
});

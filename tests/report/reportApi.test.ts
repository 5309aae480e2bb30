// The report API over HTTP with real clients: authorisation by host key (401/404), the JSON and
// both CSV sheets matching what was played, formula cells neutralised, the teacher's lookup, and
// deleting a record (refused while live).
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import type { ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guardCell } from "../../server/report/reportCsv.ts";
import type { Session } from "../../server/session/Session.ts";
import { toWire } from "../../shared/protocol/wirePrecision.ts";
import type { SessionState } from "../../server/state/SessionState.ts";
import { getReveal, readEffects, readRoundLog } from "../../shared/protocol/wireCodec.ts";
import { ReportSchema, type Report } from "../../shared/report/reportSchema.ts";
import { SessionLookupResponseSchema } from "../../shared/report/sessionListSchema.ts";
import { parseCsv } from "./parseCsv.ts";
import { bootServer, type BootedServer } from "../record/bootServer.ts";
import { UNTIMED, createSession, joinStudent, waitFor } from "../server/helpers.ts";

let base = "";
let colyseus: ColyseusTestServer;
let config: BootedServer["config"];
let stop: () => Promise<void>;
beforeAll(async () => {
  const booted = await bootServer();
  ({ colyseus, config, stop } = booted);
  base = booted.url;
});
afterAll(async () => {
  await stop();
});

const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

/** Plays one round: Ana argues with a formula-looking text and a figure, Ben endorses it, both vote; ends in results. */
async function playOneRound() {
  const { host, welcome, code } = await createSession(colyseus, { rounds: 1, timers: UNTIMED, language: "es", voteMode: "single" });
  const server = colyseus.getRoomById(code) as unknown as { state: SessionState; session: Session };
  const ana = await joinStudent(colyseus, code, "Ana");
  const ben = await joinStudent(colyseus, code, "=Ben");
  const scenario = (await (await fetch(`${base}/api/scenarios/mexico-2006`)).json()) as { policies: { id: string; figures: string[] }[] };
  const [first, second] = scenario.policies;
  await host.request("start", {});
  await host.request("advance", {});
  await waitFor(() => server.state.phase === "propose");
  await ana.room.request("propose", { policyId: first!.id, argument: "=HYPERLINK(\"http://x\") drives the cost", figureId: first!.figures[0] });
  await ben.room.request("propose", { policyId: second!.id });
  await waitFor(() => server.state.phase === "debate");
  const anaArgument = [...server.state.arguments.values()][0]!;
  // Ben has endorsed everything he may and Ana has nothing to endorse: the debate ends by itself.
  await ben.room.request("endorse", { argumentId: anaArgument.id });
  await waitFor(() => server.state.phase === "vote");
  await ana.room.request("vote", { choice: first!.id });
  await ben.room.request("vote", { choice: first!.id });
  await waitFor(() => server.state.phase === "resolve");
  await host.request("advance", {});
  await waitFor(() => server.state.phase === "results");
  return { host, code, hostKey: welcome.hostKey!, server, ana, ben, first: first!, second: second!, argumentId: anaArgument.id };
}

describe("the report API", () => {
  it("answers 401 without or with a wrong key and 404 for an unknown code; a refused delete leaves the record", async () => {
    const { code, hostKey } = await playOneRound();
    expect((await fetch(`${base}/api/sessions/${code}/report.json`)).status).toBe(401);
    const wrong = await fetch(`${base}/api/sessions/${code}/report.json`, { headers: bearer("not-the-key") });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { code: string }).code).toBe("auth/bad-host-key");
    expect((await fetch(`${base}/api/sessions/ZZZZZ/report.json`, { headers: bearer(hostKey) })).status).toBe(404);
    expect((await fetch(`${base}/api/sessions/not-a-code/report.csv`, { headers: bearer(hostKey) })).status).toBe(404);
    expect((await fetch(`${base}/api/sessions/${code}/report.csv?sheet=grades`, { headers: bearer(hostKey) })).status).toBe(400);
    expect((await fetch(`${base}/api/sessions/${code}`, { method: "DELETE", headers: bearer("nope") })).status).toBe(401);
    expect((await fetch(`${base}/api/sessions/${code}/report.json`, { headers: bearer(hostKey) })).status).toBe(200);
  });

  it("serves JSON and CSV that match what was played, with formula cells neutralised", async () => {
    const { code, hostKey, server, first, argumentId } = await playOneRound();
    const report: Report = ReportSchema.parse(await (await fetch(`${base}/api/sessions/${code}/report.json`, { headers: bearer(hostKey) })).json());
    expect(report.session).toMatchObject({ code, status: "live", phase: "results", roundsPlayed: 1, totalRounds: 1, language: "es" });
    const [round] = report.rounds;
    expect(round).toMatchObject({ round: 1, resolved: true, votes: 2, tally: getReveal(readRoundLog(server.state), server.state.round).tally });
    expect(round!.mix[first.id]).toBeCloseTo(1, 6);
    // The report keeps the rules' full precision (the synced state carries what views show).
    expect(round!.indicatorsEnd.homicides).toBe(server.session.indicators.homicides);
    expect(round!.why.length).toBeGreaterThan(0);
    expect(round!.why[0]!.text).not.toMatch(/\{\w+\}/);
    // The report tells the same main story as the board and the phones: the biggest homicide effect leads.
    const biggestHomicide = Math.max(...readEffects(server.state).filter((e) => e.indicator === "homicides").map((e) => Math.abs(e.delta)));
    expect(round!.why[0]!.indicator).toBe("homicides");
    // The report's delta at full precision, the board's as it travels (shared/protocol/wirePrecision.ts).
    expect(Math.abs(toWire(round!.why[0]!.delta, 0, "change"))).toBe(biggestHomicide);
    const argument = report.arguments.find((a) => a.id === argumentId)!;
    expect(argument).toMatchObject({ authorNickname: "Ana", endorsements: 1, hidden: false, text: "=HYPERLINK(\"http://x\") drives the cost" });
    expect(argument.figure?.id).toBe(first.figures[0]);
    const ana = report.students.find((s) => s.nickname === "Ana")!;
    expect(ana.rounds).toEqual([
      { round: 1, proposedPolicyId: first.id, argumentId, figureId: first.figures[0], endorsementsGiven: 0, endorsementsReceived: 1, vote: { choice: first.id } },
    ]);
    expect(report.students.find((s) => s.nickname === "=Ben")!.rounds[0]).toMatchObject({ endorsementsGiven: 1, endorsementsReceived: 0, argumentId: null });

    const res = await fetch(`${base}/api/sessions/${code}/report.csv`, { headers: bearer(hostKey) });
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toContain(`hidden-costs-${code}-`);
    const rows = parseCsv(await res.text()) as string[][];
    expect(rows[0]).toEqual(["round", "nickname", "bot", "role", "proposed policy", "argument", "figure cited", "endorsements given", "endorsements received", "vote"]);
    expect(rows).toHaveLength(3);
    const anaRow = rows.find((r) => r[1] === "Ana")!;
    expect(anaRow[5]).toBe("'=HYPERLINK(\"http://x\") drives the cost");
    expect(anaRow.slice(7, 9)).toEqual(["0", "1"]);
    expect(rows.find((r) => r[1] === "'=Ben")).toBeDefined();

    const roundsCsv = parseCsv(await (await fetch(`${base}/api/sessions/${code}/report.csv?sheet=rounds`, { headers: bearer(hostKey) })).text()) as string[][];
    expect(roundsCsv).toHaveLength(2);
    expect(roundsCsv[0]!.slice(0, 7)).toEqual(["round", "title", "years", "events", "votes", "tally", "mix"]);
    expect(roundsCsv[1]![4]).toBe("2");
    expect(roundsCsv[1]![6]).toContain("100%");
    expect(roundsCsv[1]!.at(-1)).toContain(round!.why[0]!.text.slice(0, 20));
  });

  it("keeps an ended session's report as it was when it ended, even if its journal later replays differently", async () => {
    const { host, code, hostKey, server } = await playOneRound();
    await host.request("endSession", {});
    await waitFor(() => server.state.phase === "ended");
    const [record] = await config.records.store.findByCode(code);
    await config.records.findLive(record!.id)?.flush();
    const kept = (await config.records.store.get(record!.id))!.reportJson;
    expect(kept).not.toBeNull();
    const before = ReportSchema.parse(await (await fetch(`${base}/api/sessions/${code}/report.json`, { headers: bearer(hostKey) })).json());
    expect(before.rounds).toHaveLength(1);
    expect(before.session.status).toBe("ended");
    // An updated app would replay the journal with other rules; here the journal is simply emptied.
    const db = new DatabaseSync(join(config.settings.dataDir, "sessions.sqlite"));
    db.prepare("DELETE FROM session_events WHERE session_id = ?").run(record!.id);
    db.close();
    const after = ReportSchema.parse(await (await fetch(`${base}/api/sessions/${code}/report.json`, { headers: bearer(hostKey) })).json());
    expect(after).toEqual(before);
  });

  it("serves the report kept at a shutdown when an updated app can no longer replay a session's record", async () => {
    const { code, hostKey } = await playOneRound();
    const [record] = await config.records.store.findByCode(code);
    // What a clean shutdown does to each live session's record.
    await config.records.findLive(record!.id)!.finish({ shuttingDown: true });
    const before = ReportSchema.parse(await (await fetch(`${base}/api/sessions/${code}/report.json`, { headers: bearer(hostKey) })).json());
    // The new version's scenario schema no longer accepts the stored scenario.
    const db = new DatabaseSync(join(config.settings.dataDir, "sessions.sqlite"));
    db.prepare("UPDATE session_documents SET scenario_json = ? WHERE session_id = ?").run(JSON.stringify({ id: "mexico-2006" }), record!.id);
    db.close();
    const res = await fetch(`${base}/api/sessions/${code}/report.json`, { headers: bearer(hostKey) });
    expect(res.status).toBe(200);
    expect({ ...ReportSchema.parse(await res.json()), generatedAt: "" }).toEqual({ ...before, generatedAt: "" });
  });

  it("guards every cell that a spreadsheet would run as a formula", () => {
    for (const bad of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"]) expect(guardCell(bad)).toBe(`'${bad}`);
    for (const fine of ["1-1", "Ana", "", "'quoted"]) expect(guardCell(fine)).toBe(fine);
  });

  it("lists the sessions the browser holds keys for, and deletes a record only once the session ended", async () => {
    const one = await playOneRound();
    const two = await playOneRound();
    const lookup = await fetch(`${base}/api/sessions/lookup`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sessions: [{ code: one.code, hostKey: one.hostKey }, { code: two.code, hostKey: "wrong" }, { code: "ZZZZZ", hostKey: "x" }] }),
    });
    const listed = SessionLookupResponseSchema.parse(await lookup.json()).sessions;
    expect(listed).toEqual([expect.objectContaining({ code: one.code, status: "live", roundsPlayed: 1, totalRounds: 1, students: 2, phase: "results", language: "es" })]);
    const bad = await fetch(`${base}/api/sessions/lookup`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ sessions: "all" }) });
    expect(bad.status).toBe(400);
    const tooMany = Array.from({ length: 101 }, () => ({ code: one.code, hostKey: one.hostKey }));
    expect((await fetch(`${base}/api/sessions/lookup`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ sessions: tooMany }) })).status).toBe(400);

    const live = await fetch(`${base}/api/sessions/${one.code}`, { method: "DELETE", headers: bearer(one.hostKey) });
    expect(live.status).toBe(409);
    await one.host.request("endSession", {});
    await waitFor(() => one.server.state.phase === "ended");
    const [record] = await config.records.store.findByCode(one.code);
    await config.records.findLive(record!.id)?.flush();
    // An ended session's report is still there, from the record.
    const ended = ReportSchema.parse(await (await fetch(`${base}/api/sessions/${one.code}/report.json`, { headers: bearer(one.hostKey) })).json());
    expect(ended.session.status).toBe("ended");
    expect(ended.session.endedAt).not.toBeNull();
    expect((await fetch(`${base}/api/sessions/${one.code}`, { method: "DELETE", headers: bearer(one.hostKey) })).status).toBe(204);
    expect((await fetch(`${base}/api/sessions/${one.code}/report.json`, { headers: bearer(one.hostKey) })).status).toBe(404);
    expect(await config.records.store.get(record!.id)).toBeNull();
  });
});

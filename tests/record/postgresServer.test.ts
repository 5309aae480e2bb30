// The whole server on PostgreSQL (DATABASE_URL): a session played by real clients is journaled in
// the database, replays to the live state, and its report is served from there. Skipped with a
// message only when no PostgreSQL binaries are installed.
import type { ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replaySession } from "../../server/record/replaySession.ts";
import type { SessionState } from "../../server/state/SessionState.ts";
import { ReportSchema } from "../../shared/report/reportSchema.ts";
import { UNTIMED, createSession, joinStudent, waitFor } from "../server/helpers.ts";
import { findPostgresBin, startPostgresCluster, type PostgresCluster } from "../storage/postgresCluster.ts";
import { bootServer, type BootedServer } from "./bootServer.ts";
import { comparable } from "./comparableState.ts";

if (!findPostgresBin()) {
  describe("the server on PostgreSQL", () => {
    it.skip("skipped: no PostgreSQL binaries (initdb, pg_ctl); install Debian's postgresql to run it", () => undefined);
  });
} else {
  let cluster: PostgresCluster | null = null;
  let booted: BootedServer | null = null;
  beforeAll(async () => {
    cluster = await startPostgresCluster();
    if (!cluster) throw new Error("PostgreSQL binaries were found but the cluster did not start");
    booted = await bootServer({ databaseUrl: cluster.url });
  });
  afterAll(async () => {
    await booted?.stop();
    cluster?.stop();
  });

  describe("the server on PostgreSQL", () => {
    it("journals a played round in PostgreSQL, replays it to the live state and serves its report", async () => {
      const colyseus: ColyseusTestServer = booted!.colyseus;
      const records = booted!.config.records;
      expect(records.store.kind).toBe("postgres");
      const { host, welcome, code } = await createSession(colyseus, { rounds: 1, timers: UNTIMED });
      const server = colyseus.getRoomById(code) as unknown as { state: SessionState };
      const students = await Promise.all(["Ana", "Ben"].map((n) => joinStudent(colyseus, code, n)));
      await host.request("addBots", { count: 1, strategy: "evidence-follower" });
      const policies = [...server.state.proposalCounts.keys()];
      await host.request("start", {});
      await host.request("advance", {});
      await waitFor(() => server.state.phase === "propose");
      for (const [i, s] of students.entries()) await s.room.request("propose", { policyId: policies[i]!, argument: `PostgreSQL argument ${i}` });
      await waitFor(() => server.state.phase === "debate");
      await host.request("advance", {});
      await waitFor(() => server.state.phase === "vote");
      for (const s of students) await s.room.request("vote", { points: { [policies[0]!]: server.state.votePoints } });
      await waitFor(() => server.state.phase === "resolve");

      const [record] = await records.store.findByCode(code);
      await records.findLive(record!.id)?.flush();
      const replayed = replaySession({ record: record!, events: await records.store.events(record!.id) });
      expect(comparable(replayed.session.state)).toEqual(comparable(server.state));

      const res = await fetch(`${booted!.url}/api/sessions/${code}/report.json`, { headers: { Authorization: `Bearer ${welcome.hostKey!}` } });
      const report = ReportSchema.parse(await res.json());
      expect(report.rounds[0]).toMatchObject({ resolved: true, votes: 3 });
      expect(report.arguments.filter((a) => a.text.startsWith("PostgreSQL argument"))).toHaveLength(2);
    });
  });
}

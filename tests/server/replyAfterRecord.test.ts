// "Saved" means recorded: a student's accepted action is answered only once it is committed to the
// session record, so a server killed right after a phone showed "Your vote is saved" still has the
// vote when it comes back (tests/record/restart.test.ts plays that through a real SIGKILL).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ColyseusTestServer } from "@colyseus/testing";
import type { SqliteSessionStore } from "../../server/storage/sqliteSessionStore.ts";
import { loadDefaultScenario } from "../support/defaultScenario.ts";
import { createSession, joinStudent, startServer, waitFor } from "./helpers.ts";

const scenario = loadDefaultScenario();
let colyseus: ColyseusTestServer;
let store: SqliteSessionStore;

beforeAll(async () => {
  const started = await startServer();
  colyseus = started.colyseus;
  store = started.config.records.store as SqliteSessionStore;
});

afterAll(async () => {
  await colyseus?.shutdown();
});

describe("an action's reply waits for its record", () => {
  it("a proposal is answered only after the journal write that holds it is committed", async () => {
    const { host, code } = await createSession(colyseus);
    const ana = await joinStudent(colyseus, code, "Ana");
    await host.request("start", {});
    await host.request("advance", {});
    await waitFor(() => ana.room.state.phase === "propose", 4000, "propose");

    // Hold the store's commits: the proposal is accepted and queued, but not yet on disk.
    const commit = store.commitPending.bind(store);
    let held = 0;
    store.commitPending = () => {
      held += 1;
    };
    let answered = false;
    const reply = ana.room.request("propose", { policyId: scenario.policies[0]!.id }).then(() => (answered = true));
    await waitFor(() => held > 0, 4000, "the store asked to commit the proposal");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(answered).toBe(false);

    store.commitPending = commit;
    commit();
    await reply;
    expect(answered).toBe(true);
  });
});

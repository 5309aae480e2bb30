// Kick (issue 10, item 8): the kicked student's endorsements stop counting, their argument stays
// unless the host asks to remove it, and their nickname is blocked as well as their device.
import { describe, expect, it } from "vitest";
import type { Mine } from "../../shared/protocol/index.ts";
import { MINE_MESSAGE } from "../../shared/protocol/index.ts";
import { parseJoinError } from "../../shared/protocol/refusals.ts";
import { createSession, joinStudent, newDeviceToken, useTestServer, waitFor } from "./helpers.ts";

const testServer = useTestServer();

async function debateWithTwoArguments() {
  const { host, code } = await createSession(testServer.colyseus);
  const ana = await joinStudent(testServer.colyseus, code, "Ana");
  const ben = await joinStudent(testServer.colyseus, code, "Ben");
  const cam = await joinStudent(testServer.colyseus, code, "Cam");
  const s = testServer.serverState(code);
  await host.request("start", {});
  await host.request("advance", {});
  const policyId = s.proposalCounts.keys().next().value as string;
  await ana.room.request("propose", { policyId, argument: "Ana's case" });
  await ben.room.request("propose", { policyId, argument: "Ben's case" });
  await cam.room.request("propose", { policyId });
  await waitFor(() => s.phase === "debate" || s.arguments.size === 2);
  if (s.phase !== "debate") await host.request("advance", {});
  const argumentOf = (author: string) => [...s.arguments.values()].find((a) => a.authorId === author)!.id;
  return { host, code, s, ana, ben, cam, anaArgument: argumentOf(ana.welcome.playerId!), benArgument: argumentOf(ben.welcome.playerId!) };
}

describe("kick", () => {
  it("by default keeps the argument, drops the student's endorsements and seat, and blocks device and nickname", async () => {
    const { host, code, s, ana, cam, anaArgument, benArgument } = await debateWithTwoArguments();
    await ana.room.request("endorse", { argumentId: benArgument });
    await cam.room.request("endorse", { argumentId: anaArgument });
    expect(s.arguments.get(benArgument)?.endorsements).toBe(1);

    await host.request("kick", { playerId: ana.welcome.playerId! });
    expect(s.players.has(ana.welcome.playerId!)).toBe(false);
    expect(s.arguments.get(benArgument)?.endorsements).toBe(0);
    expect(s.arguments.get(anaArgument)?.endorsements).toBe(1);
    await waitFor(() => cam.room.state.arguments.get(benArgument)?.endorsements === 0);

    for (const nickname of ["Ana", "ana", "\u0410na"]) {
      const e = await testServer.colyseus.sdk.joinById(code, { as: "student", nickname, deviceToken: newDeviceToken() }).then(() => null, (x: unknown) => x);
      expect(parseJoinError(e).code, nickname).toBe("join/blocked");
    }
  });

  it("with removeArgument the kicked student's argument leaves the wall too", async () => {
    const { host, s, ben, cam, benArgument } = await debateWithTwoArguments();
    await host.request("kick", { playerId: ben.welcome.playerId!, removeArgument: true });
    expect(s.arguments.has(benArgument)).toBe(false);
    await waitFor(() => !cam.room.state.arguments.has(benArgument));
  });

  it("gives an endorsement of a removed argument back, and tells the endorser's phone (and no one else)", async () => {
    const { host, s, ana, ben, cam, benArgument, anaArgument } = await debateWithTwoArguments();
    const received = { ana: [] as Mine[], cam: [] as Mine[] };
    ana.room.onMessage(MINE_MESSAGE, (m: Mine) => received.ana.push(m));
    cam.room.onMessage(MINE_MESSAGE, (m: Mine) => received.cam.push(m));
    const endorsed = await cam.room.request("endorse", { argumentId: benArgument });
    expect(endorsed.endorsed).toEqual([benArgument]);
    await ana.room.request("endorse", { argumentId: benArgument });

    await host.request("kick", { playerId: ben.welcome.playerId!, removeArgument: true });
    await waitFor(() => received.cam.length > 0 && received.ana.length > 0);
    expect(received.cam.at(-1)?.endorsed).toEqual([]);
    expect(received.ana.at(-1)?.endorsed).toEqual([]);
    expect(s.players.get(cam.welcome.playerId!)?.endorsementsUsed).toBe(0);
    // The endorsement given back can be used again.
    const again = await cam.room.request("endorse", { argumentId: anaArgument });
    expect(again.endorsed).toEqual([anaArgument]);
    expect(received.cam).toHaveLength(1);
  });
});

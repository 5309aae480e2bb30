// Abuse of the matchmaker: code guessing is limited per socket address whatever the forwarding
// headers say, creations are limited per address, unconnected sessions are closed, the host seat
// goes only to the creator, spectators are capped and a full session is not a failed guess.
import { request } from "node:http";
import { matchMaker } from "@colyseus/core";
import { describe, expect, it } from "vitest";
import { parseJoinError } from "../../shared/protocol/refusals.ts";
import { parseTrustProxy, resolveClientAddress } from "../../server/http/clientAddress.ts";
import { createSession, joinStudent, testPort, useTestServer, waitFor } from "./helpers.ts";

const testServer = useTestServer({ joinFailuresPerMinute: 3, createsPerMinute: 3, maxSpectators: 2, creatorConnectSeconds: 1 });

/** A raw matchmaking POST from a chosen loopback source address (127.0.0.x are all this machine). */
function matchmake(path: string, body: unknown, options: { from?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; json: { code?: unknown; error?: string } }> {
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port: testPort, path, method: "POST", localAddress: options.from, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(data), ...options.headers } },
      (res) => {
        let text = "";
        res.on("data", (c: Buffer) => (text += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text || "{}") as { code?: unknown; error?: string } }));
      },
    );
    req.on("error", reject);
    req.end(data);
  });
}

const refusalCode = (json: { error?: string }) => parseJoinError({ message: json.error }).code;

describe("failed-join limit per address (issue 10, item 1)", () => {
  it("rotating X-Forwarded-For does not reset the limit: the socket's address is what counts", async () => {
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await matchmake("/matchmake/joinById/ZZZZZ", { as: "spectator" }, { from: "127.0.0.11", headers: { "x-forwarded-for": `10.0.0.${i}`, "x-real-ip": `10.1.0.${i}` } });
      codes.push(refusalCode(r.json));
    }
    expect(codes).toEqual(["join/unknown-code", "join/unknown-code", "join/unknown-code", "join/rate-limited", "join/rate-limited"]);
  });

  it("one address's typos do not lock out another address", async () => {
    for (let i = 0; i < 4; i++) await matchmake("/matchmake/joinById/ZZZZZ", { as: "spectator" }, { from: "127.0.0.12" });
    expect(refusalCode((await matchmake("/matchmake/joinById/ZZZZZ", { as: "spectator" }, { from: "127.0.0.12" })).json)).toBe("join/rate-limited");
    expect(refusalCode((await matchmake("/matchmake/joinById/ZZZZZ", { as: "spectator" }, { from: "127.0.0.13" })).json)).toBe("join/unknown-code");
  });

  it("forwarding headers are believed only from a trusted proxy", () => {
    const none = parseTrustProxy("");
    expect(resolveClientAddress("::ffff:192.168.1.5", "1.2.3.4", none)).toBe("192.168.1.5");
    const list = parseTrustProxy("127.0.0.1, 10.0.0.0/8");
    expect(resolveClientAddress("127.0.0.1", "203.0.113.9", list)).toBe("203.0.113.9");
    // A client behind the proxy cannot pick its address: only the hop the proxy appended is believed.
    expect(resolveClientAddress("127.0.0.1", "6.6.6.6, 203.0.113.9", list)).toBe("203.0.113.9");
    expect(resolveClientAddress("127.0.0.1", "6.6.6.6, 203.0.113.9, 10.2.3.4", list)).toBe("203.0.113.9");
    expect(resolveClientAddress("192.168.1.5", "203.0.113.9", list)).toBe("192.168.1.5");
    const hops = parseTrustProxy("1");
    expect(resolveClientAddress("127.0.0.1", "6.6.6.6, 203.0.113.9", hops)).toBe("203.0.113.9");
    expect(() => parseTrustProxy("not-an-address")).toThrow(/TRUST_PROXY/);
  });
});

describe("session creation (issue 10, item 4)", () => {
  it("creations are limited per address: 1,000 attempts make 3 sessions and 997 typed refusals", async () => {
    const before = (await matchMaker.query({})).length;
    const statuses = new Map<string, number>();
    for (let i = 0; i < 1000; i++) {
      const r = await matchmake("/matchmake/create/session", {}, { from: "127.0.0.21" });
      const key = r.status === 200 ? "created" : refusalCode(r.json);
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
    }
    expect(Object.fromEntries(statuses)).toEqual({ created: 3, "create/rate-limited": 997 });
    expect((await matchMaker.query({})).length - before).toBeLessThanOrEqual(3);
  });

  it("a session whose creator never connects is closed after the short wait", async () => {
    const r = await matchmake("/matchmake/create/session", {}, { from: "127.0.0.22" });
    const code = (r.json as unknown as { roomId: string }).roomId;
    expect(await matchMaker.driver.findOne({ roomId: code })).toBeTruthy();
    await waitFor(() => matchMaker.getLocalRoomById(code) === undefined, 5000, "the unclaimed session to close");
  });

  it("a stranger joining a host-less session by id never becomes its host", async () => {
    const r = await matchmake("/matchmake/create/session", {}, { from: "127.0.0.23" });
    const code = (r.json as unknown as { roomId: string }).roomId;
    for (const options of [{}, { as: "host" }, { as: "host", hostKey: "guess" }, { __creatorSecret: "guess" }]) {
      const e = await testServer.colyseus.sdk.joinById(code, options).then(() => null, (x: unknown) => x);
      expect(["join/invalid-options", "auth/bad-host-key"]).toContain(parseJoinError(e).code);
    }
    const spectator = await testServer.colyseus.sdk.joinById(code, { as: "spectator" });
    expect(await spectator.request("welcome", {})).toMatchObject({ seat: "spectator" });
    expect(testServer.serverState(code).hostConnected).toBe(false);
  });
});

describe("matchmaking methods", () => {
  it("join and joinOrCreate are refused: sessions are only created explicitly and joined by code", async () => {
    const before = (await matchMaker.query({})).length;
    for (const method of ["joinOrCreate", "join"]) {
      const r = await matchmake(`/matchmake/${method}/session`, {}, { from: "127.0.0.24" });
      expect(r.status, method).toBe(400);
      expect(refusalCode(r.json), method).toBe("join/invalid-options");
    }
    expect((await matchMaker.query({})).length).toBe(before);
  });
});

describe("full sessions and spectators (issue 10, item 6)", () => {
  it("a locked (full) room answers join/session-full, not join/unknown-code, and it is not a failed guess", async () => {
    const { code } = await createSession(testServer.colyseus);
    await (testServer.colyseus.getRoomById(code) as unknown as { lock(): Promise<void> }).lock();
    for (let i = 0; i < 5; i++) {
      const r = await matchmake(`/matchmake/joinById/${code}`, { as: "spectator" }, { from: "127.0.0.31" });
      expect(refusalCode(r.json)).toBe("join/session-full");
    }
    expect(refusalCode((await matchmake("/matchmake/joinById/ZZZZZ", { as: "spectator" }, { from: "127.0.0.31" })).json)).toBe("join/unknown-code");
  });

  it("spectators are capped separately from seats, with a typed refusal", async () => {
    const { code } = await createSession(testServer.colyseus, { maxPlayers: 2 });
    await testServer.colyseus.sdk.joinById(code, { as: "spectator" });
    await testServer.colyseus.sdk.joinById(code, { as: "spectator" });
    const e = await testServer.colyseus.sdk.joinById(code, { as: "spectator" }).then(() => null, (x: unknown) => x);
    expect(parseJoinError(e).code).toBe("join/spectators-full");
    await joinStudent(testServer.colyseus, code, "Ana");
    expect(testServer.serverState(code).spectators).toBe(2);
  });

  it("a full session answers join/session-full, which does not count as a failed guess", async () => {
    const { code } = await createSession(testServer.colyseus, { maxPlayers: 1 });
    await joinStudent(testServer.colyseus, code, "Ana");
    for (let i = 0; i < 5; i++) {
      const e = await testServer.colyseus.sdk.joinById(code, { as: "student", nickname: `Late${i}`, deviceToken: `late-device-${i}-abcdefghij` }).then(() => null, (x: unknown) => x);
      expect(parseJoinError(e).code).toBe("join/session-full");
    }
    const again = await testServer.colyseus.sdk.joinById(code, { as: "spectator" });
    expect(await again.request("welcome", {})).toMatchObject({ seat: "spectator" });
  });
});

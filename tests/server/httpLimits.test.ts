// HTTP bodies and the health endpoint (issue 10, items 5 and 9): every body is size-limited
// before it is read, the editor checks the facilitator key before parsing, bad input gets
// 401 / 413 / 400 with typed JSON, never 500; /api/health is plain liveness unless the key is shown.
import { matchMaker } from "@colyseus/core";
import { describe, expect, it } from "vitest";
import { MATCHMAKE_BODY_LIMIT_BYTES } from "../../server/http/requestGuard.ts";
import type { ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll } from "vitest";
import { startServer, testPort } from "./helpers.ts";

let base = "";
let colyseus: ColyseusTestServer;
let key: string;
beforeAll(async () => {
  const started = await startServer();
  colyseus = started.colyseus;
  base = `http://127.0.0.1:${testPort}`;
  key = started.config.facilitator.key;
});
afterAll(async () => {
  await colyseus.shutdown();
});

async function post(path: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(base + path, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  const text = await res.text();
  let json: { code?: string; message?: string } = {};
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    // a non-JSON answer fails the typed-error expectations below
  }
  return { status: res.status, json };
}

describe("body limits", () => {
  it("an oversized matchmaking body is refused with 413 before it is read, and creates nothing", async () => {
    const rooms = (await matchMaker.query({})).length;
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const r = await post("/matchmake/create/session", " ".repeat(8 * 1024 * 1024));
    expect(r.status).toBe(413);
    expect(r.json.code).toBe("request/too-large");
    expect(performance.now() - started).toBeLessThan(1000);
    expect((await matchMaker.query({})).length).toBe(rooms);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
    const justOver = await post("/matchmake/create/session", JSON.stringify({ pad: "x".repeat(MATCHMAKE_BODY_LIMIT_BYTES) }));
    expect(justOver.status).toBe(413);
  });

  it("the editor checks the key before the body: no key is 401 whatever the size", async () => {
    const big = JSON.stringify({ scenario: { pad: "x".repeat(3 * 1024 * 1024) } });
    const r = await post("/api/editor/scenarios", big);
    expect(r.status).toBe(401);
    expect(r.json.code).toBe("auth/no-key");
  });

  it("with the key, an oversized editor body is 413 and malformed JSON is 400, both typed", async () => {
    const auth = { authorization: `Bearer ${key}` };
    const big = await post("/api/editor/scenarios", JSON.stringify({ scenario: { pad: "x".repeat(3 * 1024 * 1024) } }), auth);
    expect(big.status).toBe(413);
    expect(big.json.code).toBe("request/too-large");
    const malformed = await post("/api/editor/scenarios", "{ not json", auth);
    expect(malformed.status).toBe(400);
    expect(malformed.json.code).toBe("request/invalid-payload");
  });
});

describe("/api/health", () => {
  it("answers plain liveness publicly, and figures only with the facilitator key", async () => {
    const open = await fetch(`${base}/api/health?reset`);
    expect(open.status).toBe(200);
    expect(await open.json()).toEqual({ ok: true });
    const keyed = (await (await fetch(`${base}/api/health`, { headers: { authorization: `Bearer ${key}` } })).json()) as Record<string, unknown>;
    expect(keyed).toMatchObject({ ok: true });
    expect(typeof keyed.rssBytes).toBe("number");
    expect(keyed.eventLoopDelayMs).toBeTypeOf("object");
  });
});

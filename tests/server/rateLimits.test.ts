// Rate limits: a flood of requests from one client and repeated unknown join codes from one
// address are refused with typed codes, without disconnecting anyone.
import type { ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseJoinError } from "../../shared/protocol/refusals.ts";
import { createSession, joinStudent, startServer } from "./helpers.ts";

let colyseus: ColyseusTestServer;
beforeAll(async () => {
  ({ colyseus } = await startServer({ requestsPerSecond: 5, joinFailuresPerMinute: 3 }));
});
afterAll(async () => {
  await colyseus.shutdown();
});

describe("rate limits", () => {
  it("too many requests from one client are refused as request/rate-limited without a disconnect", async () => {
    const { code } = await createSession(colyseus);
    const ana = await joinStudent(colyseus, code, "Ana");
    const results = await Promise.allSettled(Array.from({ length: 30 }, () => ana.room.request("welcome", {})));
    const limited = results.filter((r) => r.status === "rejected" && (r.reason as { reason?: { code?: string } }).reason?.code === "request/rate-limited");
    expect(limited.length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1200));
    expect(await ana.room.request("welcome", {})).toMatchObject({ seat: "student" });
  });

  it("an unknown code is a clear error, and repeated unknown codes from one address are rate-limited", async () => {
    const attempt = () => colyseus.sdk.joinById("ZZZZZ", { as: "spectator" }).then(() => null, (e: unknown) => parseJoinError(e).code);
    expect(await attempt()).toBe("join/unknown-code");
    await attempt();
    await attempt();
    expect(await attempt()).toBe("join/rate-limited");
  });
});

// An accepted request's state change reaches every client at once, not at the next patch tick;
// requests read in one event-loop turn share one flush, a busy room waits a short gap between flushes,
// and a big room stays within its fan-out budget.
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_FAN_OUT_FRAMES_PER_SECOND, DEFAULT_MIN_GAP_MS, IDLE_COLYSEUS_PATCH_RATE_MS, InstantPatches } from "../../server/room/instantPatches.ts";
import { createSession, joinStudent, useTestServer, waitFor, type SessionRoomClient } from "./helpers.ts";

describe("InstantPatches", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("flushes once at the end of the event-loop turn however many requests changed the state in it", async () => {
    const flush = vi.fn(() => true);
    const patches = new InstantPatches({ flush, audience: () => 40 });
    for (let i = 0; i < 25; i++) patches.request();
    expect(flush).not.toHaveBeenCalled();
    await new Promise((r) => setImmediate(r));
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it("a room of N clients flushes at most framesPerSecond / N times a second; a request in the gap goes out when it ends", () => {
    vi.useFakeTimers();
    let now = 1000;
    const flush = vi.fn(() => true);
    const patches = new InstantPatches({ flush, audience: () => 1000, minGapMs: 20, framesPerSecond: 40_000, now: () => now });
    expect(patches.minGapMs()).toBe(25);
    patches.request();
    vi.advanceTimersToNextTimer();
    expect(flush).toHaveBeenCalledTimes(1);
    now += 5;
    patches.request();
    patches.request();
    vi.advanceTimersByTime(19);
    expect(flush).toHaveBeenCalledTimes(1);
    now += 20;
    vi.advanceTimersByTime(1);
    expect(flush).toHaveBeenCalledTimes(2);
  });

  it("a class of 40 waits the gap's floor after a flush; a request after a quiet spell goes out in its own turn", async () => {
    let now = 0;
    const flush = vi.fn(() => true);
    const patches = new InstantPatches({ flush, audience: () => 41, now: () => now });
    expect(patches.minGapMs()).toBe(DEFAULT_MIN_GAP_MS);
    expect(patches.minGapMs(2000)).toBeCloseTo((2000 * 1000) / DEFAULT_FAN_OUT_FRAMES_PER_SECOND, 6);
    expect(patches.minGapMs(2000)).toBeGreaterThan(DEFAULT_MIN_GAP_MS);
    patches.request();
    await new Promise((r) => setImmediate(r));
    expect(flush).toHaveBeenCalledTimes(1);
    // Quiet for longer than the gap: the next request is not held back.
    now += DEFAULT_MIN_GAP_MS + 1;
    patches.request();
    await new Promise((r) => setImmediate(r));
    expect(flush).toHaveBeenCalledTimes(2);
    // Straight after: held until the gap ends.
    now += 1;
    patches.request();
    await new Promise((r) => setImmediate(r));
    expect(flush).toHaveBeenCalledTimes(2);
    await new Promise((r) => setTimeout(r, DEFAULT_MIN_GAP_MS + 5));
    expect(flush).toHaveBeenCalledTimes(3);
    patches.stop();
  });

  it("the tick sends what changed without a request, but not within the gap after a patch", () => {
    vi.useFakeTimers({ now: 0 });
    let changed = false;
    const sent: number[] = [];
    const flush = (): boolean => {
      if (!changed) return false;
      changed = false;
      sent.push(Date.now());
      return true;
    };
    const patches = new InstantPatches({ flush, audience: () => 41, minGapMs: 20, tickMs: 50, now: () => Date.now() });
    patches.start();
    // A timer changed the state: the tick at 50 ms sends it.
    changed = true;
    vi.advanceTimersByTime(50);
    expect(sent).toEqual([50]);
    // A request's patch at 90 ms: the tick at 100 ms is within its gap and stays quiet though more changed.
    vi.advanceTimersByTime(40);
    changed = true;
    patches.request();
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([50, 90]);
    changed = true;
    vi.advanceTimersByTime(9);
    expect(sent).toEqual([50, 90]);
    // The next tick, past the gap, sends it.
    vi.advanceTimersByTime(50);
    expect(sent).toEqual([50, 90, 150]);
    patches.stop();
  });

  it("afterNextPatch runs its work in the turn after the room's next patch, which it requests", async () => {
    const order: string[] = [];
    const patches = new InstantPatches({ flush: () => (order.push("patch"), true), audience: () => 41 });
    patches.afterNextPatch(() => order.push("work"));
    const cleared = patches.afterNextPatch(() => order.push("cleared work"));
    cleared.clear();
    await new Promise((r) => setImmediate(r));
    // The patch went out in this turn; the work waits for the next, so other rooms' patches of this turn go first.
    expect(order).toEqual(["patch"]);
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual(["patch", "work"]);
    patches.stop();
  });

  it("afterNextPatch work never runs once the room stopped", async () => {
    const work = vi.fn();
    const patches = new InstantPatches({ flush: () => true, audience: () => 2 });
    patches.afterNextPatch(work);
    await new Promise((r) => setImmediate(r));
    patches.stop();
    patches.afterNextPatch(work);
    await new Promise((r) => setTimeout(r, 5));
    expect(work).not.toHaveBeenCalled();
  });

  it("sends nothing after stop", async () => {
    const flush = vi.fn(() => true);
    const patches = new InstantPatches({ flush, audience: () => 2 });
    patches.request();
    patches.stop();
    patches.request();
    await new Promise((r) => setTimeout(r, 5));
    expect(flush).not.toHaveBeenCalled();
  });
});

describe("a session room's patches", () => {
  const server = useTestServer();
  /** Far longer than the test: any change seen before it was sent by an instant flush. */
  const TICK_MS = 60_000;
  /** Generous for a loaded machine (instant flushes take milliseconds), and still far below the tick. */
  const SOON_MS = 5000;

  it("a host's and a student's accepted requests reach the other clients well before the patch tick", async () => {
    const { host, code } = await createSession(server.colyseus);
    const ana = await joinStudent(server.colyseus, code, "Ana");
    const ben = await joinStudent(server.colyseus, code, "Ben");
    const room = server.colyseus.getRoomById(code) as unknown as { patchRate: number | null; patches: InstantPatches };
    // Colyseus's own interval is idle: the room's patches follow InstantPatches, whose tick is made long here.
    expect(room.patchRate).toBe(IDLE_COLYSEUS_PATCH_RATE_MS);
    room.patches.setTickMs(TICK_MS);
    const seen = async (room: SessionRoomClient, phase: string): Promise<number> => {
      const t0 = performance.now();
      await waitFor(() => room.state.phase === phase, 10_000, `phase ${phase}`);
      return performance.now() - t0;
    };
    const serverPhase = (): string => server.serverState(code).phase;

    await host.request("start", {});
    expect(await seen(ana.room, "briefing")).toBeLessThan(SOON_MS);
    await host.request("advance", {});
    expect(await seen(ben.room, "propose")).toBeLessThan(SOON_MS);
    const policyId = [...server.serverState(code).proposalCounts.keys()][0]!;
    await ana.room.request("propose", { policyId });
    // Ben's proposal is the class's last: it ends the phase a moment later (without arguments there
    // is nothing to endorse, so the debate ends too), and Ana sees where the session went at once.
    await ben.room.request("propose", { policyId });
    await waitFor(() => serverPhase() !== "propose", SOON_MS, "the early end");
    expect(await seen(ana.room, serverPhase())).toBeLessThan(SOON_MS);
    expect(serverPhase()).toBe("vote");
  });

  it("a quiet tick sends nothing; a change made without a request, even one only the host's view shows, goes out on the tick", async () => {
    const { host, code } = await createSession(server.colyseus);
    await joinStudent(server.colyseus, code, "Ana");
    const room = server.colyseus.getRoomById(code) as unknown as { broadcastPatch(): boolean; state: { players: Map<string, { nickname: string }> } };
    await new Promise((r) => setTimeout(r, 200));
    const broadcastPatch = vi.spyOn(room, "broadcastPatch");
    // Several ticks with nothing changed: Colyseus's patch (a scan of every client) is not called.
    await new Promise((r) => setTimeout(r, 300));
    expect(broadcastPatch).not.toHaveBeenCalled();
    // A seat's nickname is in the host's view only (students get counts).
    const [seat] = [...room.state.players.values()];
    seat!.nickname = "Anita";
    await waitFor(() => [...host.state.players.values()].some((p) => p.nickname === "Anita"), SOON_MS, "the host sees the change");
    expect(broadcastPatch).toHaveBeenCalled();
  });

  it("the last vote's patch reaches the class before the phase it completes ends", async () => {
    const { host, code } = await createSession(server.colyseus, { voteMode: "single" });
    const ana = await joinStudent(server.colyseus, code, "Ana");
    const ben = await joinStudent(server.colyseus, code, "Ben");
    const seen: string[] = [];
    ana.room.onStateChange((state) => seen.push(`${state.phase} ${state.votesCast}`));
    await host.request("start", {});
    await host.request("advance", {});
    await waitFor(() => ana.room.state.phase === "propose", SOON_MS, "propose");
    const policyId = [...server.serverState(code).proposalCounts.keys()][0]!;
    await ana.room.request("propose", { policyId });
    await ben.room.request("propose", { policyId });
    await waitFor(() => ana.room.state.phase === "vote", SOON_MS, "vote");
    await ana.room.request("vote", { choice: policyId });
    await ben.room.request("vote", { choice: policyId });
    await waitFor(() => ana.room.state.phase === "resolve", SOON_MS, "the reveal");
    // Ben's vote completed the phase: Ana saw "2 of 2 voted" before the reveal, which came after.
    expect(seen.indexOf("vote 2")).toBeGreaterThan(-1);
    expect(seen.indexOf("vote 2")).toBeLessThan(seen.findIndex((s) => s.startsWith("resolve")));
  });
});

// The phase engine's early ends: a phase everyone has finished ends a moment after the action that
// finished it (never inside it), and a phase complete as it opens is passed at once.
import { describe, expect, it } from "vitest";
import type { Phase } from "../../shared/protocol/phases.ts";
import { PhaseEngine, type PhaseFlow } from "../../server/session/phaseEngine.ts";
import type { ActedCheck } from "../../server/session/phaseTable.ts";

/** A clock whose timers run only when the test says so. */
function manualClock() {
  const timers: { fn: () => void; ms: number; cleared: boolean }[] = [];
  return {
    setTimeout(fn: () => void, ms: number) {
      const timer = { fn, ms, cleared: false };
      timers.push(timer);
      return { clear: () => void (timer.cleared = true) };
    },
    /** Runs the timers due within `ms`, in the order they were set. */
    run(ms: number): void {
      for (const timer of timers.splice(0)) {
        if (timer.cleared) continue;
        if (timer.ms <= ms) timer.fn();
        else timers.push(timer);
      }
    },
    pending: (ms: number) => timers.filter((t) => !t.cleared && t.ms <= ms).length,
  };
}

/** `afterPatch` set: the clock is a room's, whose early ends wait for its next patch (they collect there). */
function engineIn(phase: Phase, acted: Set<ActedCheck>, afterPatch?: (() => void)[]) {
  const flow: PhaseFlow = { phase, round: 1, totalRounds: 2, endsAt: 0, pausedRemainingMs: 0 };
  const clock = manualClock();
  const entered: Phase[] = [];
  const engine = new PhaseEngine({
    flow,
    clock: afterPatch ? { setTimeout: clock.setTimeout, afterNextPatch: (fn) => (afterPatch.push(fn), { clear: () => undefined }) } : clock,
    seconds: { briefing: 30, propose: 120, debate: 120, vote: 60, resolve: 5, results: 30 },
    hooks: { onEnter: (p) => entered.push(p), hasEveryoneActed: (check) => acted.has(check) },
    now: () => 1_000_000,
  });
  return { engine, clock, entered };
}

describe("early ends", () => {
  it("the last vote ends the vote a moment later, not within the request, and the resolve follows once", () => {
    const acted = new Set<ActedCheck>(["voted"]);
    const { engine, clock, entered } = engineIn("vote", acted);
    engine.checkEveryoneActed();
    engine.checkEveryoneActed();
    expect(engine.phase).toBe("vote");
    expect(entered).toEqual([]);
    clock.run(0);
    expect(engine.phase).toBe("resolve");
    expect(entered).toEqual(["resolve"]);
  });

  it("with a room's clock, the early end waits for the next patch (afterNextPatch), not a timer", () => {
    const afterPatch: (() => void)[] = [];
    const { engine, clock } = engineIn("vote", new Set<ActedCheck>(["voted"]), afterPatch);
    engine.checkEveryoneActed();
    clock.run(0);
    expect(engine.phase).toBe("vote");
    expect(afterPatch).toHaveLength(1);
    afterPatch[0]!();
    expect(engine.phase).toBe("resolve");
  });

  it("does not end the phase when someone has come back without acting before that moment", () => {
    const acted = new Set<ActedCheck>(["proposed"]);
    const { engine, clock } = engineIn("propose", acted);
    engine.checkEveryoneActed();
    acted.delete("proposed");
    clock.run(0);
    expect(engine.phase).toBe("propose");
  });

  it("a phase the host opened meanwhile is not ended by the early end of the one before", () => {
    const { engine, clock, entered } = engineIn("propose", new Set<ActedCheck>(["proposed"]));
    engine.checkEveryoneActed();
    engine.advance();
    clock.run(0);
    expect(engine.phase).toBe("debate");
    expect(entered).toEqual(["debate"]);
  });

  it("a stopped engine (the session ended or its room closed) never ends a phase afterwards", () => {
    const { engine, clock, entered } = engineIn("vote", new Set<ActedCheck>(["voted"]));
    engine.checkEveryoneActed();
    engine.stop();
    clock.run(0);
    expect(engine.phase).toBe("vote");
    expect(entered).toEqual([]);
  });

  it("passes at once a phase that is complete as it opens, so no client is shown it", () => {
    const acted = new Set<ActedCheck>(["endorsed"]);
    const { engine, entered } = engineIn("propose", acted);
    engine.goTo("debate");
    expect(engine.phase).toBe("vote");
    expect(entered).toEqual(["debate", "vote"]);
  });

  it("never ends a phase early while a recorded session is replayed", () => {
    const { engine, clock } = engineIn("vote", new Set<ActedCheck>(["voted"]));
    engine.holdEarlyEnds = true;
    engine.checkEveryoneActed();
    expect(clock.pending(0)).toBe(0);
    clock.run(0);
    expect(engine.phase).toBe("vote");
  });
});

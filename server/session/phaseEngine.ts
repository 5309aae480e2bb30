// The one small engine that interprets the phase table: enters phases, owns the server-side
// deadline (absolute endsAt in state), pause/resume/extend/skip, and early ends.
import type { Phase, TimedPhase } from "../../shared/protocol/phases.ts";
import type { Refusal } from "../../shared/protocol/refusals.ts";
import { refusal } from "../../shared/protocol/refusals.ts";
import type { ActedCheck } from "./phaseTable.ts";
import { PHASE_TABLE } from "./phaseTable.ts";

/** The slice of Colyseus's clock the engine needs (injectable for unit use). */
export interface EngineClock {
  setTimeout(fn: () => void, ms: number): { clear(): void };
  /**
   * Runs `fn` once the state as it is now has gone out to the clients (a live room's next patch);
   * without it, at the clock's next tick.
   */
  afterNextPatch?(fn: () => void): { clear(): void };
}

/** Runs `fn` once the state as it is now has gone out: the clock's `afterNextPatch`, or its next tick. */
export function runAfterNextPatch(clock: EngineClock, fn: () => void): { clear(): void } {
  return clock.afterNextPatch ? clock.afterNextPatch(fn) : clock.setTimeout(fn, 0);
}

export interface PhaseFlow {
  phase: string;
  round: number;
  totalRounds: number;
  endsAt: number;
  pausedRemainingMs: number;
}

export interface PhaseHooks {
  /** Runs after `flow.phase` is set to the new phase, before its timer starts. */
  onEnter(phase: Phase): void;
  hasEveryoneActed(check: ActedCheck): boolean;
}

export class PhaseEngine {
  private timer: { clear(): void } | null = null;
  /** The early end waiting for its turn of the event loop (see checkEveryoneActed). */
  private earlyEnd: { clear(): void } | null = null;
  private entering = false;
  /** While set (a recorded session replayed or just restored), phases do not end early on their own. */
  holdEarlyEnds = false;
  private readonly flow: PhaseFlow;
  private readonly clock: EngineClock;
  private readonly seconds: Record<TimedPhase, number>;
  private readonly hooks: PhaseHooks;
  private readonly now: () => number;

  constructor(options: { flow: PhaseFlow; clock: EngineClock; seconds: Record<TimedPhase, number>; hooks: PhaseHooks; now?: () => number }) {
    this.flow = options.flow;
    this.clock = options.clock;
    this.seconds = options.seconds;
    this.hooks = options.hooks;
    this.now = options.now ?? Date.now;
  }

  get phase(): Phase {
    return this.flow.phase as Phase;
  }

  /** Is a deadline running or paused in the current phase? */
  isTimed(): boolean {
    return this.flow.endsAt > 0 || this.flow.pausedRemainingMs > 0;
  }

  isPaused(): boolean {
    return this.flow.pausedRemainingMs > 0;
  }

  goTo(phase: Phase): void {
    this.clearTimer();
    this.cancelEarlyEnd();
    this.flow.endsAt = 0;
    this.flow.pausedRemainingMs = 0;
    this.flow.phase = phase;
    this.entering = true;
    try {
      this.hooks.onEnter(phase);
    } finally {
      this.entering = false;
    }
    const timed = PHASE_TABLE[phase].timer;
    const seconds = timed ? this.seconds[timed] : 0;
    if (seconds > 0) this.startDeadline(seconds * 1000);
    // A phase that is complete as it opens (nobody can endorse anything) is passed at once, never shown.
    if (this.isComplete()) this.advance();
  }

  /** Ends the current phase now and enters the next one. */
  advance(): void {
    const spec = PHASE_TABLE[this.phase];
    this.goTo(spec.next({ round: this.flow.round, totalRounds: this.flow.totalRounds }));
  }

  pause(): Refusal | null {
    if (!this.isTimed()) return refusal("phase/not-timed");
    if (this.isPaused()) return refusal("phase/already-paused");
    const remaining = Math.max(1, this.flow.endsAt - this.now());
    this.clearTimer();
    this.flow.endsAt = 0;
    this.flow.pausedRemainingMs = remaining;
    return null;
  }

  resume(): Refusal | null {
    if (!this.isPaused()) return refusal("phase/not-paused");
    this.startDeadline(this.flow.pausedRemainingMs);
    return null;
  }

  extend(seconds: number): Refusal | null {
    if (!this.isTimed()) return refusal("phase/not-timed");
    if (this.isPaused()) this.flow.pausedRemainingMs += seconds * 1000;
    else this.startDeadline(this.flow.endsAt - this.now() + seconds * 1000);
    return null;
  }

  skip(): Refusal | null {
    if (!this.isTimed()) return refusal("phase/not-timed");
    this.advance();
    return null;
  }

  /**
   * Ends the phase early when its table entry says so and every connected student has acted: in
   * a moment (once the change that completed it has gone out, in a live room), not within the
   * request that completed it. Entering the next phase can be the round's heaviest work (the
   * resolve runs the rules and writes the reveal), and when many classes finish voting together it
   * would otherwise hold back the patches of every request read in the same turn of the event
   * loop; the last vote's own patch goes out first as well.
   */
  checkEveryoneActed(): void {
    if (this.entering || this.earlyEnd || !this.isComplete()) return;
    const end = (): void => {
      this.earlyEnd = null;
      // Someone may have left or come back in the meantime.
      if (this.isComplete()) this.advance();
    };
    this.earlyEnd = runAfterNextPatch(this.clock, end);
  }

  /** Whether the phase may end early and every connected student has done what it asks. */
  private isComplete(): boolean {
    if (this.holdEarlyEnds) return false;
    const check = PHASE_TABLE[this.phase].endsWhenAllActed;
    return check !== null && this.hooks.hasEveryoneActed(check);
  }

  stop(): void {
    this.clearTimer();
    this.cancelEarlyEnd();
  }

  private cancelEarlyEnd(): void {
    this.earlyEnd?.clear();
    this.earlyEnd = null;
  }

  private startDeadline(ms: number): void {
    this.clearTimer();
    this.flow.pausedRemainingMs = 0;
    this.flow.endsAt = this.now() + ms;
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.advance();
    }, ms);
  }

  private clearTimer(): void {
    this.timer?.clear();
    this.timer = null;
  }
}

// Sends a room's state patches: an accepted request's change at once, everything else on a tick, never two within a short gap.
//
// Why: Colyseus sends state changes on a fixed tick (`patchRate`, 50 ms), so an accepted action's
// result waited up to a whole tick before anyone saw it. Flushing after every request instead, on
// top of that tick, doubled the patch frames a class receives (measured at 1 × 40: 160 frames per
// student-round instead of 71, +26% server CPU per student-round), and in an assembly (1,000
// students acting within a second) it would write a million frames a second. So this module owns
// the room's patch schedule (the room makes Colyseus's own patch interval idle), one leading-edge
// throttle for both kinds of flush:
// - a request after a quiet spell is flushed at the end of its event-loop turn (setImmediate runs
//   after every socket read of that turn, so requests that arrived together share one patch);
// - after a patch went out the room waits `minGapMs` (30 ms), or longer when it is big: at most
//   `framesPerSecond` patch frames a second (50 ms for an assembly of 2,000); requests in the gap
//   are flushed together when it ends;
// - a tick every `tickMs` (50 ms, Colyseus's default rate) sends what changed without a request
//   (joins, phase timers, bots), unless a patch went out within the gap.
// Work that must wait until a change is on its way (`afterNextPatch`, the phase engine's early end)
// runs in the event-loop turn after the room's next patch: when many rooms flush in one turn, every
// one of their patches goes out before any of that work (a resolve is the round's heaviest).

/**
 * Shortest time between two patches of one room (ms). Paired runs at 1 × 40 (bench:server, 3 runs
 * each, quiet machine): without the instant flush p95 49.6 ms and 9.88 ms CPU per student-round;
 * with a 20 ms gap 21.0 ms and +19%; 30 ms: 30.8 ms and +9%; 40 ms: 39.5 ms and +0%. 30 keeps p95
 * well under 50 ms with the CPU cost well inside the +20% the issue allows.
 */
export const DEFAULT_MIN_GAP_MS = 30;
/** Patch frames a room may write per second (patches × clients). */
export const DEFAULT_FAN_OUT_FRAMES_PER_SECOND = 40_000;
/** How often changes made without a request are sent (ms): Colyseus's default patch rate. */
export const DEFAULT_TICK_MS = 50;
/**
 * The room's own Colyseus patch interval while this module sends its patches: idle, not off. With a
 * null rate Colyseus would tick the room clock 60 times a second instead (its simulation interval),
 * a timer callback per room that 250 rooms pay 15,000 times a second; the clock ticks in every
 * `broadcastPatch` anyway, so timers keep the tick's granularity.
 */
export const IDLE_COLYSEUS_PATCH_RATE_MS = 60_000;

export interface InstantPatchesOptions {
  /** Sends the pending state changes to every client, true if there were any (the room's `broadcastPatch`). */
  flush: () => boolean;
  /** How many clients a flush writes to (the room's `clients.length`). */
  audience: () => number;
  minGapMs?: number;
  framesPerSecond?: number;
  tickMs?: number;
  now?: () => number;
}

export class InstantPatches {
  private readonly flushNow: () => boolean;
  private readonly audience: () => number;
  private readonly framesPerSecond: number;
  private readonly floorMs: number;
  private readonly now: () => number;
  private tickMs: number;
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private immediate: NodeJS.Immediate | null = null;
  private timer: NodeJS.Timeout | null = null;
  private ticker: NodeJS.Timeout | null = null;
  private stopped = false;
  /** Waiting for the next patch (afterNextPatch). */
  private afterPatch: { fn: () => void; cleared: boolean }[] = [];
  /** Runs the work of the last patch's turn (afterNextPatch). */
  private afterPatchRun: NodeJS.Immediate | null = null;

  constructor(options: InstantPatchesOptions) {
    this.flushNow = options.flush;
    this.audience = options.audience;
    this.framesPerSecond = options.framesPerSecond ?? DEFAULT_FAN_OUT_FRAMES_PER_SECOND;
    this.floorMs = options.minGapMs ?? DEFAULT_MIN_GAP_MS;
    this.tickMs = options.tickMs ?? DEFAULT_TICK_MS;
    this.now = options.now ?? (() => performance.now());
  }

  /** Starts the tick; the room must have made Colyseus's own patch interval idle (`patchRate = IDLE_COLYSEUS_PATCH_RATE_MS`). */
  start(): void {
    if (this.stopped || this.ticker) return;
    this.ticker = setInterval(this.tick, this.tickMs);
  }

  /** Changes the tick's period (tests use a long one to show that a request's patch does not wait for it). */
  setTickMs(ms: number): void {
    this.tickMs = ms;
    if (this.ticker) {
      clearInterval(this.ticker);
      this.ticker = setInterval(this.tick, ms);
    }
  }

  /** Milliseconds a room with this many clients waits after a patch before the next. */
  minGapMs(clients = this.audience()): number {
    return Math.max(this.floorMs, (clients * 1000) / this.framesPerSecond);
  }

  /** The state has changed: send it at the end of this event-loop turn, or when the gap since the last patch ends. */
  request(): void {
    if (this.stopped || this.immediate || this.timer) return;
    const wait = this.lastSentAt + this.minGapMs() - this.now();
    if (wait <= 0) this.immediate = setImmediate(this.run);
    else this.timer = setTimeout(this.run, wait);
  }

  /**
   * Runs `fn` in the event-loop turn after the room's next patch, which it requests: the change
   * that called for `fn` reaches the clients first. Never runs after `stop`, nor once cleared.
   */
  afterNextPatch(fn: () => void): { clear(): void } {
    if (this.stopped) return { clear: () => undefined };
    const waiting = { fn, cleared: false };
    this.afterPatch.push(waiting);
    this.request();
    return { clear: () => void (waiting.cleared = true) };
  }

  /** The room is going away: no more patches. */
  stop(): void {
    this.stopped = true;
    this.afterPatch = [];
    if (this.afterPatchRun) clearImmediate(this.afterPatchRun);
    this.afterPatchRun = null;
    if (this.immediate) clearImmediate(this.immediate);
    if (this.timer) clearTimeout(this.timer);
    if (this.ticker) clearInterval(this.ticker);
    this.immediate = null;
    this.timer = null;
    this.ticker = null;
  }

  private readonly tick = (): void => {
    // A flush is already on its way, or a patch just went out: what changed since goes with the next one.
    if (this.stopped || this.immediate || this.timer) return;
    if (this.now() - this.lastSentAt < this.minGapMs()) return;
    this.run();
  };

  private readonly run = (): void => {
    this.immediate = null;
    this.timer = null;
    if (this.stopped) return;
    if (this.flushNow()) this.lastSentAt = this.now();
    if (this.afterPatch.length > 0 && !this.afterPatchRun) this.afterPatchRun = setImmediate(this.runAfterPatch);
  };

  private readonly runAfterPatch = (): void => {
    this.afterPatchRun = null;
    const due = this.afterPatch;
    this.afterPatch = [];
    for (const waiting of due) if (!this.stopped && !waiting.cleared) waiting.fn();
  };
}

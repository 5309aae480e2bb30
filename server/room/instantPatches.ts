// Sends a room's state patch as soon as a request has changed the state, instead of at the next patch tick.
//
// Why: Colyseus sends state changes on a fixed tick (`patchRate`, 50 ms), so an accepted action's
// result waited up to a whole tick before anyone saw it. Why not simply flush after every request:
// each flush writes one frame to every client of the room, so in an assembly (1,000 students acting
// within a second) that would be a million frames a second. Hence two limits:
// - at most one flush per event-loop turn per room (setImmediate runs after every socket read in
//   that turn, so requests that arrived together share one patch);
// - a fan-out budget: a room may write at most `framesPerSecond` patch frames a second, so a room
//   of N clients waits N / framesPerSecond seconds between its instant flushes (1 ms for a class of
//   40, 25 ms for an assembly of 1,000). A request inside that gap is flushed when the gap ends.
// The regular patch tick still runs underneath: it carries joins, timers and bot actions (the room
// clock ticks inside `broadcastPatch`), and finds nothing left to send after an instant flush.

/** Patch frames a room may write per second through instant flushes (flushes × clients). */
export const DEFAULT_FAN_OUT_FRAMES_PER_SECOND = 40_000;

export interface InstantPatchesOptions {
  /** Sends the pending state changes to every client (the room's `broadcastPatch`). */
  flush: () => void;
  /** How many clients a flush writes to (the room's `clients.length`). */
  audience: () => number;
  framesPerSecond?: number;
  now?: () => number;
}

export class InstantPatches {
  private readonly flushNow: () => void;
  private readonly audience: () => number;
  private readonly framesPerSecond: number;
  private readonly now: () => number;
  private lastFlushAt = Number.NEGATIVE_INFINITY;
  private immediate: NodeJS.Immediate | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(options: InstantPatchesOptions) {
    this.flushNow = options.flush;
    this.audience = options.audience;
    this.framesPerSecond = options.framesPerSecond ?? DEFAULT_FAN_OUT_FRAMES_PER_SECOND;
    this.now = options.now ?? (() => performance.now());
  }

  /** Milliseconds a room with this many clients waits between instant flushes. */
  minGapMs(clients = this.audience()): number {
    return (clients * 1000) / this.framesPerSecond;
  }

  /** The state has changed: send it at the end of this event-loop turn, or when the room's fan-out budget allows. */
  request(): void {
    if (this.stopped || this.immediate || this.timer) return;
    const wait = this.lastFlushAt + this.minGapMs() - this.now();
    if (wait <= 0) this.immediate = setImmediate(this.run);
    else this.timer = setTimeout(this.run, wait);
  }

  /** The room is going away: drop any pending flush. */
  stop(): void {
    this.stopped = true;
    if (this.immediate) clearImmediate(this.immediate);
    if (this.timer) clearTimeout(this.timer);
    this.immediate = null;
    this.timer = null;
  }

  private readonly run = (): void => {
    this.immediate = null;
    this.timer = null;
    if (this.stopped) return;
    this.lastFlushAt = this.now();
    this.flushNow();
  };
}

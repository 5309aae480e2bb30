// Runs the rooms' phase changes a few milliseconds per event-loop turn, so requests read meanwhile are answered between them.
//
// Why: a phase change can be a room's heaviest work (a resolve runs the rules and writes the
// reveal; every change writes a patch to the whole class), and classes that started together
// change phase together: when 250 of them end a phase in the same turn (a deadline, the last
// vote), running every change at once stalls the loop for hundreds of milliseconds, and every
// student who acted meanwhile waits that long for their patch. Here each turn runs changes for at
// most `budgetMs`, then yields to the poll phase (setImmediate): requests and patches go on
// between them, and the changes still all run, in order, a moment later. When the loop is busy
// (a flood of requests makes each turn long) a turn runs work for as long as the rest of the loop
// took since the work last yielded: half of the time goes to it, so a backlog of phase changes is
// never starved by requests (at 4 ms a turn, 250 resolves behind turns of 100 ms would take 10 s).

/** Milliseconds of queued work one event-loop turn runs before it yields to I/O, at least. */
export const DEFAULT_PACED_WORK_BUDGET_MS = 4;

export interface PacedWorkOptions {
  budgetMs?: number;
  now?: () => number;
  /** A task threw: the others still run. */
  onError: (error: unknown) => void;
}

interface Task {
  fn: () => void;
  cleared: boolean;
}

export class PacedWork {
  private readonly budgetMs: number;
  private readonly now: () => number;
  private readonly onError: (error: unknown) => void;
  private queue: Task[] = [];
  private head = 0;
  private scheduled: NodeJS.Immediate | null = null;
  private draining = false;
  /** When the queued work last yielded to the rest of the loop (or was queued into an empty queue). */
  private yieldedAt = 0;

  constructor(options: PacedWorkOptions) {
    this.budgetMs = options.budgetMs ?? DEFAULT_PACED_WORK_BUDGET_MS;
    this.now = options.now ?? (() => performance.now());
    this.onError = options.onError;
  }

  /** Tasks queued and not yet run or cleared. */
  get pending(): number {
    let n = 0;
    for (let i = this.head; i < this.queue.length; i++) if (!this.queue[i]!.cleared) n++;
    return n;
  }

  /** Runs `fn` in a coming turn of the event loop, after the tasks queued before it; never once cleared. */
  run(fn: () => void): { clear(): void } {
    const task: Task = { fn, cleared: false };
    this.queue.push(task);
    if (!this.scheduled && !this.draining) {
      this.yieldedAt = this.now();
      this.scheduled = setImmediate(this.drain);
    }
    return { clear: () => void (task.cleared = true) };
  }

  /**
   * Runs `fn` through this queue once `schedule` fires (a timer, the room's next patch); clearing
   * the handle cancels it at either stage.
   */
  after(schedule: (fire: () => void) => { clear(): void }, fn: () => void): { clear(): void } {
    let queued: { clear(): void } | null = null;
    const scheduled = schedule(() => (queued = this.run(fn)));
    return {
      clear: () => {
        scheduled.clear();
        queued?.clear();
      },
    };
  }

  private readonly drain = (): void => {
    this.scheduled = null;
    const started = this.now();
    const budget = Math.max(this.budgetMs, started - this.yieldedAt);
    this.draining = true;
    // At least one task a turn, however long it takes.
    do {
      const task = this.queue[this.head++]!;
      if (task.cleared) continue;
      task.cleared = true;
      try {
        task.fn();
      } catch (error) {
        this.onError(error);
      }
    } while (this.head < this.queue.length && this.now() - started < budget);
    this.draining = false;
    if (this.head < this.queue.length) {
      this.yieldedAt = this.now();
      this.scheduled = setImmediate(this.drain);
    } else {
      this.queue = [];
      this.head = 0;
    }
  };
}

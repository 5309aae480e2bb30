// Phase changes of every room run a few milliseconds per event-loop turn, in order, none lost and
// none run once cancelled.
import { describe, expect, it, vi } from "vitest";
import { PacedWork } from "../../server/room/pacedWork.ts";

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A 4 ms budget on a fake clock, with `count` queued tasks that each take `msEach`; `clock.now` can be advanced by hand. */
function queueTimedTasks(count: number, msEach: number) {
  const clock = { now: 0 };
  const ran: number[] = [];
  const work = new PacedWork({ budgetMs: 4, now: () => clock.now, onError: () => undefined });
  for (let i = 0; i < count; i++)
    work.run(() => {
      ran.push(i);
      clock.now += msEach;
    });
  return { clock, ran, work };
}

describe("PacedWork", () => {
  it("runs queued work for at most its budget each turn (at least one task), then yields to the next turn, in order", async () => {
    const { ran, work } = queueTimedTasks(5, 3);
    expect(ran).toEqual([]);
    await nextTurn();
    // 3 ms, then 6 ms: over the budget after the second.
    expect(ran).toEqual([0, 1]);
    // The rest waits for the next turn: the loop reads sockets (and runs timers) in between.
    await nextTurn();
    expect(ran).toEqual([0, 1, 2, 3]);
    await nextTurn();
    expect(ran).toEqual([0, 1, 2, 3, 4]);
    expect(work.pending).toBe(0);
  });

  it("a task longer than the budget still runs, alone in its turn", async () => {
    let now = 0;
    const ran: string[] = [];
    const work = new PacedWork({ budgetMs: 4, now: () => now, onError: () => undefined });
    work.run(() => {
      ran.push("long");
      now += 50;
    });
    work.run(() => ran.push("next"));
    await nextTurn();
    expect(ran).toEqual(["long"]);
    await nextTurn();
    expect(ran).toEqual(["long", "next"]);
  });

  it("never runs a cleared task; a throwing task is reported and the others still run", async () => {
    const onError = vi.fn();
    const ran: string[] = [];
    const work = new PacedWork({ onError });
    const cleared = work.run(() => ran.push("cleared"));
    work.run(() => {
      throw new Error("boom");
    });
    work.run(() => ran.push("after"));
    cleared.clear();
    expect(work.pending).toBe(2);
    await nextTurn();
    expect(ran).toEqual(["after"]);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: "boom" }));
  });

  it("after(): runs through the queue once its schedule fires, and clearing cancels it before or after it fired", async () => {
    const work = new PacedWork({ onError: () => undefined });
    const ran: string[] = [];
    const fires: (() => void)[] = [];
    const schedule = (fire: () => void) => {
      fires.push(fire);
      return { clear: () => void fires.splice(fires.indexOf(fire), 1) };
    };
    work.after(schedule, () => ran.push("a"));
    const beforeFire = work.after(schedule, () => ran.push("b"));
    const afterFire = work.after(schedule, () => ran.push("c"));
    beforeFire.clear();
    expect(fires).toHaveLength(2);
    for (const fire of [...fires]) fire();
    // Fired and queued, not yet run: clearing still cancels it.
    afterFire.clear();
    expect(ran).toEqual([]);
    await nextTurn();
    expect(ran).toEqual(["a"]);
  });
});

describe("PacedWork on a busy loop", () => {
  it("a turn runs work for as long as the rest of the loop took since the work yielded, so a backlog is not starved by long turns", async () => {
    const { clock, ran } = queueTimedTasks(20, 3);
    // The rest of the turn (reading a flood of requests) took 30 ms before the work's turn came.
    clock.now += 30;
    await nextTurn();
    // 30 ms of work: ten tasks, not the two of a quiet loop.
    expect(ran).toHaveLength(10);
    clock.now += 9;
    await nextTurn();
    expect(ran).toHaveLength(13);
  });

  it("work queued while the queue runs runs after it, once", async () => {
    const ran: string[] = [];
    const work = new PacedWork({ onError: () => undefined });
    work.run(() => {
      ran.push("first");
      work.run(() => ran.push("queued by the first"));
    });
    await nextTurn();
    await nextTurn();
    expect(ran).toEqual(["first", "queued by the first"]);
    expect(work.pending).toBe(0);
  });
});

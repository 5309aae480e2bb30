import { describe, expect, it } from "vitest";
import { hostWorkers, placeStudents, placeWithProbe } from "./placement.ts";

function everyStudent(placed: ReturnType<typeof placeStudents>): number[] {
  return placed.flatMap((w) => w.flatMap((share) => share.students)).sort((a, b) => a - b);
}

describe("placing students on load workers", () => {
  it("keeps whole classes in one worker when there are more classes than workers", () => {
    const placed = placeStudents(250, 40, 8);
    expect(everyStudent(placed)).toEqual(Array.from({ length: 10_000 }, (_, g) => g));
    // Each worker holds 1,250 students; a class is split only where a block boundary falls inside it.
    expect(placed.map((w) => w.reduce((n, s) => n + s.students.length, 0))).toEqual(Array(8).fill(1250));
    const shares = placed.reduce((n, w) => n + w.length, 0);
    expect(shares).toBeLessThanOrEqual(250 + 7);
    for (const share of placed.flat()) for (const g of share.students) expect(Math.floor(g / 40)).toBe(share.session);
  });

  it("slices an assembly over every worker", () => {
    const placed = placeStudents(1, 1000, 4);
    expect(placed.map((w) => w.map((s) => [s.session, s.students.length]))).toEqual([[[0, 250]], [[0, 250]], [[0, 250]], [[0, 250]]]);
  });

  it("puts each host with its session's first student", () => {
    const placed = placeStudents(250, 40, 8);
    const hostOf = hostWorkers(placed, 250);
    for (let session = 0; session < 250; session++) {
      const worker = hostOf[session]!;
      expect(placed[worker]!.some((share) => share.session === session && share.students[0] === session * 40)).toBe(true);
    }
  });

  it("puts --timed students, at least one per class, in the probe (the last process) and the others in the load workers, each student once", () => {
    const { placed, timedPerSession } = placeWithProbe(250, 40, 8, 400);
    expect(timedPerSession).toBe(2);
    expect(placed).toHaveLength(9);
    expect(everyStudent(placed)).toEqual(Array.from({ length: 10_000 }, (_, g) => g));
    const probe = placed[8]!;
    expect(probe).toHaveLength(250);
    for (const share of probe) expect(share.students).toEqual([share.session * 40, share.session * 40 + 1]);
    // The load workers share the other 9,500 evenly, whole classes where they can, each student in its own class.
    const loads = placed.slice(0, 8).map((w) => w.reduce((n, s) => n + s.students.length, 0));
    expect(loads.reduce((a, b) => a + b, 0)).toBe(9500);
    for (const n of loads) expect([1187, 1188]).toContain(n);
    for (const share of placed.flat()) for (const g of share.students) expect(Math.floor(g / 40)).toBe(share.session);
    // Hosts go with their class's first student in a load worker.
    const hostOf = hostWorkers(placed, 250);
    expect(hostOf.every((w) => w < 8)).toBe(true);
  });

  it("times every student of a run smaller than --timed, and at least one per class", () => {
    const small = placeWithProbe(1, 40, 2, 400);
    expect(small.timedPerSession).toBe(40);
    expect(small.placed.slice(0, 2)).toEqual([[], []]);
    expect(small.placed[2]).toEqual([{ session: 0, students: Array.from({ length: 40 }, (_, g) => g) }]);
    // The host then goes with the probe.
    expect(hostWorkers(small.placed, 1)).toEqual([2]);
    expect(placeWithProbe(1, 1000, 4, 400).timedPerSession).toBe(400);
    expect(placeWithProbe(1000, 3, 2, 1).timedPerSession).toBe(1);
  });
});

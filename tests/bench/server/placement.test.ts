import { describe, expect, it } from "vitest";
import { hostWorkers, placeStudents, timedPerShare } from "./placement.ts";

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

  it("times at least --timed students, every student of a smaller run, and at least one per share", () => {
    // 1 × 40 over 2 workers: 20 per worker, all 40 timed.
    expect(timedPerShare(placeStudents(1, 40, 2), 400)).toBe(20);
    // An assembly of 1,000 over 4 workers: 100 per worker, 400 timed.
    expect(timedPerShare(placeStudents(1, 1000, 4), 400)).toBe(100);
    // 250 × 40 over 8 workers: 257 shares (250 classes, 7 split at a block boundary), 2 timed in each.
    expect(timedPerShare(placeStudents(250, 40, 8), 400)).toBe(2);
    expect(timedPerShare(placeStudents(1, 3, 2), 1)).toBe(1);
  });
});

// When a benchmark client counts an action as shown: the product by a count above its mark (its
// students see no seat), the baseline by the student's own flags; the same actions on both.
import { describe, expect, it } from "vitest";
import { CLIENT_TARGETS, type BenchAction, type BenchState } from "./targets.ts";

function map<V>(entries: Record<string, V>) {
  const m = new Map(Object.entries(entries));
  return { get: (k: string) => m.get(k), forEach: (cb: (v: V, k: string) => void) => m.forEach(cb) };
}

const base: BenchState = { phase: "propose", round: 1, endorsementsPerStudent: 2, votePoints: 10 };
const action = (kind: BenchAction["kind"], targetId = ""): BenchAction => ({ kind, me: "p1", targetId });

describe("bench targets: what shows an action", () => {
  it("the product: a count one above the mark taken when the action was sent", () => {
    const product = CLIENT_TARGETS.product;
    const before = { ...base, proposalCounts: map({ a: 1, b: 2 }), votesCast: 4, arguments: map({ a7: { round: 1, authorId: "p2", endorsements: 3 } }) };
    const after = { ...base, proposalCounts: map({ a: 2, b: 2 }), votesCast: 5, arguments: map({ a7: { round: 1, authorId: "p2", endorsements: 4 } }) };
    for (const a of [action("propose"), action("vote"), action("endorse", "a7")]) {
      const mark = product.markBefore(before, a);
      expect(product.shows(before, a, mark)).toBe(false);
      expect(product.shows(after, a, mark)).toBe(true);
    }
    // Another argument's endorsement does not show this one.
    expect(product.shows(after, action("endorse", "a9"), product.markBefore(before, action("endorse", "a9")))).toBe(false);
  });

  it("the baseline: the student's own flags and endorsement count", () => {
    const baseline = CLIENT_TARGETS.baseline;
    const seat = (proposed: boolean, voted: boolean, endorsementsUsed: number) => ({ ...base, players: map({ p1: { proposed, voted, endorsementsUsed }, p2: { proposed: true, voted: true, endorsementsUsed: 2 } }) });
    expect(baseline.shows(seat(false, false, 0), action("propose"), 0)).toBe(false);
    expect(baseline.shows(seat(true, false, 0), action("propose"), 0)).toBe(true);
    expect(baseline.shows(seat(true, true, 0), action("vote"), 0)).toBe(true);
    const mark = baseline.markBefore(seat(true, false, 1), action("endorse", "p2"));
    expect(mark).toBe(1);
    expect(baseline.shows(seat(true, false, 1), action("endorse", "p2"), mark)).toBe(false);
    expect(baseline.shows(seat(true, false, 2), action("endorse", "p2"), mark)).toBe(true);
  });
});

// The debrief's historical years on the client: asked once when the debrief opens, decoded in the
// state's orders, asked again after a failed request, and announced when they arrive.
import { describe, expect, it } from "vitest";
import { HistoryLoader } from "../../client/state/historyLoader.ts";
import type { HistoryReply } from "../../shared/protocol/wireCodec.ts";

const orders = { indicatorIds: ["homicides", "approval"], regionIds: ["north", "south"] };
const reply: HistoryReply = { years: [{ year: 2007, round: 1, indicators: [11_000, 60], homicides: [7_000, 4_000], activeGroups: [5, 3] }] };

function setUp(answers: (HistoryReply | null)[]) {
  let asked = 0;
  let loaded = 0;
  const loader = new HistoryLoader({
    ask: async () => {
      const answer = answers[asked++];
      return answer ? { ok: true as const, value: answer } : { ok: false as const };
    },
    onLoaded: () => loaded++,
  });
  return { loader, asked: () => asked, loaded: () => loaded };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe("history loader", () => {
  it("asks nothing before the debrief, asks once in it, and gives the decoded years", async () => {
    const t = setUp([reply]);
    expect(t.loader.getYears({ ...orders, phase: "results" })).toEqual([]);
    expect(t.asked()).toBe(0);
    expect(t.loader.getYears({ ...orders, phase: "debrief" })).toEqual([]);
    t.loader.getYears({ ...orders, phase: "debrief" });
    await settle();
    expect(t.asked()).toBe(1);
    expect(t.loaded()).toBe(1);
    expect(t.loader.getYears({ ...orders, phase: "ended" })).toEqual([
      { year: 2007, round: 1, indicators: { homicides: 11_000, approval: 60 }, regions: { north: { homicides: 7_000, activeGroups: 5 }, south: { homicides: 4_000, activeGroups: 3 } } },
    ]);
    expect(t.asked()).toBe(1);
  });

  it("asks again at the next state after a failed request", async () => {
    const t = setUp([null, reply]);
    t.loader.getYears({ ...orders, phase: "debrief" });
    await settle();
    expect(t.loaded()).toBe(0);
    t.loader.getYears({ ...orders, phase: "debrief" });
    await settle();
    expect(t.asked()).toBe(2);
    expect(t.loaded()).toBe(1);
    expect(t.loader.getYears({ ...orders, phase: "debrief" })).toHaveLength(1);
  });
});

// A real dilemma, measured over 1,000 fixed mixes × 3 seeds (npm run model:sensitivity prints the
// same figures): no single policy comes close to the best mix, roles want different things, the
// class score tells good choices from poor ones, kingpin targeting shows results first and costs
// later, and a class that changes course after a mistake recovers over rounds, not at once.
import { describe, expect, it } from "vitest";
import type { PolicyMix } from "../../shared/rules/policyMix.ts";
import { playPath } from "../../shared/rules/playPath.ts";
import type { MixOutcome } from "../../shared/rules/strategySpace.ts";
import { getFixedMixes, playFixedMixes, summariseStrategySpace } from "../../shared/rules/strategySpace.ts";
import { loadDefaultScenario } from "../support/defaultScenario.ts";
import { getPolicyPulling } from "../support/scenarioBuilders.ts";

const scenario = loadDefaultScenario();
const SEEDS = [1, 2, 3];
const mixes = getFixedMixes(scenario.policies.map((p) => p.id), 1000);
const outcomes = playFixedMixes(scenario, mixes, SEEDS);
const space = summariseStrategySpace(scenario, outcomes);
const kingpin = getPolicyPulling(scenario, "targeting");
const military = getPolicyPulling(scenario, "force");

describe("the strategy space", () => {
  it("explores at least 1,000 distinct fixed mixes", () => {
    expect(mixes.length).toBeGreaterThanOrEqual(1000);
  });

  it("no single policy scores within 10 points of the best mix on the class outcome", () => {
    expect(space.bestSingleGap).toBeGreaterThan(10);
  });

  it("the best mix gives at least three policies 10% or more", () => {
    expect(space.bestMixPolicies).toBeGreaterThanOrEqual(3);
  });

  it("no two roles' scores correlate above 0.7 across mixes", () => {
    for (const c of space.roleCorrelations) expect(c.r, `${c.a} × ${c.b}`).toBeLessThanOrEqual(0.7);
  });

  it("at least 70% of sensible mixes score between 10 and 90 on the class outcome", () => {
    expect(space.sensibleCount).toBeGreaterThan(300);
    expect(space.sensibleWithin10to90).toBeGreaterThanOrEqual(0.7);
  });
});

describe("kingpin targeting: visible results first, hidden costs later", () => {
  const isHeavy = (o: MixOutcome) => (o.mix[kingpin] ?? 0) >= 0.5;
  const isOther = (o: MixOutcome) => (o.mix[kingpin] ?? 0) === 0 && (o.mix[military] ?? 0) <= 0.2;
  const mean = (list: MixOutcome[], f: (o: MixOutcome) => number) => list.reduce((a, o) => a + f(o), 0) / list.length;
  const heavy = outcomes.filter(isHeavy);
  const other = outcomes.filter(isOther);
  const gap = (round: number, f: (r: MixOutcome["rounds"][number]) => number) =>
    mean(heavy, (o) => f(o.rounds[round - 1]!)) - mean(other, (o) => f(o.rounds[round - 1]!));

  it("kingpin-heavy mixes lead on captures and approval by at least 5 in rounds 1 and 2", () => {
    expect(heavy.length).toBeGreaterThan(20);
    for (const round of [1, 2]) {
      expect(gap(round, (r) => r.captures), `captures, round ${round}`).toBeGreaterThanOrEqual(5);
      expect(gap(round, (r) => r.approval), `approval, round ${round}`).toBeGreaterThanOrEqual(5);
    }
  });

  it("their homicide cost grows through rounds 2–4: round 1 shows under a third of what round 4 shows", () => {
    const homicides = (round: number) => gap(round, (r) => r.homicides);
    for (const round of [2, 3, 4]) expect(homicides(round), `round ${round}`).toBeGreaterThan(homicides(round - 1));
    expect(homicides(1)).toBeLessThan(homicides(4) / 3);
  });
});

describe("changing course after a mistake", () => {
  it("recovers over rounds, not at once", () => {
    const good: PolicyMix = space.best.mix;
    const mistake: PolicyMix = { [kingpin]: 0.6, [military]: 0.4 };
    const seeds = [11, 12, 13, 14, 15, 16];
    const homicidesByRound = (path: PolicyMix[]) =>
      scenario.rounds.map((_, i) => seeds.reduce((a, seed) => a + playPath(scenario, path, { seed }).years.filter((y) => y.round === i + 1).at(-1)!.indicators.homicides, 0) / seeds.length);
    const switched = homicidesByRound([mistake, mistake, good, good, good, good]);
    const steady = homicidesByRound(scenario.rounds.map(() => good));
    const excess = switched.map((h, i) => h - steady[i]!);
    expect(excess[1]).toBeGreaterThan(0);
    // One round after switching the mistake still weighs; then it fades round by round.
    expect(excess[2]).toBeGreaterThan(excess[1]! * 0.3);
    expect(excess[5]).toBeLessThan(excess[2]!);
    expect(excess[4]).toBeLessThan(excess[2]!);
  });
});

// The lesson in numbers: kingpin targeting wins visible results early; sustained
// institution-building with demand reduction ends with less violence and fewer groups.
import { describe, expect, it } from "vitest";
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import type { PolicyMix } from "../../shared/rules/policyMix.ts";
import { playPath } from "../../shared/rules/playPath.ts";
import { loadDefaultScenario } from "../support/defaultScenario.ts";

const scenario = loadDefaultScenario();
const SEEDS = Array.from({ length: 30 }, (_, i) => 7 + i * 13);

/** The policy that pulls a lever hardest, found from content rather than by id. */
function getPolicyPulling(s: Scenario, lever: "targeting" | "institutions" | "demandReduction"): string {
  const best = [...s.policies].sort((a, b) => (b.levers[lever] ?? 0) - (a.levers[lever] ?? 0))[0];
  if (!best) throw new Error("no policies");
  return best.id;
}

const kingpin = getPolicyPulling(scenario, "targeting");
const institutions = getPolicyPulling(scenario, "institutions");
const demand = getPolicyPulling(scenario, "demandReduction");
const kingpinOnly: PolicyMix[] = scenario.rounds.map(() => ({ [kingpin]: 1 }));
const institutionPath: PolicyMix[] = scenario.rounds.map(() => ({ [institutions]: 0.7, [demand]: 0.3 }));

function average(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function summarise(path: PolicyMix[]) {
  const games = SEEDS.map((seed) => playPath(scenario, path, { seed }));
  const firstRoundsEnd = scenario.startYear + 2 * scenario.yearsPerRound - 1;
  return {
    earlyCaptures: average(games.map((g) => g.captures.filter((c) => c.year <= firstRoundsEnd).length)),
    earlyApproval: average(games.map((g) => average(g.years.filter((y) => y.year <= firstRoundsEnd).map((y) => y.indicators.approval)))),
    finalHomicides: average(games.map((g) => g.final.indicators.homicides)),
    finalGroups: average(games.map((g) => g.final.indicators.activeGroups)),
  };
}

describe("the lesson of the articles", () => {
  const k = summarise(kingpinOnly);
  const i = summarise(institutionPath);

  it("kingpin-only captures more leaders in the first two rounds", () => {
    expect(k.earlyCaptures).toBeGreaterThan(i.earlyCaptures * 2);
  });

  it("kingpin-only has higher approval over the first two rounds", () => {
    expect(k.earlyApproval).toBeGreaterThan(i.earlyApproval + 1);
  });

  it("sustained institution-building with demand reduction ends with fewer homicides", () => {
    expect(i.finalHomicides).toBeLessThan(k.finalHomicides * 0.8);
  });

  it("sustained institution-building with demand reduction ends with fewer criminal groups", () => {
    expect(i.finalGroups).toBeLessThan(k.finalGroups * 0.8);
  });

  it("holds for the default seed on its own", () => {
    const seed = scenario.settings.defaultSeed;
    const kg = playPath(scenario, kingpinOnly, { seed });
    const ig = playPath(scenario, institutionPath, { seed });
    expect(ig.final.indicators.homicides).toBeLessThan(kg.final.indicators.homicides);
    expect(ig.final.indicators.activeGroups).toBeLessThan(kg.final.indicators.activeGroups);
  });
});

// Budget: a round's spending has a ceiling; a mix that costs more is funded only in part and every
// policy in it is weakened in proportion, so "do everything expensive" is not free.
import { describe, expect, it } from "vitest";
import { compileScenario } from "../../shared/rules/compiledScenario.ts";
import { createInitialState } from "../../shared/rules/gameState.ts";
import { getLeverIntensities, getMixBudget, getSaturatedEffort } from "../../shared/rules/policyMix.ts";
import { createRng } from "../../shared/rules/rng.ts";
import { stepYear } from "../../shared/rules/stepYear.ts";
import { loadDefaultScenario } from "../support/defaultScenario.ts";
import { withoutEvents } from "../support/scenarioBuilders.ts";

const scenario = withoutEvents(loadDefaultScenario());
const c = compileScenario(scenario);
const ceiling = scenario.parameters.budgetCeiling.value;
const cost = (id: string) => scenario.policies.find((p) => p.id === id)!.costUsdMillionsPerYear;
const expensive = [...scenario.policies].sort((a, b) => b.costUsdMillionsPerYear - a.costUsdMillionsPerYear)[0]!;
const cheap = [...scenario.policies].sort((a, b) => a.costUsdMillionsPerYear - b.costUsdMillionsPerYear)[0]!;

describe("budget ceiling", () => {
  it("the most expensive policy alone costs more than a round's budget", () => {
    expect(cost(expensive.id)).toBeGreaterThan(ceiling);
  });

  it("a mix over the ceiling is funded in proportion and spends no more than the ceiling", () => {
    const budget = getMixBudget(c, { [expensive.id]: 1 });
    expect(budget.funded).toBeCloseTo(ceiling / cost(expensive.id), 9);
    const { state } = stepYear(createInitialState(scenario), { mix: { [expensive.id]: 1 }, eventIds: [], impactEventIds: [] }, scenario, createRng(1));
    expect(state.indicators.aidSpent).toBeCloseTo(ceiling, 6);
  });

  it("the shortfall weakens every lever the mix pulls", () => {
    const lever = Object.entries(expensive.levers).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))[0]![0] as keyof typeof expensive.levers;
    const funded = getLeverIntensities(c, { [expensive.id]: 1 }, [])[lever];
    const full = getSaturatedEffort(expensive.levers[lever] ?? 0, scenario.parameters.leverSaturation.value);
    expect(funded).toBeLessThan(full - 0.01);
  });

  it("a mix under the ceiling is funded in full", () => {
    expect(getMixBudget(c, { [cheap.id]: 1 }).funded).toBe(1);
    const { state } = stepYear(createInitialState(scenario), { mix: { [cheap.id]: 1 }, eventIds: [], impactEventIds: [] }, scenario, createRng(1));
    expect(state.indicators.aidSpent).toBeCloseTo(cost(cheap.id), 6);
  });

  it("effort has diminishing returns: half the effort does more than half the work", () => {
    const k = scenario.parameters.leverSaturation.value;
    expect(getSaturatedEffort(0.5, k)).toBeGreaterThan(0.55);
    expect(getSaturatedEffort(1, k)).toBeCloseTo(1, 9);
    expect(getSaturatedEffort(0, k)).toBe(0);
  });
});

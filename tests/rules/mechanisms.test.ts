// Unit tests of the mechanisms the articles describe, one at a time, on the default scenario
// with chosen parameters.
import { describe, expect, it } from "vitest";
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import type { GameState } from "../../shared/rules/gameState.ts";
import { createInitialState } from "../../shared/rules/gameState.ts";
import type { PolicyMix } from "../../shared/rules/policyMix.ts";
import { createRng } from "../../shared/rules/rng.ts";
import type { YearResult } from "../../shared/rules/stepYear.ts";
import { stepYear } from "../../shared/rules/stepYear.ts";
import { loadDefaultScenario } from "../support/defaultScenario.ts";
import { getPolicyPulling, withParameters, withoutEvents } from "../support/scenarioBuilders.ts";

const base = withoutEvents(loadDefaultScenario());
const kingpin = getPolicyPulling(base, "targeting");
const institutions = getPolicyPulling(base, "institutions");
const amnesty = getPolicyPulling(base, "amnesty");
const demand = getPolicyPulling(base, "demandReduction");

function run(scenario: Scenario, mixes: PolicyMix[], seed = 1): { states: GameState[]; results: YearResult[] } {
  const rng = createRng(seed);
  const states = [createInitialState(scenario)];
  const results: YearResult[] = [];
  for (const mix of mixes) {
    const result = stepYear(states.at(-1)!, { mix, eventIds: [], impactEventIds: [] }, scenario, rng);
    results.push(result);
    states.push(result.state);
  }
  return { states, results };
}

describe("captures: visible results", () => {
  const s = withParameters(base, { captureBaseRate: 1, captureRateMax: 1, huntBasePerYear: 100 });
  const { states, results } = run(s, [{ [kingpin]: 1 }]);
  const [before, after] = [states[0]!, states[1]!];

  it("capturing leaders lowers leaders at large and raises approval", () => {
    expect(results[0]!.captures.length).toBeGreaterThan(0);
    const arrests = results[0]!.effects.find((e) => e.explanationKey === "captureArrests");
    expect(arrests?.delta).toBe(-results[0]!.captures.length);
    const boost = results[0]!.effects.find((e) => e.explanationKey === "captureApproval");
    expect(boost!.delta).toBeGreaterThan(0);
    expect(after.counters.captures).toBe(results[0]!.captures.length);
    expect(before.counters.captures).toBe(0);
  });

  it("named leaders are recorded as captured with their year", () => {
    const named = results[0]!.captures.filter((c) => c.leaderId);
    expect(named.length).toBeGreaterThan(0);
    for (const c of named) expect(after.leaders[c.leaderId!]).toMatchObject({ atLarge: false, capturedYear: before.year });
  });
});

describe("captures: hidden costs", () => {
  it("with weak institutions a captured leader's group splits into more groups, and war follows two years later", () => {
    const s = withParameters(base, { captureBaseRate: 1, captureRateMax: 1, splitChance: 1, startInstitutionalStrength: 0 });
    const { states, results } = run(s, [{ [kingpin]: 1 }, {}, {}]);
    const splinters = results[0]!.effects.filter((e) => e.explanationKey === "splinterGroups");
    expect(splinters.length).toBeGreaterThan(0);
    expect(splinters.every((e) => e.delta > 0 && e.region !== undefined)).toBe(true);
    expect(states[1]!.counters.newGroups).toBeGreaterThanOrEqual(splinters.reduce((a, e) => a + e.delta, 0));
    // The factions regroup the year after the split and arm the next: only then does the war break out.
    const war = (k: number) => results[k]!.effects.filter((e) => e.explanationKey === "fragmentationViolence").reduce((a, e) => a + e.delta, 0);
    expect(war(0)).toBe(0);
    expect(war(1)).toBe(0);
    expect(war(2)).toBeGreaterThan(0);
    expect(splinters[0]!.figures.length).toBeGreaterThan(0);
  });

  it("fragmentation violence spills into neighbouring regions", () => {
    const s = withParameters(base, { captureBaseRate: 1, captureRateMax: 1, splitChance: 1, startInstitutionalStrength: 0 });
    const { results } = run(s, [{ [kingpin]: 1 }, {}, {}]);
    const split = new Set(results[0]!.effects.filter((e) => e.explanationKey === "splinterGroups").map((e) => e.region));
    const violent = new Set(results[2]!.effects.filter((e) => e.explanationKey === "fragmentationViolence" && e.delta > 0).map((e) => e.region));
    const neighboursOfSplits = base.regions.filter((r) => split.has(r.id)).flatMap((r) => r.neighbours);
    expect(neighboursOfSplits.some((n) => violent.has(n))).toBe(true);
  });

  it("with strong institutions captures stick: groups are dismantled instead of splitting", () => {
    const s = withParameters(base, {
      captureBaseRate: 1,
      captureRateMax: 1,
      splitChance: 1,
      splitInstitutionDamping: 1,
      startInstitutionalStrength: 100,
      institutionDecayRate: 0,
      dismantleChancePerInstitution: 1,
    });
    const { results } = run(s, [{ [kingpin]: 1 }]);
    expect(results[0]!.effects.some((e) => e.explanationKey === "splinterGroups")).toBe(false);
    expect(results[0]!.effects.filter((e) => e.explanationKey === "groupDismantled").reduce((a, e) => a + e.delta, 0)).toBeLessThan(0);
  });
});

describe("military deployment", () => {
  const military = getPolicyPulling(base, "force");
  const confrontation = (result: YearResult) =>
    result.effects.filter((e) => e.explanationKey === "confrontationViolence").reduce((sum, e) => sum + e.delta, 0);

  const lag = base.parameters.deploymentLagYears.value;

  it("troops arrive after the lag: no clashes in the years before it, clashes from then on", () => {
    expect(lag).toBeGreaterThanOrEqual(1);
    const { results } = run(base, Array.from({ length: lag + 2 }, () => ({ [military]: 1 })));
    for (let y = 0; y < lag; y++) expect(confrontation(results[y]!)).toBe(0);
    expect(confrontation(results[lag]!)).toBeGreaterThan(0);
    expect(confrontation(results[lag + 1]!)).toBeGreaterThan(0);
  });

  it("without the lag the clashes begin in the year force is chosen", () => {
    const { results } = run(withParameters(base, { deploymentLagYears: 0 }), [{ [military]: 1 }]);
    expect(confrontation(results[0]!)).toBeGreaterThan(0);
  });

  it("sending troops takes the lag, calling them back does not: the clashes fall from the year of the withdrawal", () => {
    const deployed = lag + 2;
    const { states } = run(base, [...Array.from({ length: deployed }, () => ({ [military]: 1 })), {}, {}]);
    const clashes = (state: GameState) => Object.values(state.regions).reduce((sum, r) => sum + r.components.confrontation, 0);
    expect(clashes(states[deployed]!)).toBeGreaterThan(0);
    expect(clashes(states[deployed + 1]!)).toBeLessThan(clashes(states[deployed]!));
    expect(clashes(states[deployed + 2]!)).toBeLessThan(clashes(states[deployed + 1]!));
    // Inertia: the settled level of clashes moves only part of the way in the year of the withdrawal.
    expect(clashes(states[deployed + 1]!)).toBeGreaterThan(0);
  });
});

describe("clashes and troop numbers", () => {
  const military = getPolicyPulling(base, "force");
  const social = getPolicyPulling(base, "social");
  const immediate = withParameters(base, { deploymentLagYears: 0, deploymentBuildUp: 1, violenceAdjustment: 1 });
  const clashesAt = (scenario: Scenario, mix: PolicyMix) => {
    const { states } = run(scenario, [mix, mix]);
    const last = states.at(-1)!;
    return { deployment: last.deployment, clashes: Object.values(last.regions).reduce((sum, r) => sum + r.components.confrontation, 0) };
  };

  it("grow faster than the troops sent: a smaller deployment brings a smaller share of the clashes", () => {
    const full = clashesAt(immediate, { [military]: 1 });
    const part = clashesAt(immediate, { [military]: 0.4, [social]: 0.6 });
    expect(part.deployment).toBeGreaterThan(0);
    expect(part.deployment).toBeLessThan(full.deployment);
    expect(part.clashes / full.clashes).toBeLessThan((part.deployment / full.deployment) * 0.8);
  });

  it("in proportion to the troops when the exponent is 1", () => {
    const linear = withParameters(immediate, { confrontationForceExponent: 1 });
    const full = clashesAt(linear, { [military]: 1 });
    const part = clashesAt(linear, { [military]: 0.4, [social]: 0.6 });
    expect(part.clashes / full.clashes).toBeCloseTo(part.deployment / full.deployment, 1);
  });
});

describe("intelligence on top leaders", () => {
  it("is lost faster than it is built when targeting stops (informants and units are dropped)", () => {
    const years = 8;
    const { states } = run(base, [...Array.from({ length: years }, () => ({ [kingpin]: 1 })), {}, {}, {}]);
    const capacity = states.map((st) => st.targetingCapacity);
    const built = capacity[years]!;
    expect(built).toBeGreaterThan(0);
    // The largest yearly gain while building is smaller than the largest yearly loss after stopping.
    const gains = capacity.slice(1, years + 1).map((c, i) => c - capacity[i]!);
    const losses = capacity.slice(years + 1).map((c, i) => capacity[years + i]! - c);
    expect(Math.max(...losses)).toBeGreaterThan(2 * Math.max(...gains));
    expect(capacity.at(-1)!).toBeLessThan(built * (1 - base.parameters.targetingLoss.value) + 1e-9);
  });
});

describe("institution-building", () => {
  const lag = base.parameters.institutionLagYears.value;

  it("acts only after its lag", () => {
    const withEffort = run(base, Array.from({ length: lag + 2 }, () => ({ [institutions]: 1 })));
    const without = run(base, Array.from({ length: lag + 2 }, () => ({ [kingpin]: 1 })));
    for (let y = 1; y <= lag; y++) {
      expect(withEffort.states[y]!.indicators.institutionalStrength).toBeCloseTo(without.states[y]!.indicators.institutionalStrength, 6);
    }
    expect(withEffort.states[lag + 1]!.indicators.institutionalStrength).toBeGreaterThan(
      without.states[lag + 1]!.indicators.institutionalStrength + 2,
    );
  });

  it("decays when abandoned", () => {
    const years = [...Array.from({ length: 6 }, () => ({ [institutions]: 1 })), ...Array.from({ length: 6 }, () => ({ [kingpin]: 1 }))];
    const { states } = run(base, years);
    const peak = states[6 + lag]!.indicators.institutionalStrength;
    expect(states[12]!.indicators.institutionalStrength).toBeLessThan(peak - 5);
    expect(states.slice(6 + lag).every((s, i, all) => i === 0 || s.indicators.institutionalStrength < all[i - 1]!.indicators.institutionalStrength)).toBe(true);
  });

  it("lowers impunity as it matures", () => {
    const { states } = run(base, Array.from({ length: 8 }, () => ({ [institutions]: 1 })));
    expect(states[8]!.indicators.impunity).toBeLessThan(states[0]!.indicators.impunity - 5);
  });
});

describe("amnesty", () => {
  it("costs approval and raises impunity (the victims' backlash)", () => {
    const a = run(base, [{ [amnesty]: 1 }]);
    const k = run(base, [{ [institutions]: 1 }]);
    expect(a.results[0]!.effects.find((e) => e.explanationKey === "approvalAmnesty")!.delta).toBeLessThan(0);
    expect(a.states[1]!.indicators.impunity).toBeGreaterThan(k.states[1]!.indicators.impunity);
  });

  it("slows new groups only through the plant-based trade: none at all when every drug is synthetic", () => {
    const synthetic = withParameters(base, { startSyntheticShare: 1, syntheticShareMax: 1, groupEntryRate: 3 });
    const entrants = (scenario: Scenario, mix: PolicyMix) =>
      run(scenario, Array.from({ length: 6 }, () => mix), 5)
        .results.flatMap((r) => r.effects)
        .filter((e) => e.explanationKey === "newGroupsEnter")
        .reduce((a, e) => a + e.delta, 0);
    const other = getPolicyPulling(base, "legalisation");
    expect(entrants(synthetic, { [amnesty]: 1 })).toBe(entrants(synthetic, { [other]: 1 }));
    const plant = withParameters(base, { startSyntheticShare: 0, syntheticShareGrowthPerYear: 0, groupEntryRate: 3, groupEntryAmnestyDamping: 1 });
    expect(entrants(plant, { [amnesty]: 1 })).toBeLessThan(entrants(plant, { [other]: 1 }));
  });
});

describe("demand reduction", () => {
  it("works through cartel revenue, over years", () => {
    const lag = base.parameters.demandReductionLagYears.value;
    const d = run(base, Array.from({ length: 8 }, () => ({ [demand]: 1 })));
    const k = run(base, Array.from({ length: 8 }, () => ({ [kingpin]: 1 })));
    for (let y = 1; y <= lag; y++) expect(d.states[y]!.indicators.cartelRevenue).toBeCloseTo(k.states[y]!.indicators.cartelRevenue, 6);
    expect(d.states[8]!.indicators.cartelRevenue).toBeLessThan(k.states[8]!.indicators.cartelRevenue * 0.8);
    const yearly = d.states.slice(lag + 1).map((s) => s.indicators.cartelRevenue);
    expect(yearly.every((v, i) => i === 0 || v < yearly[i - 1]!)).toBe(true);
  });
});

describe("costs", () => {
  it("each policy's share of effort costs its share of the yearly cost", () => {
    const { states, results } = run(base, [{ [kingpin]: 0.5, [demand]: 0.5 }]);
    const cost = (id: string) => base.policies.find((p) => p.id === id)!.costUsdMillionsPerYear;
    expect(states[1]!.indicators.aidSpent).toBeCloseTo(0.5 * cost(kingpin) + 0.5 * cost(demand), 6);
    expect(results[0]!.effects.filter((e) => e.explanationKey === "policyCost").map((e) => e.cause).sort()).toEqual(
      [`policy:${demand}`, `policy:${kingpin}`].sort(),
    );
  });
});

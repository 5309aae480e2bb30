// Property tests over thousands of random decision paths and seeds (fast-check): determinism,
// ranges, non-negative counts, and effects that add up to every indicator change.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INDICATOR_RANGES, INDICATORS } from "../../shared/content/vocabulary.ts";
import type { GameState } from "../../shared/rules/gameState.ts";
import { createInitialState } from "../../shared/rules/gameState.ts";
import { normaliseMix } from "../../shared/rules/policyMix.ts";
import type { PolicyMix } from "../../shared/rules/policyMix.ts";
import { playPath } from "../../shared/rules/playPath.ts";
import { drawRoundEvents, resolveRound } from "../../shared/rules/resolveRound.ts";
import { createRng } from "../../shared/rules/rng.ts";
import { stepYear } from "../../shared/rules/stepYear.ts";
import { loadDefaultScenario } from "../support/defaultScenario.ts";

const scenario = loadDefaultScenario();
const policyIds = scenario.policies.map((p) => p.id);

const mixArb: fc.Arbitrary<PolicyMix> = fc
  .array(fc.nat({ max: 10 }), { minLength: policyIds.length, maxLength: policyIds.length })
  .map((weights) => normaliseMix(Object.fromEntries(policyIds.map((id, i) => [id, weights[i] ?? 0])), policyIds));
const pathArb = fc.array(mixArb, { minLength: scenario.rounds.length, maxLength: scenario.rounds.length });
const seedArb = fc.integer({ min: 0, max: 0xffffffff });

function checkRanges(state: GameState): void {
  for (const key of INDICATORS) {
    const v = state.indicators[key];
    expect(Number.isFinite(v), key).toBe(true);
    expect(v, key).toBeGreaterThanOrEqual(INDICATOR_RANGES[key].min);
    expect(v, key).toBeLessThanOrEqual(INDICATOR_RANGES[key].max);
  }
  let homicides = 0;
  let groups = 0;
  for (const r of Object.values(state.regions)) {
    expect(r.homicides).toBeGreaterThanOrEqual(0);
    expect(Number.isInteger(r.activeGroups)).toBe(true);
    expect(r.activeGroups).toBeGreaterThanOrEqual(0);
    homicides += r.homicides;
    groups += r.activeGroups;
  }
  expect(state.indicators.homicides).toBeCloseTo(homicides, 3);
  expect(state.indicators.activeGroups).toBe(groups);
  expect(Number.isInteger(state.indicators.leadersAtLarge)).toBe(true);
  expect(state.anonymousLeaders).toBeGreaterThanOrEqual(0);
  expect(state.lieutenants).toBeGreaterThanOrEqual(0);
  expect(state.targetList.captured).toBeLessThanOrEqual(state.targetList.listed);
}

describe("rules properties", () => {
  it("the same seed and decisions give bit-identical outcomes", { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(pathArb, seedArb, (path, seed) => {
        const a = playPath(scenario, path, { seed, keepEffects: true });
        const b = playPath(scenario, path, { seed, keepEffects: true });
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { numRuns: 200 },
    );
  });

  it("indicators stay in range and counts never go negative on any path", { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(pathArb, seedArb, (path, seed) => {
        const record = playPath(scenario, path, { seed });
        for (const y of record.years) {
          for (const key of INDICATORS) {
            expect(y.indicators[key]).toBeGreaterThanOrEqual(INDICATOR_RANGES[key].min);
            expect(y.indicators[key]).toBeLessThanOrEqual(INDICATOR_RANGES[key].max);
          }
          for (const r of Object.values(y.regions)) {
            expect(r.activeGroups).toBeGreaterThanOrEqual(0);
            expect(r.homicides).toBeGreaterThanOrEqual(0);
          }
        }
        checkRanges(record.final);
      }),
      { numRuns: 2000 },
    );
  });

  it("every year's effects add up to the change of every indicator, national and regional", { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(pathArb, seedArb, (path, seed) => {
        const rng = createRng(seed);
        let state = createInitialState(scenario);
        for (const mix of path) {
          const events = drawRoundEvents(state, scenario);
          for (let i = 0; i < scenario.yearsPerRound; i++) {
            const impactEventIds = i === 0 ? events : [];
            const { state: next, effects } = stepYear(state, { mix, eventIds: events, impactEventIds }, scenario, rng);
            for (const key of INDICATORS) {
              const sum = effects.filter((e) => e.indicator === key).reduce((a, e) => a + e.delta, 0);
              expect(sum, `${key} in ${state.year}`).toBeCloseTo(next.indicators[key] - state.indicators[key], 6);
            }
            for (const [id, region] of Object.entries(next.regions)) {
              for (const key of ["homicides", "activeGroups"] as const) {
                const sum = effects.filter((e) => e.indicator === key && e.region === id).reduce((a, e) => a + e.delta, 0);
                expect(sum).toBeCloseTo(region[key] - state.regions[id]![key], 6);
              }
            }
            state = { ...next, firedEvents: [...next.firedEvents, ...events] };
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("stepping does not modify the state it was given", () => {
    fc.assert(
      fc.property(mixArb, seedArb, (mix, seed) => {
        const state = createInitialState(scenario);
        const before = JSON.stringify(state);
        resolveRound(state, mix, drawRoundEvents(state, scenario), scenario, createRng(seed));
        expect(JSON.stringify(state)).toBe(before);
      }),
      { numRuns: 100 },
    );
  });
});

// The strategy space: many fixed policy mixes played over several seeds, scored for the class and
// every role. Used by the dilemma tests and by npm run model:sensitivity to show whether the game
// poses a real choice (no single policy wins, roles disagree, the score tells good from poor).
import type { Scenario } from "../content/scenarioSchema.ts";
import type { PolicyMix } from "./policyMix.ts";
import { normaliseMix } from "./policyMix.ts";
import { playPath } from "./playPath.ts";
import { createRng } from "./rng.ts";
import { getClassOutcomeScore, getRoleScores } from "./scores.ts";

/** One fixed mix played over several seeds: means across seeds. */
export interface MixOutcome {
  mix: PolicyMix;
  classOutcome: number;
  roleScores: Record<string, number>;
  /** Per round (index 0 = round 1): captures in the round, approval and homicides at its end. */
  rounds: { captures: number; approval: number; homicides: number }[];
}

/**
 * Fixed mixes to explore: every single policy, every even pair, then random mixes of two to five
 * policies in steps of 5%, drawn from a seeded generator so the set is the same every run.
 */
export function getFixedMixes(policyIds: readonly string[], count: number, seed = 7): PolicyMix[] {
  const mixes: PolicyMix[] = [];
  const seen = new Set<string>();
  const add = (weights: Record<string, number>) => {
    const mix = normaliseMix(weights, policyIds);
    const key = JSON.stringify(Object.entries(mix).map(([id, share]) => [id, Math.round(share * 100)]));
    if (Object.keys(mix).length === 0 || seen.has(key)) return;
    seen.add(key);
    mixes.push(mix);
  };
  for (const id of policyIds) add({ [id]: 1 });
  for (let i = 0; i < policyIds.length; i++) for (let j = i + 1; j < policyIds.length; j++) add({ [policyIds[i]!]: 1, [policyIds[j]!]: 1 });
  const rng = createRng(seed);
  for (let guard = 0; mixes.length < count && guard < count * 20; guard++) {
    const size = 2 + Math.floor(rng.next() * 4);
    const weights: Record<string, number> = {};
    for (let k = 0; k < size; k++) {
      const id = policyIds[Math.floor(rng.next() * policyIds.length)]!;
      weights[id] = (weights[id] ?? 0) + 1 + Math.floor(rng.next() * 6);
    }
    const total = Object.values(weights).reduce((a, b) => a + b, 0);
    for (const id of Object.keys(weights)) weights[id] = Math.max(1, Math.round((weights[id]! / total) * 20));
    add(weights);
  }
  return mixes.slice(0, count);
}

/** A mix a class could plausibly argue for: at least two policies with 10% or more, none above 60%. */
export function isSensibleMix(mix: PolicyMix): boolean {
  const shares = Object.values(mix);
  return shares.filter((s) => s >= 0.1).length >= 2 && shares.every((s) => s <= 0.6);
}

/** Plays one mix every round over the given seeds and averages the outcomes. */
export function playFixedMix(scenario: Scenario, mix: PolicyMix, seeds: readonly number[]): MixOutcome {
  const path = scenario.rounds.map(() => mix);
  let classOutcome = 0;
  const roleScores: Record<string, number> = Object.fromEntries(scenario.roles.map((r) => [r.id, 0]));
  const rounds = scenario.rounds.map(() => ({ captures: 0, approval: 0, homicides: 0 }));
  for (const seed of seeds) {
    const record = playPath(scenario, path, { seed });
    const start = record.start.indicators;
    classOutcome += getClassOutcomeScore(scenario, start, record.final.indicators);
    for (const [id, score] of Object.entries(getRoleScores(scenario, start, record.final.indicators))) roleScores[id] = (roleScores[id] ?? 0) + score;
    let previousCaptures = 0;
    for (const [i, round] of rounds.entries()) {
      const last = record.years.filter((y) => y.round === i + 1).at(-1);
      if (!last) continue;
      round.captures += last.counters.captures - previousCaptures;
      previousCaptures = last.counters.captures;
      round.approval += last.indicators.approval;
      round.homicides += last.indicators.homicides;
    }
  }
  const n = Math.max(1, seeds.length);
  for (const id of Object.keys(roleScores)) roleScores[id]! /= n;
  return {
    mix,
    classOutcome: classOutcome / n,
    roleScores,
    rounds: rounds.map((r) => ({ captures: r.captures / n, approval: r.approval / n, homicides: r.homicides / n })),
  };
}

export function playFixedMixes(scenario: Scenario, mixes: readonly PolicyMix[], seeds: readonly number[]): MixOutcome[] {
  return mixes.map((mix) => playFixedMix(scenario, mix, seeds));
}

/** Pearson correlation of two equally long series (0 when either is constant). */
export function getCorrelation(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]!;
    mb += b[i]!;
  }
  ma /= n;
  mb /= n;
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < n; i++) {
    cov += (a[i]! - ma) * (b[i]! - mb);
    va += (a[i]! - ma) ** 2;
    vb += (b[i]! - mb) ** 2;
  }
  return va > 0 && vb > 0 ? cov / Math.sqrt(va * vb) : 0;
}

/** The summary figures of a strategy space that say whether the class faces a real dilemma. */
export interface StrategySpaceSummary {
  best: MixOutcome;
  bestSingle: MixOutcome;
  /** Best mix's class outcome minus the best single policy's. */
  bestSingleGap: number;
  /** Policies with 10% or more in the best mix. */
  bestMixPolicies: number;
  /** Role id pair → correlation of their scores across mixes. */
  roleCorrelations: { a: string; b: string; r: number }[];
  maxRoleCorrelation: number;
  /** Share of sensible mixes whose class outcome lies between 10 and 90. */
  sensibleWithin10to90: number;
  sensibleCount: number;
}

export function summariseStrategySpace(scenario: Scenario, outcomes: readonly MixOutcome[]): StrategySpaceSummary {
  const byScore = [...outcomes].sort((a, b) => b.classOutcome - a.classOutcome);
  const best = byScore[0]!;
  const singles = byScore.filter((o) => Object.keys(o.mix).length === 1);
  const bestSingle = singles[0] ?? best;
  const roleIds = scenario.roles.map((r) => r.id);
  const roleCorrelations: StrategySpaceSummary["roleCorrelations"] = [];
  for (let i = 0; i < roleIds.length; i++) {
    for (let j = i + 1; j < roleIds.length; j++) {
      const [a, b] = [roleIds[i]!, roleIds[j]!];
      roleCorrelations.push({ a, b, r: getCorrelation(outcomes.map((o) => o.roleScores[a] ?? 0), outcomes.map((o) => o.roleScores[b] ?? 0)) });
    }
  }
  const sensible = outcomes.filter((o) => isSensibleMix(o.mix));
  return {
    best,
    bestSingle,
    bestSingleGap: best.classOutcome - bestSingle.classOutcome,
    bestMixPolicies: Object.values(best.mix).filter((s) => s >= 0.1).length,
    roleCorrelations,
    maxRoleCorrelation: Math.max(...roleCorrelations.map((c) => c.r)),
    sensibleWithin10to90: sensible.filter((o) => o.classOutcome >= 10 && o.classOutcome <= 90).length / Math.max(1, sensible.length),
    sensibleCount: sensible.length,
  };
}

// The class's decision for a round: shares of effort across policies, and the levers they pull.
import type { Lever } from "../content/vocabulary.ts";
import { LEVERS } from "../content/vocabulary.ts";
import type { CompiledScenario } from "./compiledScenario.ts";

/** Policy id → share of the class's effort; shares are ≥ 0 and sum to 1. */
export type PolicyMix = Record<string, number>;

/** Scales non-negative weights to shares summing to 1, dropping unknown policies; all-zero gives an empty mix. */
export function normaliseMix(weights: Record<string, number>, policyIds: readonly string[]): PolicyMix {
  let total = 0;
  for (const id of policyIds) total += Math.max(0, weights[id] ?? 0);
  const mix: PolicyMix = {};
  if (total <= 0) return mix;
  for (const id of policyIds) {
    const w = Math.max(0, weights[id] ?? 0);
    if (w > 0) mix[id] = w / total;
  }
  return mix;
}

/** What a mix costs per year at full effort, and the share of it the round's budget ceiling pays for. */
export interface MixBudget {
  /** USD millions a year the mix would cost in full. */
  cost: number;
  ceiling: number;
  /** 1 when the mix fits under the ceiling; otherwise ceiling ÷ cost, and every policy is weakened by it. */
  funded: number;
}

export function getMixBudget(c: CompiledScenario, mix: PolicyMix): MixBudget {
  let cost = 0;
  for (const [policyId, share] of Object.entries(mix)) cost += Math.max(0, share) * (c.policies.get(policyId)?.costUsdMillionsPerYear ?? 0);
  const ceiling = c.param.budgetCeiling;
  return { cost, ceiling, funded: cost > ceiling && cost > 0 ? ceiling / cost : 1 };
}

/**
 * Diminishing returns: the first share of effort on a mechanism does the most. Maps raw effort
 * 0..1 onto 0..1 with a curve whose steepness is the `leverSaturation` parameter (0 = linear).
 */
export function getSaturatedEffort(raw: number, saturation: number): number {
  if (raw <= 0) return 0;
  if (saturation <= 1e-6) return Math.min(1, raw);
  return Math.min(1, (1 - Math.exp(-saturation * raw)) / (1 - Math.exp(-saturation)));
}

/**
 * Lever intensities (0..1) from the mix, funded as far as the budget ceiling allows, with
 * diminishing returns, plus any lever boosts of this round's events.
 */
export function getLeverIntensities(c: CompiledScenario, mix: PolicyMix, eventIds: readonly string[]): Record<Lever, number> {
  // Summed by lever index (not by name) for speed; the same operations in the same order as by name.
  const sums = new Array<number>(LEVERS.length).fill(0);
  const { funded } = getMixBudget(c, mix);
  for (const [policyId, share] of Object.entries(mix)) {
    const policyLevers = c.policyLeverList.get(policyId);
    if (!policyLevers) continue;
    for (let i = 0; i < LEVERS.length; i++) sums[i]! += share * funded * policyLevers[i]!;
  }
  const saturation = c.param.leverSaturation;
  const levers = {} as Record<Lever, number>;
  LEVERS.forEach((lever, i) => (levers[lever] = getSaturatedEffort(sums[i]!, saturation)));
  for (const eventId of eventIds) {
    for (const effect of c.events.get(eventId)?.effects ?? []) {
      if (effect.kind === "lever") levers[effect.lever] += effect.delta;
    }
  }
  for (const lever of LEVERS) levers[lever] = Math.min(1, Math.max(0, levers[lever]));
  return levers;
}

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

/** Lever intensities (0..1) from the mix plus any lever boosts of this round's events. */
export function getLeverIntensities(c: CompiledScenario, mix: PolicyMix, eventIds: readonly string[]): Record<Lever, number> {
  const levers = {} as Record<Lever, number>;
  for (const lever of LEVERS) levers[lever] = 0;
  for (const [policyId, share] of Object.entries(mix)) {
    const policyLevers = c.policyLevers.get(policyId);
    if (!policyLevers) continue;
    for (const lever of LEVERS) levers[lever] += share * policyLevers[lever];
  }
  for (const eventId of eventIds) {
    for (const effect of c.events.get(eventId)?.effects ?? []) {
      if (effect.kind === "lever") levers[effect.lever] += effect.delta;
    }
  }
  for (const lever of LEVERS) levers[lever] = Math.min(1, Math.max(0, levers[lever]));
  return levers;
}

// How fast institutions grow with effort, calibrated instead of assumed: the effort Mexico actually
// made (the historical path, Mérida included) holds institutions at their starting strength on
// average. INEGI's victimisation survey (ENVIPE) shows no gain: the share of crimes never reported or
// never investigated stayed between 91.6% and 93.8% every year from 2010 to 2023.
import type { CompiledScenario } from "./compiledScenario.ts";
import { getLeverIntensities } from "./policyMix.ts";

/** Round-triggered event ids of each round: they fire in every path, the replay included. */
function getRoundEventIds(c: CompiledScenario, round: number): string[] {
  return c.scenario.events.filter((e) => e.trigger.kind === "round" && e.trigger.round === round).map((e) => e.id);
}

/**
 * Mean yearly intensity of the institutions lever over the historical path, as the rules apply it:
 * funded within the budget ceiling, with diminishing returns and the rounds' lever events.
 */
export function getHistoricalInstitutionEffort(c: CompiledScenario): number {
  const path = c.scenario.historicalPath;
  if (path.length === 0) return 0;
  let sum = 0;
  path.forEach((round, i) => (sum += getLeverIntensities(c, round.mix, getRoundEventIds(c, i + 1)).institutions));
  return sum / path.length;
}

/**
 * Strength points a year that full institution effort adds at strength 0 (less as strength rises).
 * Chosen so that, at the starting strength, the historical effort adds what erosion takes away plus
 * the observed trend: gain × effort × (1 − start/100) = decay rate × start + trend. 0 when the
 * historical path never funds institutions (the content check refuses such a scenario).
 */
export function calibrateInstitutionGain(c: CompiledScenario): number {
  const start = c.param.startInstitutionalStrength;
  const headroom = getHistoricalInstitutionEffort(c) * (1 - start / 100);
  const needed = c.param.institutionDecayRate * start + c.param.historicalInstitutionTrend;
  return headroom > 0 ? Math.max(0, needed / headroom) : 0;
}

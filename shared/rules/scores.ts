// Role scores and the class outcome: how far the indicators moved in the direction an agenda
// wants, on a 0–100 scale where 50 means "no better, no worse than at the start".
import type { Scenario } from "../content/scenarioSchema.ts";
import type { Indicator } from "../content/vocabulary.ts";
import { INDICATORS } from "../content/vocabulary.ts";

export type IndicatorValues = Record<Indicator, number>;
export type AgendaWeights = Partial<Record<Indicator, number>>;

export function getAgendaScore(scenario: Scenario, weights: AgendaWeights, start: IndicatorValues, now: IndicatorValues): number {
  let weighted = 0;
  let totalWeight = 0;
  for (const indicator of INDICATORS) {
    const w = weights[indicator] ?? 0;
    if (w === 0) continue;
    const scale = scenario.indicators[indicator].scoreScale;
    weighted += (w * (now[indicator] - start[indicator])) / scale;
    totalWeight += Math.abs(w);
  }
  if (totalWeight === 0) return 50;
  return Math.round(50 + 50 * Math.tanh(weighted / totalWeight));
}

export function getRoleScores(scenario: Scenario, start: IndicatorValues, now: IndicatorValues): Record<string, number> {
  const scores: Record<string, number> = {};
  for (const role of scenario.roles) scores[role.id] = getAgendaScore(scenario, role.weights, start, now);
  return scores;
}

export function getClassOutcomeScore(scenario: Scenario, start: IndicatorValues, now: IndicatorValues): number {
  return getAgendaScore(scenario, scenario.classAgenda.weights, start, now);
}

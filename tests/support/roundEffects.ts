// Each round's effects as the server sends them (merged per indicator, region and cause), over the
// historical path and every single-policy path of the default scenario: the material of the why-line tests.
import type { EffectSnapshot } from "../../client/state/snapshot.ts";
import { summariseEffects } from "../../shared/rules/effects.ts";
import { getHistoricalPath, getSinglePolicyPath, playPath } from "../../shared/rules/playPath.ts";
import { loadDefaultScenario } from "./defaultScenario.ts";

function roundsOf(path: ReturnType<typeof getHistoricalPath>, seed: number): EffectSnapshot[][] {
  const scenario = loadDefaultScenario();
  const record = playPath(scenario, path, { seed, keepEffects: true });
  return scenario.rounds.map((_, i) => {
    const years = new Set(record.years.filter((y) => y.round === i + 1).map((y) => y.year));
    return summariseEffects(record.effects.filter((e) => years.has(e.year))).map((e) => ({ ...e, region: e.region ?? "" }));
  });
}

/** Every round of every path, played once per seed factor (seed = factor × 100 + the path's index). */
export function getRoundEffects(seedFactors: readonly number[]): EffectSnapshot[][] {
  const scenario = loadDefaultScenario();
  const paths = [getHistoricalPath(scenario), ...scenario.policies.map((p) => getSinglePolicyPath(scenario, p.id))];
  return paths.flatMap((path, i) => seedFactors.flatMap((factor) => roundsOf(path, factor * 100 + i)));
}

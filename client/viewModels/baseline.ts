// The scenario's starting values (before the first round), from the shared rules' initial state (pure).
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import type { YearPoint } from "../../shared/protocol/index.ts";
import { createInitialState } from "../../shared/rules/gameState.ts";

const cache = new WeakMap<Scenario, YearPoint>();

/** A YearPoint for the start of play, dated the year before the first simulated year. */
export function getBaselinePoint(scenario: Scenario): YearPoint {
  const cached = cache.get(scenario);
  if (cached) return cached;
  const state = createInitialState(scenario);
  const regions: YearPoint["regions"] = {};
  for (const [id, r] of Object.entries(state.regions)) regions[id] = { homicides: r.homicides, activeGroups: r.activeGroups };
  const point: YearPoint = { year: scenario.startYear - 1, round: 0, indicators: { ...state.indicators }, regions };
  cache.set(scenario, point);
  return point;
}

/** The state at the end of the round before the last resolved one (or the start), for "change since last round". */
export function getPreviousRoundPoint(scenario: Scenario, years: readonly YearPoint[]): YearPoint | null {
  if (years.length < scenario.yearsPerRound) return null;
  const index = years.length - 1 - scenario.yearsPerRound;
  return index < 0 ? getBaselinePoint(scenario) : (years[index] ?? null);
}

// A round of the game in the rules: which events open it, and its years resolved in turn.
import type { Scenario, ScenarioEvent } from "../content/scenarioSchema.ts";
import type { Indicator, Lever } from "../content/vocabulary.ts";
import type { Effect } from "./effects.ts";
import type { GameState, TargetList } from "./gameState.ts";
import type { PolicyMix } from "./policyMix.ts";
import type { Rng } from "./rng.ts";
import { compileScenario } from "./compiledScenario.ts";
import { getLeverIntensities, getMixBudget } from "./policyMix.ts";
import type { Capture } from "./stepYear.ts";
import { cloneState, stepYearInPlace } from "./stepYear.ts";

/** A snapshot at the end of one simulated year, for charts, the CLI and calibration. */
export interface YearRecord {
  year: number;
  round: number;
  indicators: Record<Indicator, number>;
  regions: Record<string, { homicides: number; activeGroups: number }>;
  levers: Record<Lever, number>;
  targetList: TargetList;
  counters: GameState["counters"];
}

export interface RoundResult {
  state: GameState;
  effects: Effect[];
  captures: Capture[];
  years: YearRecord[];
}

/** The round about to be played (1-based). */
export function getCurrentRound(state: GameState): number {
  return state.roundsPlayed + 1;
}

function isConditionMet(event: ScenarioEvent, state: GameState, round: number): boolean {
  const trigger = event.trigger;
  if (trigger.kind === "round") return trigger.round === round;
  if (round < trigger.fromRound) return false;
  let value: number | undefined;
  if (trigger.region) {
    const region = state.regions[trigger.region];
    if (trigger.indicator === "homicides" || trigger.indicator === "activeGroups") value = region?.[trigger.indicator];
  } else {
    value = state.indicators[trigger.indicator];
  }
  if (value === undefined) return false;
  return (trigger.above === undefined || value > trigger.above) && (trigger.below === undefined || value < trigger.below);
}

/** Events that open the coming round: those scheduled for it and conditions now met (each fires once). */
export function drawRoundEvents(state: GameState, scenario: Scenario): string[] {
  const round = getCurrentRound(state);
  return scenario.events
    .filter((e) => !state.firedEvents.includes(e.id) && isConditionMet(e, state, round))
    .map((e) => e.id);
}

export function recordYear(state: GameState, round: number, levers: Record<Lever, number>): YearRecord {
  const regions: YearRecord["regions"] = {};
  for (const id in state.regions) {
    const r = state.regions[id]!;
    regions[id] = { homicides: r.homicides, activeGroups: r.activeGroups };
  }
  return {
    year: state.year - 1,
    round,
    indicators: { ...state.indicators },
    regions,
    levers,
    targetList: { ...state.targetList },
    counters: { ...state.counters },
  };
}

/** The year an event's one-off effects land: its own year if it falls in the round, else the round's first. */
export function getImpactYear(event: ScenarioEvent | undefined, roundStartYear: number, yearsPerRound: number): number {
  if (!event) return roundStartYear;
  const inRound = event.year >= roundStartYear && event.year < roundStartYear + yearsPerRound;
  return inRound ? event.year : roundStartYear;
}

/** Resolves every year of the coming round under one policy mix and the round's events (pure: `state` is not modified). */
export function resolveRound(
  state: GameState,
  mix: PolicyMix,
  eventIds: readonly string[],
  scenario: Scenario,
  rng: Rng,
): RoundResult {
  return resolveRoundInPlace(cloneState(state), mix, eventIds, scenario, rng, { keepEffects: true });
}

/**
 * Resolves the round on `state` itself, a working copy the caller owns (playPath clones once per game
 * instead of once per year). Without `keepEffects` no effect records are built.
 */
export function resolveRoundInPlace(
  state: GameState,
  mix: PolicyMix,
  eventIds: readonly string[],
  scenario: Scenario,
  rng: Rng,
  options: { keepEffects: boolean },
): RoundResult {
  const c = compileScenario(scenario);
  const round = getCurrentRound(state);
  for (const id of eventIds) if (!state.firedEvents.includes(id)) state.firedEvents.push(id);
  const effects: Effect[] = [];
  const captures: Capture[] = [];
  const years: YearRecord[] = [];
  const roundStartYear = state.year;
  // The mix and events hold for the whole round, so its levers and budget are worked out once.
  const plan = { levers: getLeverIntensities(c, mix, eventIds), budget: getMixBudget(c, mix) };
  for (let i = 0; i < scenario.yearsPerRound; i++) {
    const year = roundStartYear + i;
    const impactEventIds = eventIds.length === 0 ? eventIds : eventIds.filter((id) => getImpactYear(c.events.get(id), roundStartYear, scenario.yearsPerRound) === year);
    const result = stepYearInPlace(state, { mix, eventIds, impactEventIds }, c, rng, { keepEffects: options.keepEffects, plan });
    for (const e of result.effects) effects.push(e);
    for (const cap of result.captures) captures.push(cap);
    years.push(recordYear(state, round, result.levers));
  }
  state.roundsPlayed = round;
  return { state, effects, captures, years };
}

// Plays a whole scenario under a given path of policy mixes: the historical replay, a single
// policy every round, or any custom path. Used by the CLI, calibration, tests and the editor.
import type { Scenario } from "../content/scenarioSchema.ts";
import type { Effect } from "./effects.ts";
import type { GameState } from "./gameState.ts";
import { createInitialState } from "./gameState.ts";
import type { PolicyMix } from "./policyMix.ts";
import type { YearRecord } from "./resolveRound.ts";
import { drawRoundEvents, resolveRoundInPlace } from "./resolveRound.ts";
import { createRng } from "./rng.ts";
import type { Capture } from "./stepYear.ts";
import { cloneState } from "./stepYear.ts";

export interface GameRecord {
  seed: number;
  start: GameState;
  final: GameState;
  years: YearRecord[];
  captures: Capture[];
  effects: Effect[];
  /** Events that opened each round, by round index. */
  roundEvents: string[][];
}

export interface PlayOptions {
  seed: number;
  /** Keep every effect (the CLI and tests); off for Monte-Carlo speed. */
  keepEffects?: boolean;
  /** Play only the first rounds (a session shorter than the scenario); they come out as in a whole game. */
  rounds?: number;
}

export function getHistoricalPath(scenario: Scenario): PolicyMix[] {
  return scenario.historicalPath.map((r) => r.mix);
}

export function getSinglePolicyPath(scenario: Scenario, policyId: string): PolicyMix[] {
  return scenario.rounds.map(() => ({ [policyId]: 1 }));
}

/** Plays every round; a path shorter than the scenario repeats its last mix. */
export function playPath(scenario: Scenario, path: readonly PolicyMix[], options: PlayOptions): GameRecord {
  const rng = createRng(options.seed);
  const start = createInitialState(scenario);
  // One working copy for the whole game: the rules step it in place, year after year.
  const state = cloneState(start);
  const record: GameRecord = { seed: options.seed, start, final: start, years: [], captures: [], effects: [], roundEvents: [] };
  const rounds = Math.min(scenario.rounds.length, options.rounds ?? Number.POSITIVE_INFINITY);
  for (let round = 0; round < rounds; round++) {
    const mix = path[round] ?? path[path.length - 1] ?? {};
    const events = drawRoundEvents(state, scenario);
    const result = resolveRoundInPlace(state, mix, events, scenario, rng, { keepEffects: options.keepEffects === true });
    record.roundEvents.push(events);
    for (const y of result.years) record.years.push(y);
    for (const c of result.captures) record.captures.push(c);
    if (options.keepEffects) for (const e of result.effects) record.effects.push(e);
  }
  record.final = state;
  return record;
}

// Resolve and debrief: turns the round's secret votes into a tally and a policy mix, runs the
// shared rules, and copies what the board draws into the synced state.
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import type { Indicator } from "../../shared/content/vocabulary.ts";
import { INDICATORS } from "../../shared/content/vocabulary.ts";
import { summariseEffects } from "../../shared/rules/effects.ts";
import type { GameState } from "../../shared/rules/gameState.ts";
import { getHistoricalPath, playPath } from "../../shared/rules/playPath.ts";
import type { PolicyMix } from "../../shared/rules/policyMix.ts";
import { normaliseMix } from "../../shared/rules/policyMix.ts";
import type { RoundResult, YearRecord } from "../../shared/rules/resolveRound.ts";
import { getClassOutcomeScore, getRoleScores } from "../../shared/rules/scores.ts";
import type { VoteValue } from "../../shared/protocol/messages.ts";
import type { YearPoint } from "../../shared/protocol/stateTypes.ts";
import { encodeEffect, encodeRoundLog, encodeYear, type FormatOf, type WordIndex } from "../../shared/protocol/wireCodec.ts";
import { selectSentEffects } from "../../shared/protocol/whyEffects.ts";
import { shownDigitsOf, toWire } from "../../shared/protocol/wirePrecision.ts";
import type { EffectPoint } from "../../shared/protocol/stateTypes.ts";
import { CaptureState, EffectState, RoundLogState, YearState, type SessionState } from "../state/SessionState.ts";

/** Adds up the votes: points per policy, or one per single choice. */
export function tallyVotes(votes: Iterable<VoteValue>, policyIds: readonly string[]): Record<string, number> {
  const tally: Record<string, number> = Object.fromEntries(policyIds.map((id) => [id, 0]));
  for (const vote of votes) {
    if ("choice" in vote) tally[vote.choice] = (tally[vote.choice] ?? 0) + 1;
    else for (const [id, points] of Object.entries(vote.points)) tally[id] = (tally[id] ?? 0) + points;
  }
  return tally;
}

export function getMix(tally: Record<string, number>, scenario: Scenario): PolicyMix {
  return normaliseMix(tally, scenario.policies.map((p) => p.id));
}

function toYearPoint(y: YearRecord): YearPoint {
  return { year: y.year, round: y.round, indicators: y.indicators, regions: y.regions };
}

/** Each indicator's display format, which its numbers must still show as after travelling as float32. */
export function getFormatOf(scenario: Scenario): FormatOf {
  return (indicator) => scenario.indicators[indicator as Indicator]?.format ?? "count";
}

/** A year as the state holds it, in the orders INDICATORS and the state's regionIds. */
export function toYearState(state: SessionState, scenario: Scenario, y: YearPoint): YearState {
  return new YearState(encodeYear(y, INDICATORS, [...state.regionIds], getFormatOf(scenario)));
}

/** Writes the orders of the state's numbers: regions, policies (once, at creation; indicators follow INDICATORS). */
export function writeOrders(state: SessionState, scenario: Scenario, regionIds: readonly string[]): void {
  state.regionIds.push(...regionIds);
  state.policyIds.push(...scenario.policies.map((p) => p.id));
}

/** Sets each value, never clearing: a map whose keys stay the same sends only the values that changed. */
function setValues(target: { get(key: string): number | undefined; set(key: string, value: number): unknown }, values: Record<string, number>): void {
  for (const [key, value] of Object.entries(values)) if (target.get(key) !== value) target.set(key, value);
}

/**
 * Copies what the board needs beyond the year history into the state: the captured leaders and
 * the year. The country's numbers travel once, in the years (the last one is the country now).
 */
export function writeCountry(state: SessionState, game: GameState): void {
  for (const [id, leader] of Object.entries(game.leaders)) {
    if (!leader.atLarge && leader.capturedYear !== null && !state.capturedLeaders.has(id)) state.capturedLeaders.set(id, leader.capturedYear);
  }
  state.year = game.year;
}

/**
 * The effects that travel (the few a "why" line can show, chosen at full precision) with their
 * deltas as float32 that show as the rules' (shared/protocol/wirePrecision.ts), ordered by their
 * full size relative to their indicator's scale. Views rank them by rounded size with a stable
 * sort (shared/rules/whySelection.ts), so two that round to the same size keep the order their
 * full sizes give, and every view picks the lines it would from the rules' effects.
 */
export function toSentEffects(scenario: Scenario, effects: readonly EffectPoint[]): EffectPoint[] {
  const formatOf = getFormatOf(scenario);
  const weight = (e: EffectPoint) => Math.abs(e.delta) / (scenario.indicators[e.indicator as Indicator]?.scoreScale ?? 1);
  return selectSentEffects(scenario, effects)
    .sort((a, b) => weight(b) - weight(a))
    .map((e) => ({ ...e, delta: toWire(e.delta, shownDigitsOf(formatOf(e.indicator)), "change") }));
}

/** A round's outcome at full precision, which the session keeps for the report (the state carries it rounded). */
export interface RoundWritten {
  /** Every effect of the round, merged for display (only the few a "why" line can show travel). */
  effects: EffectPoint[];
  years: YearPoint[];
}

/**
 * Writes one resolved round (and its reveal) into the synced state: the effects a "why" line can
 * show, in their compact form; years and the round log appended, numbers as float32 that show as
 * the rules' values (shared/protocol/wirePrecision.ts). Returns the round at full precision (every
 * effect, the years), which the session keeps for the report.
 */
export function writeRoundResult(options: {
  state: SessionState;
  scenario: Scenario;
  words: WordIndex;
  result: RoundResult;
  tally: Record<string, number>;
  mix: PolicyMix;
  votes: number;
  startIndicators: Record<Indicator, number>;
}): RoundWritten {
  const { state, scenario, result, tally, mix, words } = options;
  writeCountry(state, result.state);
  const effects = summariseEffects(result.effects).map((e) => ({ indicator: e.indicator, delta: e.delta, region: e.region ?? "", cause: e.cause, explanationKey: e.explanationKey, params: e.params, figures: e.figures }));
  state.effects.clear();
  state.effects.push(...toSentEffects(scenario, effects).map((e) => new EffectState(encodeEffect(e, words))));
  state.captures.clear();
  state.captures.push(
    ...result.captures.map(
      (c) => new CaptureState({ year: c.year, leaderId: c.leaderId ?? "", regionId: c.regionId, splinters: c.splinters, dismantled: c.dismantled }),
    ),
  );
  const years = result.years.map(toYearPoint);
  for (const y of years) state.years.push(toYearState(state, scenario, y));
  const entry = { round: state.round, tally, mix, votes: options.votes };
  state.roundLog.push(new RoundLogState(encodeRoundLog(entry, [...state.policyIds])));
  // Scores are whole numbers (shared/rules/scores.ts), as every view shows them: they travel as they are.
  setValues(state.roleScores, getRoleScores(scenario, options.startIndicators, result.state.indicators));
  state.classOutcome = getClassOutcomeScore(scenario, options.startIndicators, result.state.indicators);
  return { effects, years };
}

/** Clears the previous round's reveal when a new round opens. */
export function clearReveal(state: SessionState): void {
  state.effects.clear();
  state.captures.clear();
}

/**
 * The debrief: the historical path's scores and the most-endorsed arguments into the state; returns
 * the historical path's years over the same rounds, which clients ask for (`history`): they depend
 * only on the scenario, the seed and the rounds, so they never travel in the synced state.
 */
export function writeDebrief(options: { state: SessionState; scenario: Scenario; seed: number; startIndicators: Record<Indicator, number> }): YearPoint[] {
  const { state, scenario } = options;
  const record = playPath(scenario, getHistoricalPath(scenario), { seed: options.seed, rounds: state.totalRounds });
  const played = record.years.map(toYearPoint);
  const last = played[played.length - 1];
  const end = last ? last.indicators : options.startIndicators;
  setValues(state.historicalRoleScores, getRoleScores(scenario, options.startIndicators, end));
  state.historicalClassOutcome = getClassOutcomeScore(scenario, options.startIndicators, end);
  const ranked = [...state.arguments.values()]
    // Bots fill seats; the class's most convincing arguments are the students' own.
    .filter((a) => a.endorsements > 0 && !a.authorIsBot)
    .sort((a, b) => b.endorsements - a.endorsements || a.round - b.round || a.id.localeCompare(b.id))
    .slice(0, 5);
  state.topArgumentIds.clear();
  for (const a of ranked) state.topArgumentIds.push(a.id);
  return played;
}

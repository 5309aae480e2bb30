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
import type { RoundLogEntry, YearPoint } from "../../shared/protocol/stateTypes.ts";
import { ArraySchema } from "@colyseus/schema";
import { CaptureState, EffectState, RegionValues, type SessionState } from "../state/SessionState.ts";

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

function replaceMap(target: { clear(): void; set(key: string, value: number): unknown }, values: Record<string, number>): void {
  target.clear();
  for (const [key, value] of Object.entries(values)) target.set(key, value);
}

/** Copies the country's indicators, regions, organisations and captured leaders into the state. */
export function writeCountry(state: SessionState, game: GameState): void {
  for (const key of INDICATORS) state.indicators.set(key, game.indicators[key]);
  for (const [id, region] of Object.entries(game.regions)) {
    const view = state.regions.get(id);
    if (view) {
      view.homicides = region.homicides;
      view.activeGroups = region.activeGroups;
    } else {
      state.regions.set(id, new RegionValues({ homicides: region.homicides, activeGroups: region.activeGroups }));
    }
  }
  for (const [id, status] of Object.entries(game.organisations)) if (state.organisations.get(id) !== status) state.organisations.set(id, status);
  for (const [id, leader] of Object.entries(game.leaders)) {
    if (!leader.atLarge && leader.capturedYear !== null && !state.capturedLeaders.has(id)) state.capturedLeaders.set(id, leader.capturedYear);
  }
  state.year = game.year;
}

/** Writes one resolved round (and its reveal) into the synced state. */
export function writeRoundResult(options: {
  state: SessionState;
  scenario: Scenario;
  result: RoundResult;
  tally: Record<string, number>;
  mix: PolicyMix;
  votes: number;
  startIndicators: Record<Indicator, number>;
}): void {
  const { state, scenario, result, tally, mix } = options;
  writeCountry(state, result.state);
  replaceMap(state.tally, tally);
  replaceMap(state.mix, mix);
  state.effects.clear();
  state.effects.push(
    ...summariseEffects(result.effects).map(
      (e) =>
        new EffectState({
          indicator: e.indicator,
          delta: e.delta,
          region: e.region ?? "",
          cause: e.cause,
          explanationKey: e.explanationKey,
          paramsJson: JSON.stringify(e.params),
          figures: new ArraySchema<string>(...e.figures),
        }),
    ),
  );
  state.captures.clear();
  state.captures.push(
    ...result.captures.map(
      (c) => new CaptureState({ year: c.year, leaderId: c.leaderId ?? "", regionId: c.regionId, splinters: c.splinters, dismantled: c.dismantled }),
    ),
  );
  for (const y of result.years) state.years.push(JSON.stringify(toYearPoint(y)));
  const entry: RoundLogEntry = { round: state.round, eventIds: [...state.eventIds], tally, mix, votes: options.votes };
  state.roundLog.push(JSON.stringify(entry));
  replaceMap(state.roleScores, getRoleScores(scenario, options.startIndicators, result.state.indicators));
  state.classOutcome = getClassOutcomeScore(scenario, options.startIndicators, result.state.indicators);
}

/** Clears the previous round's reveal when a new round opens. */
export function clearReveal(state: SessionState): void {
  state.tally.clear();
  state.mix.clear();
  state.effects.clear();
  state.captures.clear();
}

/** The debrief: the historical path over the same rounds, its scores, and the most-endorsed arguments. */
export function writeDebrief(options: { state: SessionState; scenario: Scenario; seed: number; startIndicators: Record<Indicator, number> }): void {
  const { state, scenario } = options;
  const record = playPath(scenario, getHistoricalPath(scenario), { seed: options.seed });
  const played = record.years.filter((y) => y.round <= state.totalRounds);
  state.historicalYears.clear();
  for (const y of played) state.historicalYears.push(JSON.stringify(toYearPoint(y)));
  const last = played[played.length - 1];
  const end = last ? last.indicators : options.startIndicators;
  replaceMap(state.historicalRoleScores, getRoleScores(scenario, options.startIndicators, end));
  state.historicalClassOutcome = getClassOutcomeScore(scenario, options.startIndicators, end);
  const ranked = [...state.arguments.values()]
    // Bots fill seats; the class's most convincing arguments are the students' own.
    .filter((a) => a.endorsements > 0 && !a.authorIsBot)
    .sort((a, b) => b.endorsements - a.endorsements || a.round - b.round || a.id.localeCompare(b.id))
    .slice(0, 5);
  state.topArgumentIds.clear();
  for (const a of ranked) state.topArgumentIds.push(a.id);
}

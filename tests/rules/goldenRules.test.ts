// Golden test of the rules' speed-ups: the fast path (one working copy per game, lookups compiled once, no effect
// records unless kept) must give bit-identical numbers, in the same rng draw order, as the plain one-year-at-a-time rules.
//
// Two checks, so the model can change without freezing it:
// 1. The fast `playPath` against a reference player written here from the pure `stepYear` (a fresh clone every
//    year, every effect recorded). This compares two code paths and holds whatever the model's numbers are.
// 2. Digests recorded in tests/rules/golden/rulesGolden.json. When the model's numbers change on purpose (new
//    mechanisms or parameters), regenerate them with `npm run golden:rules` in the same commit and say so;
//    never regenerate them to make a speed-up pass.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import type { Effect } from "../../shared/rules/effects.ts";
import { createInitialState } from "../../shared/rules/gameState.ts";
import type { GameRecord } from "../../shared/rules/playPath.ts";
import { playPath } from "../../shared/rules/playPath.ts";
import type { PolicyMix } from "../../shared/rules/policyMix.ts";
import { drawRoundEvents, getImpactYear, recordYear } from "../../shared/rules/resolveRound.ts";
import { createRng } from "../../shared/rules/rng.ts";
import type { Capture } from "../../shared/rules/stepYear.ts";
import { stepYear } from "../../shared/rules/stepYear.ts";
import { loadDefaultScenario } from "../support/defaultScenario.ts";
import { getGameDigest, getGoldenPaths, getGoldenSeeds } from "./golden/goldenGames.ts";

const scenario = loadDefaultScenario();
const seeds = getGoldenSeeds();
const paths = getGoldenPaths(scenario);

/** The rules played the plain way: every year through the pure `stepYear`, every effect kept. */
function playReference(s: Scenario, path: readonly PolicyMix[], seed: number): GameRecord {
  const rng = createRng(seed);
  const start = createInitialState(s);
  let state = start;
  const years: GameRecord["years"] = [];
  const captures: Capture[] = [];
  const effects: Effect[] = [];
  const roundEvents: string[][] = [];
  const eventsById = new Map(s.events.map((e) => [e.id, e]));
  for (let r = 0; r < s.rounds.length; r++) {
    const mix = path[r] ?? path[path.length - 1] ?? {};
    const eventIds = drawRoundEvents(state, s);
    roundEvents.push(eventIds);
    const round = state.roundsPlayed + 1;
    state = { ...state, firedEvents: [...state.firedEvents, ...eventIds.filter((id) => !state.firedEvents.includes(id))] };
    const roundStartYear = state.year;
    for (let i = 0; i < s.yearsPerRound; i++) {
      const year = roundStartYear + i;
      const impactEventIds = eventIds.filter((id) => getImpactYear(eventsById.get(id), roundStartYear, s.yearsPerRound) === year);
      const result = stepYear(state, { mix, eventIds, impactEventIds }, s, rng);
      state = result.state;
      effects.push(...result.effects);
      captures.push(...result.captures);
      years.push(recordYear(state, round, result.levers));
    }
    state.roundsPlayed = round;
  }
  return { seed, start, final: state, years, captures, effects, roundEvents };
}

const golden = JSON.parse(readFileSync(join(import.meta.dirname, "golden", "rulesGolden.json"), "utf8")) as {
  scenario: string;
  games: Record<string, string[]>;
  withEffects: Record<string, string[]>;
};

describe("rules golden: the fast path gives bit-identical games", () => {
  it("plays every golden path and seed exactly as the one-year-at-a-time rules, effects included", { timeout: 60_000 }, () => {
    for (const [name, path] of Object.entries(paths)) {
      for (const seed of seeds.slice(0, 20)) {
        const reference = playReference(scenario, path, seed);
        const fast = playPath(scenario, path, { seed });
        expect(getGameDigest(fast), `${name} seed ${seed}`).toBe(getGameDigest(reference));
        expect(fast.effects, "effects are not kept unless asked").toEqual([]);
        const kept = playPath(scenario, path, { seed, keepEffects: true });
        expect(JSON.stringify(kept), `${name} seed ${seed} with effects`).toBe(JSON.stringify(reference));
      }
    }
  });

  it("leaves the start state untouched", () => {
    const path = paths.historical!;
    const start = createInitialState(scenario);
    const snapshot = JSON.stringify(start);
    const record = playPath(scenario, path, { seed: 7 });
    expect(JSON.stringify(record.start)).toBe(snapshot);
    expect(record.final).not.toBe(record.start);
  });

  it("matches the digests recorded for the current model (regenerate with npm run golden:rules only when the model changes)", { timeout: 60_000 }, () => {
    expect(golden.scenario).toBe(scenario.id);
    expect(Object.keys(golden.games).sort()).toEqual(Object.keys(paths).sort());
    for (const [name, path] of Object.entries(paths)) {
      const digests = seeds.map((seed) => getGameDigest(playPath(scenario, path, { seed })));
      expect(digests, name).toEqual(golden.games[name]);
      const withEffects = seeds.slice(0, 5).map((seed) => getGameDigest(playPath(scenario, path, { seed, keepEffects: true }), { withEffects: true }));
      expect(withEffects, `${name} with effects`).toEqual(golden.withEffects[name]);
    }
  });
});

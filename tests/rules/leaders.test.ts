// Named leaders follow the articles in the historical replay (HISTORY.md's table, as content in
// each leader's `fate`); in any path a leader falls only while active, and evidence cited for an
// effect never speaks of years after the effect.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PolicyMix } from "../../shared/rules/policyMix.ts";
import { normaliseMix } from "../../shared/rules/policyMix.ts";
import type { GameRecord } from "../../shared/rules/playPath.ts";
import { getHistoricalPath, playPath } from "../../shared/rules/playPath.ts";
import { loadDefaultScenario } from "../support/defaultScenario.ts";

const scenario = loadDefaultScenario();
const policyIds = scenario.policies.map((p) => p.id);

/** Whether every named leader's replayed fate matches the articles (captured within a year of the reported year; at large while reported so). */
function isFollowingHistory(record: GameRecord): boolean {
  return scenario.leaders.every((leader) => {
    const state = record.final.leaders[leader.id]!;
    if (leader.fate.kind === "atLarge") return state.atLarge || (state.capturedYear ?? 0) > leader.fate.through;
    return !state.atLarge && Math.abs((state.capturedYear ?? 0) - leader.fate.year) <= 1;
  });
}

describe("named leaders in the historical replay", () => {
  it("follow the articles' table in at least 80% of 200 seeds", () => {
    let following = 0;
    for (let seed = 0; seed < 200; seed++) if (isFollowingHistory(playPath(scenario, getHistoricalPath(scenario), { seed }))) following++;
    expect(following / 200).toBeGreaterThanOrEqual(0.8);
  });

  it("El Mencho and El Mayo are never captured in the replay by the years the articles report them at large", () => {
    for (let seed = 0; seed < 100; seed++) {
      const record = playPath(scenario, getHistoricalPath(scenario), { seed });
      for (const id of ["el-mencho", "el-mayo"]) {
        const state = record.final.leaders[id]!;
        expect(state.atLarge || state.capturedYear! > 2021, `${id} seed ${seed}`).toBe(true);
      }
    }
  });
});

const mixArb: fc.Arbitrary<PolicyMix> = fc
  .array(fc.nat({ max: 10 }), { minLength: policyIds.length, maxLength: policyIds.length })
  .map((w) => normaliseMix(Object.fromEntries(policyIds.map((id, i) => [id, w[i] ?? 0])), policyIds));
const pathArb = fc.array(mixArb, { minLength: scenario.rounds.length, maxLength: scenario.rounds.length });

describe("on any path", () => {
  it("a leader falls at most once, and only while listed and his organisation active", () => {
    fc.assert(
      fc.property(pathArb, fc.nat(), (path, seed) => {
        const record = playPath(scenario, path, { seed });
        const seen = new Set<string>();
        for (const c of record.captures) {
          if (!c.leaderId) continue;
          expect(seen.has(c.leaderId)).toBe(false);
          seen.add(c.leaderId);
          const leader = scenario.leaders.find((l) => l.id === c.leaderId)!;
          const organisation = scenario.organisations.find((o) => o.id === leader.organisation)!;
          expect(c.year).toBeGreaterThanOrEqual(Math.max(leader.onListFrom, organisation.activeFrom));
          expect(record.final.leaders[c.leaderId]).toMatchObject({ atLarge: false, capturedYear: c.year });
        }
      }),
      { numRuns: 300 },
    );
  });

  it("no effect cites a figure about years after the effect's year", () => {
    const firstYear = new Map(scenario.figures.map((f) => [f.id, f.period.from]));
    fc.assert(
      fc.property(pathArb, fc.nat(), (path, seed) => {
        const record = playPath(scenario, path, { seed, keepEffects: true });
        for (const e of record.effects) for (const id of e.figures) expect(firstYear.get(id)!, `${id} cited in ${e.year}`).toBeLessThanOrEqual(e.year);
      }),
      { numRuns: 100 },
    );
  });

  it("the replay's first round cites no figure from Peña Nieto's or later years", () => {
    const record = playPath(scenario, getHistoricalPath(scenario), { seed: scenario.settings.defaultSeed, keepEffects: true });
    const cited = new Set(record.effects.filter((e) => e.year <= 2008).flatMap((e) => e.figures));
    for (const id of ["pena-targets", "cjng-vacuum", "approval-captures", "groups-2021"]) expect(cited.has(id), id).toBe(false);
  });
});

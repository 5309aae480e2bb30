// Captures as the studies measured them (../shared/HISTORY.md): a named leader's removal raises
// killings sharply in his region in that year and less in the neighbours; the rise fades over the
// next years; killing is worse than arresting; a split carries the longer cost; groups also end.
import { describe, expect, it } from "vitest";
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import { createInitialState } from "../../shared/rules/gameState.ts";
import type { PolicyMix } from "../../shared/rules/policyMix.ts";
import { createRng } from "../../shared/rules/rng.ts";
import { stepYear } from "../../shared/rules/stepYear.ts";
import { loadDefaultScenario } from "../support/defaultScenario.ts";
import { withParameters, withoutEvents } from "../support/scenarioBuilders.ts";

const base = withoutEvents(loadDefaultScenario());
const LEADER = "el-chapo";
const leader = base.leaders.find((l) => l.id === LEADER)!;
const home = base.regions.find((r) => r.id === leader.region)!;
const CAPTURE_YEAR_INDEX = 2;
const MIX: PolicyMix = { "social-programmes": 0.5, "arms-tracing": 0.5 };

/** Only the one named leader can fall, in the third year; no other captures or splits unless asked. */
function isolate(options: { capture: boolean; killed: boolean; split: boolean }): Scenario {
  const s = withParameters(base, {
    captureBaseRate: 0,
    captureRatePerTargeting: 0,
    huntBasePerYear: 1,
    huntNoise: 0,
    killShareBase: options.killed ? 1 : 0,
    killSharePerForce: 0,
    splitChance: options.split ? 1 : 0,
    splitInstitutionDamping: 0,
    dismantleChancePerInstitution: 0,
  });
  return {
    ...s,
    leaders: s.leaders.map((l) =>
      l.id === LEADER ? { ...l, onListFrom: s.startYear, huntYears: options.capture ? CAPTURE_YEAR_INDEX + 0.5 : 60 } : { ...l, huntYears: 60 },
    ),
  };
}

/** Mean regional homicides per year over seeds. */
function meanRegional(s: Scenario, years: number, seeds: number): Record<string, number[]> {
  const out: Record<string, number[]> = Object.fromEntries(s.regions.map((r) => [r.id, new Array<number>(years).fill(0)]));
  for (let seed = 0; seed < seeds; seed++) {
    const rng = createRng(seed);
    let state = createInitialState(s);
    for (let y = 0; y < years; y++) {
      state = stepYear(state, { mix: MIX, eventIds: [], impactEventIds: [] }, s, rng).state;
      for (const r of s.regions) out[r.id]![y]! += state.regions[r.id]!.homicides / seeds;
    }
  }
  return out;
}

const YEARS = CAPTURE_YEAR_INDEX + 5;
const SEEDS = 60;
const without = meanRegional(isolate({ capture: false, killed: false, split: false }), YEARS, SEEDS);
/** Relative rise in a region, year k after the capture. */
function rise(withCapture: Record<string, number[]>, region: string, k: number): number {
  const i = CAPTURE_YEAR_INDEX + k;
  return withCapture[region]![i]! / without[region]![i]! - 1;
}
const arrested = meanRegional(isolate({ capture: true, killed: false, split: false }), YEARS, SEEDS);
const killed = meanRegional(isolate({ capture: true, killed: true, split: false }), YEARS, SEEDS);
const split = meanRegional(isolate({ capture: true, killed: false, split: true }), YEARS, SEEDS);
const neighbours = home.neighbours;
const neighbourRise = (m: Record<string, number[]>, k: number) => neighbours.reduce((a, n) => a + rise(m, n, k), 0) / neighbours.length;

describe("a named leader's capture, as the studies measured it", () => {
  it("raises his region's homicides sharply in the capture year (diluted to regional scale)", () => {
    expect(rise(arrested, home.id, 0)).toBeGreaterThan(0.01);
    expect(rise(arrested, home.id, -1)).toBeCloseTo(0, 6);
  });

  it("fades over the next years", () => {
    expect(rise(arrested, home.id, 1)).toBeLessThan(rise(arrested, home.id, 0));
    expect(rise(arrested, home.id, 2)).toBeLessThan(rise(arrested, home.id, 1));
    expect(rise(arrested, home.id, 1)).toBeGreaterThan(0);
  });

  it("spills into the neighbouring regions, less than at home", () => {
    expect(neighbourRise(arrested, 0)).toBeGreaterThan(0);
    expect(neighbourRise(arrested, 0)).toBeLessThan(rise(arrested, home.id, 0) / 2);
  });

  it("brings more violence when the leader is killed than when he is arrested", () => {
    expect(rise(killed, home.id, 0)).toBeGreaterThan(rise(arrested, home.id, 0) * 1.2);
  });

  it("carries the longer cost when his group splits: the war outlasts the spike", () => {
    for (const k of [2, 3, 4]) expect(rise(split, home.id, k)).toBeGreaterThan(rise(arrested, home.id, k) + 0.02);
  });
});

describe("groups end as well as begin", () => {
  it("groups are absorbed, dismantled or run out of money, so the count can fall", () => {
    const s = withParameters(base, { groupEntryRate: 0 });
    const rng = createRng(3);
    let state = createInitialState(s);
    const start = state.indicators.activeGroups;
    let ended = 0;
    for (let y = 0; y < 12; y++) {
      const result = stepYear(state, { mix: { "institution-building": 0.6, "follow-the-money": 0.4 }, eventIds: [], impactEventIds: [] }, s, rng);
      ended += result.effects.filter((e) => e.explanationKey === "groupsAttrition" || e.explanationKey === "groupDismantled").length;
      state = result.state;
    }
    expect(ended).toBeGreaterThan(0);
    expect(state.indicators.activeGroups).toBeLessThan(start);
    expect(state.counters.endedGroups - state.counters.newGroups).toBe(start - state.indicators.activeGroups);
  });
});

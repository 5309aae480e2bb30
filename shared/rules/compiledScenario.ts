// A scenario prepared for fast, repeated rule evaluation: parameter values by key, lookups by id.
// Compiled once per scenario object (cached), so Monte-Carlo runs do not redo the work.
import type { Leader, Organisation, Policy, Region, Scenario, ScenarioEvent } from "../content/scenarioSchema.ts";
import type { Lever, ParameterKey } from "../content/vocabulary.ts";
import { LEVERS } from "../content/vocabulary.ts";
import type { RememberedCounts } from "./countFormulas.ts";
import { calibrateInstitutionGain } from "./institutionGain.ts";

export interface CompiledScenario {
  scenario: Scenario;
  param: Record<ParameterKey, number>;
  /** Strength points a year that full institution effort adds, calibrated on the historical path (institutionGain.ts). */
  institutionGain: number;
  /** Figure ids behind each parameter (empty for assumptions). */
  paramFigures: Record<ParameterKey, string[]>;
  regions: Region[];
  /** Criminal groups in all regions at the start. */
  startGroups: number;
  /** Homicides in all regions at the start. */
  startHomicides: number;
  regionIndex: Map<string, number>;
  /** Region ids in `regions` order: the rules keep per-region tallies in arrays by this index. */
  regionIds: string[];
  /** Each region's neighbours that are regions of the scenario (a map may name others), as indices into `regions`. */
  regionNeighbours: number[][];
  policies: Map<string, Policy>;
  events: Map<string, ScenarioEvent>;
  leaders: Leader[];
  /** First year each leader (same order as `leaders`) can be hunted: on the list and his organisation active. */
  leaderHuntFrom: number[];
  /** Named leaders by organisation. */
  leadersByOrganisation: Map<string, Leader[]>;
  /** The start year's organisations, in a scenario region, whose heads the scenario does not name: their heads are the unnamed top targets. */
  unnamedHeadOrganisations: Organisation[];
  /** Lever intensities of each policy, all levers present. */
  policyLevers: Map<string, Record<Lever, number>>;
  /** The same intensities in LEVERS order. */
  policyLeverList: Map<string, number[]>;
  /** First year each figure speaks about: evidence is never cited before it. */
  figureFromYear: Map<string, number>;
  /** First year each organisation is active: its leaders cannot fall before it. */
  organisationFromYear: Map<string, number>;
  /** `getParamFigures` answers for lists of several parameters, by first parameter: the rules ask for the same lists every year. */
  paramFiguresByFirstKey: Map<string, { keys: readonly ParameterKey[]; figures: string[] }[]>;
  /** Values of the rules' formulas of a count of groups, filled as games ask for them (countFormulas.ts). */
  rememberedCounts: RememberedCounts;
}

const cache = new WeakMap<Scenario, CompiledScenario>();

export function compileScenario(scenario: Scenario): CompiledScenario {
  const cached = cache.get(scenario);
  if (cached) return cached;
  const param = {} as Record<ParameterKey, number>;
  const paramFigures = {} as Record<ParameterKey, string[]>;
  for (const [key, p] of Object.entries(scenario.parameters) as [ParameterKey, Scenario["parameters"][ParameterKey]][]) {
    param[key] = p.value;
    paramFigures[key] = p.figure ? [p.figure] : [];
  }
  const policyLevers = new Map<string, Record<Lever, number>>();
  for (const policy of scenario.policies) {
    const levers = {} as Record<Lever, number>;
    for (const lever of LEVERS) levers[lever] = policy.levers[lever] ?? 0;
    policyLevers.set(policy.id, levers);
  }
  const regionIndex = new Map(scenario.regions.map((r, i) => [r.id, i]));
  const organisationFromYear = new Map(scenario.organisations.map((o) => [o.id, o.activeFrom]));
  const leadersByOrganisation = new Map<string, Leader[]>();
  for (const leader of scenario.leaders) leadersByOrganisation.set(leader.organisation, [...(leadersByOrganisation.get(leader.organisation) ?? []), leader]);
  const compiled: CompiledScenario = {
    scenario,
    param,
    institutionGain: 0,
    paramFigures,
    regions: scenario.regions,
    startGroups: scenario.regions.reduce((sum, r) => sum + r.startGroups, 0),
    startHomicides: scenario.regions.reduce((sum, r) => sum + r.startHomicides, 0),
    regionIndex,
    regionIds: scenario.regions.map((r) => r.id),
    regionNeighbours: scenario.regions.map((r) => r.neighbours.filter((n) => regionIndex.has(n)).map((n) => regionIndex.get(n)!)),
    policies: new Map(scenario.policies.map((p) => [p.id, p])),
    events: new Map(scenario.events.map((e) => [e.id, e])),
    leaders: scenario.leaders,
    leaderHuntFrom: scenario.leaders.map((l) => Math.max(l.onListFrom, organisationFromYear.get(l.organisation) ?? l.onListFrom)),
    leadersByOrganisation,
    unnamedHeadOrganisations: scenario.organisations.filter((o) => o.activeFrom <= scenario.startYear && regionIndex.has(o.region) && !leadersByOrganisation.has(o.id)),
    policyLevers,
    policyLeverList: new Map([...policyLevers].map(([id, levers]) => [id, LEVERS.map((lever) => levers[lever])])),
    figureFromYear: new Map(scenario.figures.map((f) => [f.id, f.period.from])),
    organisationFromYear,
    paramFiguresByFirstKey: new Map(),
    rememberedCounts: new Map(),
  };
  compiled.institutionGain = calibrateInstitutionGain(compiled);
  cache.set(scenario, compiled);
  return compiled;
}

/**
 * Unique figure ids behind a set of parameters. The answer is shared between calls (cached per
 * compiled scenario): treat it as read-only; the ledger copies it into each effect.
 */
export function getParamFigures(c: CompiledScenario, ...keys: ParameterKey[]): string[] {
  // One parameter cites at most one figure: its list is already unique.
  if (keys.length === 1) return c.paramFigures[keys[0]!];
  const first = keys[0]!;
  let lists = c.paramFiguresByFirstKey.get(first);
  if (!lists) c.paramFiguresByFirstKey.set(first, (lists = []));
  for (const list of lists) if (list.keys.length === keys.length && list.keys.every((k, i) => k === keys[i])) return list.figures;
  const out: string[] = [];
  for (const key of keys) for (const f of c.paramFigures[key]) if (!out.includes(f)) out.push(f);
  lists.push({ keys, figures: out });
  return out;
}

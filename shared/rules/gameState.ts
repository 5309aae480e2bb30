// The rules' state of the country: plain, JSON-serialisable data that the server stores and
// the rules step forward one year at a time.
import type { Indicator, Lever } from "../content/vocabulary.ts";
import { INDICATORS, LEVERS } from "../content/vocabulary.ts";
import type { Scenario } from "../content/scenarioSchema.ts";
import { compileScenario } from "./compiledScenario.ts";

/** Components whose sum is a region's yearly homicides; each changes for its own reason. */
export interface HomicideComponents {
  /** Ordinary crime, not tied to criminal groups. */
  baseline: number;
  /** The settled level of killing by the groups present (moves toward its target with inertia). */
  organised: number;
  /** Open wars between factions after splits: they break out over a year or two and burn out slowly. */
  fragmentation: number;
  /** The sharp, short rise right after a leader is removed here or next door. */
  capture: number;
  /** Clashes between the armed forces and the groups. */
  confrontation: number;
}

export interface RegionState {
  homicides: number;
  activeGroups: number;
  components: HomicideComponents;
  /** Succession fights opened by recent removals that have not yet broken out into open war (homicides a year). */
  pendingWar: number;
  /** Rival cartels' expansion into a fallen cartel's turf, not yet broken out (homicides a year). */
  pendingExpansion: number;
  /** Wars whose factions have regrouped and are arming and recruiting before the fighting (homicides a year). */
  armingWar: number;
  /** Baseline homicides at the start, before institutions change them. */
  startBaseline: number;
}

export interface LeaderState {
  atLarge: boolean;
  capturedYear: number | null;
  /** True when the leader was killed in the operation rather than arrested. */
  killed: boolean;
  /** Years of effective hunting so far; the leader is found when it reaches the leader's huntYears. */
  hunt: number;
}

export interface TargetList {
  listedYear: number;
  listed: number;
  captured: number;
}

export interface GameState {
  /** The next year to simulate. */
  year: number;
  /** Rounds already resolved. */
  roundsPlayed: number;
  indicators: Record<Indicator, number>;
  regions: Record<string, RegionState>;
  leaders: Record<string, LeaderState>;
  /** Top capture targets at large that are not named leaders: the heads of the start year's big organisations. */
  anonymousLeaders: number;
  /** Capacity to find targets (0..1): follows the targeting effort with a lag. */
  targetingCapacity: number;
  /** Armed forces deployed against the groups (0..1): follows the force effort with a lag. */
  deployment: number;
  /** Lesser targets at large: lieutenants and plaza bosses of a long target list, and the bosses of new factions and newcomers. */
  lieutenants: number;
  targetList: TargetList;
  revenue: { gross: number; legalisationLoss: number; financialLoss: number };
  impunity: { base: number; institutions: number; overload: number; amnesty: number; events: number };
  /** Drug demand relative to the start (1 = as in the start year). */
  demandIndex: number;
  /** Share of cartel revenue from synthetic drugs, which legal markets for plants do not touch. */
  syntheticShare: number;
  /** Recent yearly lever intensities, newest last, for delayed effects. */
  leverHistory: Record<Lever, number[]>;
  counters: {
    captures: number;
    newGroups: number;
    /** Groups that ended (dismantled, absorbed, exhausted). */
    endedGroups: number;
    cumulativeHomicides: number;
    /** Homicides attributed to organised crime (every component but the baseline). */
    organisedHomicides: number;
  };
  organisations: Record<string, "active" | "fragmented">;
  firedEvents: string[];
}

/** How many past years of lever intensities the rules keep. */
export const LEVER_HISTORY_YEARS = 8;

export function createInitialState(scenario: Scenario): GameState {
  const c = compileScenario(scenario);
  const p = c.param;
  const regions: Record<string, RegionState> = {};
  let homicides = 0;
  let groups = 0;
  for (const region of scenario.regions) {
    const organised = p.homicidesPerGroup * Math.pow(region.startGroups, p.groupViolenceExponent);
    const baseline = Math.max(0, region.startHomicides - organised);
    const components = { baseline, organised, fragmentation: 0, capture: 0, confrontation: 0 };
    const total = baseline + organised;
    regions[region.id] = { homicides: total, activeGroups: region.startGroups, components, pendingWar: 0, pendingExpansion: 0, armingWar: 0, startBaseline: baseline };
    homicides += total;
    groups += region.startGroups;
  }
  const leaders: Record<string, LeaderState> = {};
  let namedAtLarge = 0;
  for (const leader of scenario.leaders) {
    leaders[leader.id] = { atLarge: true, capturedYear: null, killed: false, hunt: 0 };
    if (leader.onListFrom <= scenario.startYear) namedAtLarge++;
  }
  const startLeaders = Math.max(p.startLeadersAtLarge, namedAtLarge);
  const indicators = {} as Record<Indicator, number>;
  for (const key of INDICATORS) indicators[key] = 0;
  Object.assign(indicators, {
    homicides,
    activeGroups: groups,
    leadersAtLarge: startLeaders,
    institutionalStrength: p.startInstitutionalStrength,
    impunity: p.startImpunity,
    approval: p.startApproval,
    cartelRevenue: p.startCartelRevenue,
    aidSpent: 0,
    humanRightsConcerns: p.startHumanRightsConcerns,
  } satisfies Record<Indicator, number>);

  // Before the scenario starts, institutions were kept at their starting level: the effort
  // that holds them steady fills the lag pipeline, so the first years neither boom nor collapse.
  const holdingGain = c.institutionGain * (1 - p.startInstitutionalStrength / 100);
  const holdingLoss = p.institutionDecayRate * p.startInstitutionalStrength;
  const steadyInstitutionEffort = holdingGain > 0 ? Math.min(1, holdingLoss / holdingGain) : holdingLoss > 0 ? 1 : 0;
  const leverHistory = {} as Record<Lever, number[]>;
  for (const lever of LEVERS) leverHistory[lever] = [];
  leverHistory.institutions = new Array<number>(LEVER_HISTORY_YEARS).fill(steadyInstitutionEffort);

  const organisations: Record<string, "active" | "fragmented"> = {};
  for (const org of scenario.organisations) organisations[org.id] = "active";

  return {
    year: scenario.startYear,
    roundsPlayed: 0,
    indicators,
    regions,
    leaders,
    anonymousLeaders: startLeaders - namedAtLarge,
    lieutenants: 0,
    targetingCapacity: 0,
    deployment: 0,
    targetList: { listedYear: scenario.startYear, listed: startLeaders, captured: 0 },
    revenue: { gross: p.startCartelRevenue, legalisationLoss: 0, financialLoss: 0 },
    impunity: { base: p.startImpunity, institutions: 0, overload: 0, amnesty: 0, events: 0 },
    demandIndex: 1,
    syntheticShare: p.startSyntheticShare,
    leverHistory,
    counters: { captures: 0, newGroups: 0, endedGroups: 0, cumulativeHomicides: 0, organisedHomicides: 0 },
    organisations,
    firedEvents: [],
  };
}

/** Average of a lever over the `years` before the current one (0 where no history). */
export function getLaggedLever(state: GameState, lever: Lever, lagYears: number, span = 1): number {
  const history = state.leverHistory[lever];
  let sum = 0;
  for (let i = 0; i < span; i++) sum += history[history.length - lagYears - i] ?? 0;
  return sum / span;
}

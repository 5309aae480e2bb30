// One year of the rules: (state, decisions, scenario, rng) → (next state, effects).
// `stepYear` is pure (the input state is not modified); `stepYearInPlace` steps a working copy that a
// caller cloned once for many years (playPath, resolveRound). All chance comes from `rng`.
import type { Leader, Region, Scenario } from "../content/scenarioSchema.ts";
import type { Lever } from "../content/vocabulary.ts";
import { LEVERS } from "../content/vocabulary.ts";
import type { CompiledScenario } from "./compiledScenario.ts";
import { compileScenario } from "./compiledScenario.ts";
import type { CountFormula } from "./countFormulas.ts";
import { getRemembered } from "./countFormulas.ts";
import type { Effect, EffectSource } from "./effects.ts";
import { Ledger } from "./effects.ts";
import type { GameState, HomicideComponents, RegionState } from "./gameState.ts";
import { getLaggedLever, LEVER_HISTORY_YEARS } from "./gameState.ts";
import type { PolicyMix } from "./policyMix.ts";
import type { MixBudget } from "./policyMix.ts";
import { getLeverIntensities, getMixBudget } from "./policyMix.ts";
import type { Rng } from "./rng.ts";
import { drawBinomial, pickWeighted, roundStochastically } from "./rng.ts";

export interface YearDecisions {
  mix: PolicyMix;
  /** Events in force this round: their lever boosts act every year of the round. */
  eventIds: readonly string[];
  /** Events whose one-off effects (indicator changes, target lists, new groups) land this year. */
  impactEventIds: readonly string[];
}

export interface Capture {
  year: number;
  /** Named leader, or null for one of the many lesser targets. */
  leaderId: string | null;
  regionId: string;
  /** Factions the leader's group split into (0 when it held together or was dismantled). */
  splinters: number;
  dismantled: boolean;
  /** Killed in the operation rather than arrested (the studies find killings bring more violence). */
  killed: boolean;
}

export interface YearResult {
  state: GameState;
  effects: Effect[];
  captures: Capture[];
  levers: Record<Lever, number>;
  budget: MixBudget;
}

export function cloneState(s: GameState): GameState {
  const regions: GameState["regions"] = {};
  for (const [id, r] of Object.entries(s.regions)) regions[id] = { ...r, components: { ...r.components } };
  const leaders: GameState["leaders"] = {};
  for (const [id, l] of Object.entries(s.leaders)) leaders[id] = { ...l };
  const leverHistory = {} as GameState["leverHistory"];
  for (const lever of LEVERS) leverHistory[lever] = s.leverHistory[lever].slice();
  return {
    ...s,
    indicators: { ...s.indicators },
    regions,
    leaders,
    targetList: { ...s.targetList },
    revenue: { ...s.revenue },
    impunity: { ...s.impunity },
    leverHistory,
    counters: { ...s.counters },
    organisations: { ...s.organisations },
    firedEvents: s.firedEvents.slice(),
  };
}

export function stepYear(state: GameState, decisions: YearDecisions, scenario: Scenario, rng: Rng): YearResult {
  return stepYearInPlace(cloneState(state), decisions, compileScenario(scenario), rng, { keepEffects: true });
}

export interface StepOptions {
  /** Record every effect (the board's "why"); off for Monte-Carlo speed. */
  keepEffects: boolean;
  /** The round's lever intensities and budget when the caller computed them once for all its years (same mix and events). */
  plan?: { levers: Readonly<Record<Lever, number>>; budget: MixBudget };
}

/** Steps `s` itself one year forward (the caller owns this working copy); returns it as `state`. */
export function stepYearInPlace(s: GameState, decisions: YearDecisions, c: CompiledScenario, rng: Rng, options: StepOptions): YearResult {
  const year = s.year;
  const homicidesBefore = s.indicators.homicides;
  const ledger = new Ledger(s, year, c, options.keepEffects);
  const levers = options.plan ? { ...options.plan.levers } : getLeverIntensities(c, decisions.mix, decisions.eventIds);
  const captures: Capture[] = [];

  admitNewlyListedLeaders(c, s, ledger, year);
  applyEventImpacts(c, s, ledger, decisions.impactEventIds);
  const budget = options.plan?.budget ?? getMixBudget(c, decisions.mix);
  payForPolicies(c, ledger, decisions.mix, budget.funded);
  stepInstitutions(c, s, ledger);
  stepRevenue(c, s, ledger, levers);
  const wars: WarsOpened = { rivalries: new Float64Array(c.regions.length), expansions: new Float64Array(c.regions.length) };
  const spikes = stepCaptures(c, s, ledger, levers, rng, captures, wars);
  stepGroupEntryAndAttrition(c, s, ledger, levers, rng);
  stepHomicides(c, s, ledger, levers, spikes, wars);
  stepImpunity(c, s, ledger, levers);
  stepApproval(c, s, ledger, levers, homicidesBefore);
  stepHumanRights(c, s, ledger, levers);

  s.counters.cumulativeHomicides += s.indicators.homicides;
  for (const lever of LEVERS) {
    const history = s.leverHistory[lever];
    history.push(levers[lever]);
    if (history.length > LEVER_HISTORY_YEARS) history.shift();
  }
  s.year = year + 1;
  return { state: s, effects: ledger.effects, captures, levers, budget };
}

function admitNewlyListedLeaders(c: CompiledScenario, s: GameState, ledger: Ledger, year: number): void {
  if (year === c.scenario.startYear) return;
  if (!c.leaders.some((l) => l.onListFrom === year)) return;
  const newcomers = c.leaders.filter((l) => l.onListFrom === year && s.leaders[l.id]?.atLarge);
  if (newcomers.length === 0) return;
  s.targetList.listed += newcomers.length;
  const figures = newcomers.flatMap((l) => l.figures).slice(0, 3);
  ledger.change("leadersAtLarge", newcomers.length, { cause: "newLeaders", explanationKey: "newLeadersEmerge", figures }, newcomers.length);
}

function countNamedAtLarge(c: CompiledScenario, s: GameState, year: number): number {
  return c.leaders.filter((l) => l.onListFrom <= year && s.leaders[l.id]?.atLarge).length;
}

function applyEventImpacts(c: CompiledScenario, s: GameState, ledger: Ledger, eventIds: readonly string[]): void {
  for (const eventId of eventIds) {
    const event = c.events.get(eventId);
    if (!event) continue;
    const source = { cause: `event:${event.id}`, params: { event: event.id }, figures: event.figures };
    for (const effect of event.effects) {
      switch (effect.kind) {
        case "indicator": {
          const key = effect.indicator === "aidSpent" ? "eventAid" : "eventIndicator";
          const applied = ledger.change(effect.indicator, effect.delta, { ...source, explanationKey: key });
          if (effect.indicator === "impunity") s.impunity.events += applied;
          break;
        }
        case "targetList": {
          // A long list reaches down to lesser bosses: the targets beyond the top leaders already
          // wanted are lieutenants, whose removal weighs less.
          const named = countNamedAtLarge(c, s, s.year);
          const total = Math.max(effect.count, named + s.anonymousLeaders);
          s.lieutenants = total - named - s.anonymousLeaders;
          s.targetList = { listedYear: s.year, listed: total, captured: 0 };
          ledger.change("leadersAtLarge", total - s.indicators.leadersAtLarge, { ...source, explanationKey: "eventIndicator" });
          break;
        }
        case "groups": {
          const applied = ledger.changeRegional("activeGroups", effect.region, effect.count, { ...source, explanationKey: "eventGroups" });
          if (applied > 0) s.counters.newGroups += applied;
          break;
        }
        case "lever":
          break; // acts every year through getLeverIntensities
      }
    }
  }
}

/** Each policy's share of its yearly cost, cut to what the budget ceiling funds. */
function payForPolicies(c: CompiledScenario, ledger: Ledger, mix: PolicyMix, funded: number): void {
  for (const [policyId, share] of Object.entries(mix)) {
    const policy = c.policies.get(policyId);
    if (!policy || share <= 0) continue;
    ledger.change("aidSpent", share * funded * policy.costUsdMillionsPerYear, {
      cause: `policy:${policyId}`,
      explanationKey: "policyCost",
      params: { policy: policyId },
      figures: policy.figures.slice(0, 2),
    });
  }
}

const INSTITUTION_PARAMS = ["historicalInstitutionTrend", "institutionDecayRate", "institutionLagYears"] as const;
const INSTITUTIONS_MATURE: EffectSource = { cause: "institutions", explanationKey: "institutionsMature", paramKeys: INSTITUTION_PARAMS };
const INSTITUTIONS_DECAY: EffectSource = { cause: "institutions", explanationKey: "institutionsDecay", paramKeys: INSTITUTION_PARAMS };

function stepInstitutions(c: CompiledScenario, s: GameState, ledger: Ledger): void {
  const p = c.param;
  const strength = s.indicators.institutionalStrength;
  const maturingEffort = getLaggedLever(s, "institutions", Math.max(1, Math.round(p.institutionLagYears)));
  ledger.change("institutionalStrength", c.institutionGain * maturingEffort * (1 - strength / 100), INSTITUTIONS_MATURE);
  ledger.change("institutionalStrength", -p.institutionDecayRate * strength, INSTITUTIONS_DECAY);
}

const REVENUE_DEMAND: EffectSource = { cause: "demand", explanationKey: "revenueDemand", paramKeys: ["demandReductionPerYear", "demandGrowthPerYear"] };
const REVENUE_LEGALISATION: EffectSource = { cause: "legalisation", explanationKey: "revenueLegalisation", paramKeys: ["legalisationRevenueCut", "syntheticShareGrowthPerYear"] };
const REVENUE_FINANCIAL: EffectSource = { cause: "financial", explanationKey: "revenueFinancial", paramKeys: ["financialRevenueCut"] };

function stepRevenue(c: CompiledScenario, s: GameState, ledger: Ledger, levers: Record<Lever, number>): void {
  const p = c.param;
  const demandEffort = getLaggedLever(s, "demandReduction", Math.max(1, Math.round(p.demandReductionLagYears)));
  s.demandIndex *= 1 + p.demandGrowthPerYear - p.demandReductionPerYear * demandEffort;
  s.syntheticShare = Math.min(p.syntheticShareMax, s.syntheticShare + p.syntheticShareGrowthPerYear);
  const institutions = s.indicators.institutionalStrength / 100;
  const gross = p.startCartelRevenue * s.demandIndex;
  const legalisationLoss = gross * p.legalisationRevenueCut * levers.legalisation * (1 - s.syntheticShare);
  const financialLoss = gross * p.financialRevenueCut * levers.financial * (0.5 + 0.5 * institutions);
  const old = s.revenue;
  ledger.change("cartelRevenue", gross - old.gross, REVENUE_DEMAND);
  ledger.change("cartelRevenue", -(legalisationLoss - old.legalisationLoss), REVENUE_LEGALISATION);
  ledger.change("cartelRevenue", -(financialLoss - old.financialLoss), REVENUE_FINANCIAL);
  s.revenue = { gross, legalisationLoss, financialLoss };
}

/** Extra homicides this year, by region index, from leaders removed this year (the spike after a removal). */
type SpikeByRegion = Float64Array;

function addSpike(spikes: SpikeByRegion, regionIndex: number, amount: number): void {
  spikes[regionIndex]! += amount;
}

/** Killings tied to organised crime in a region last year (all but ordinary crime): what the studies' percentage rise applies to. */
function getDrugRelatedHomicides(r: RegionState | undefined): number {
  return r ? Math.max(0, r.homicides - r.components.baseline) : 0;
}

/** Wars opened by this year's removals (homicides a year at their height, by region index); they are fought from two years on (regrouping, then arming). */
interface WarsOpened {
  /** Succession fights among the fallen leader's factions. */
  rivalries: SpikeByRegion;
  /** Intact rival cartels moving into the vacuum: slower to build, as long to end. */
  expansions: SpikeByRegion;
}

/**
 * Intact organisations led by a named leader at large, in this region or next door: the rivals
 * that move into a fallen cartel's turf (CJNG into Michoacán and the Zetas' northeast after 2014,
 * Sinaloa into Ciudad Juárez after 2008).
 */
function countExpandingRivals(c: CompiledScenario, s: GameState, region: Region, organisation: string | undefined): number {
  let count = 0;
  for (const o of c.scenario.organisations) {
    if (o.id === organisation || o.activeFrom > s.year || s.organisations[o.id] !== "active") continue;
    if (o.region !== region.id && !region.neighbours.includes(o.region)) continue;
    const leaders = c.leadersByOrganisation.get(o.id) ?? [];
    if (leaders.some((l) => l.onListFrom <= s.year && s.leaders[l.id]?.atLarge)) count++;
  }
  return count;
}

/** A war opened in a region: part of it is fought next door (the group's home state suffers more than the state of the operation). */
function openWar(c: CompiledScenario, rivalries: SpikeByRegion, regionIndex: number, war: number): void {
  const neighbours = c.regionNeighbours[regionIndex]!;
  const spill = neighbours.length > 0 ? c.param.warSpillover : 0;
  addSpike(rivalries, regionIndex, war * (1 - spill));
  for (const n of neighbours) addSpike(rivalries, n, (war * spill) / neighbours.length);
}

/**
 * What a war in a region is fought over: the region's criminal economy, sized by its share of the
 * start year's killings and moving with the trade's revenue (less money, smaller wars).
 */
function getWarMarket(c: CompiledScenario, s: GameState, region: Region): number {
  return region.startHomicides * (s.indicators.cartelRevenue / c.param.startCartelRevenue);
}

const CAPTURE_ARREST_PARAMS = ["captureRatePerTargeting", "huntBasePerYear", "captureBaseRate"] as const;
const CAPTURE_APPROVAL: EffectSource = { cause: "captures", explanationKey: "captureApproval", paramKeys: ["approvalPerCapture"] };
const SPLINTER_GROUPS: EffectSource = { cause: "fragmentation", explanationKey: "splinterGroups", paramKeys: ["splitChance", "splinterMin", "splinterMax"] };
const GROUPS_DISMANTLED: EffectSource = { cause: "institutions", explanationKey: "groupDismantled", paramKeys: ["dismantleChancePerInstitution"] };

function stepCaptures(
  c: CompiledScenario,
  s: GameState,
  ledger: Ledger,
  levers: Record<Lever, number>,
  rng: Rng,
  captures: Capture[],
  wars: WarsOpened,
): SpikeByRegion {
  const p = c.param;
  const year = s.year;
  const spikes: SpikeByRegion = new Float64Array(c.regions.length);
  // Intelligence, informants and special units take years to build and are lost quickly when a
  // government changes course: the capacity to find targets starts to follow a targeting decision
  // after a lag, then moves part of the way toward it each year (slowly up, quickly down).
  const lag = Math.max(0, Math.round(p.targetingLagYears));
  const targetingOrdered = lag > 0 ? getLaggedLever(s, "targeting", lag) : levers.targeting;
  const targetingRate = targetingOrdered >= s.targetingCapacity ? p.targetingBuildUp : p.targetingLoss;
  s.targetingCapacity += targetingRate * (targetingOrdered - s.targetingCapacity);
  const capacity = s.targetingCapacity;
  // Named leaders are found by sustained hunting (intelligence, informants, rewards), not by a
  // yearly lottery: each year of effort adds to the hunt, and a leader falls once it is enough.
  const capturedNamed: Leader[] = [];
  c.leaders.forEach((l, i) => {
    const leader = s.leaders[l.id];
    if (!leader?.atLarge || year < c.leaderHuntFrom[i]!) return;
    leader.hunt += (p.huntBasePerYear + capacity) * (1 + p.huntNoise * (2 * rng.next() - 1));
    if (leader.hunt >= l.huntYears) capturedNamed.push(l);
  });
  const chance = Math.min(p.captureRateMax, p.captureBaseRate + p.captureRatePerTargeting * capacity);
  const capturedAnonymous = drawBinomial(s.anonymousLeaders, chance, rng);
  // Lesser targets (plaza bosses, splinter cells' leaders) are picked up by the troops and
  // federal police of this year's effort, without the years of intelligence a top leader takes.
  const lesserChance = Math.min(p.captureRateMax, p.captureBaseRate + p.captureRatePerTargeting * levers.targeting);
  const capturedLieutenants = drawBinomial(s.lieutenants, lesserChance, rng);
  const total = capturedNamed.length + capturedAnonymous + capturedLieutenants;
  if (total === 0) return spikes;

  const killShare = Math.min(1, p.killShareBase + p.killSharePerForce * levers.force);
  for (const leader of capturedNamed) {
    const killed = rng.next() < killShare;
    s.leaders[leader.id] = { ...s.leaders[leader.id]!, atLarge: false, capturedYear: year, killed };
  }
  s.anonymousLeaders -= capturedAnonymous;
  s.lieutenants -= capturedLieutenants;
  s.targetList.captured += total;
  s.counters.captures += total;
  const leaders = capturedNamed.map((l) => l.alias).join(", ");
  ledger.change("leadersAtLarge", -total, { cause: "captures", explanationKey: "captureArrests", params: { leaders }, paramKeys: CAPTURE_ARREST_PARAMS }, total);
  ledger.change("approval", p.approvalPerCapture * Math.sqrt(total), CAPTURE_APPROVAL, total);

  const institutions = s.indicators.institutionalStrength / 100;
  const removals: RemovalContext = {
    c,
    s,
    rng,
    year,
    regionStates: c.regionIds.map((id) => s.regions[id]),
    splitChance: p.splitChance * Math.max(0, 1 - p.splitInstitutionDamping * institutions),
    dismantleChance: p.dismantleChancePerInstitution * institutions,
    splinters: new Array<number>(c.regions.length).fill(0),
    dismantled: new Array<number>(c.regions.length).fill(0),
    spikes,
    wars,
    captures,
  };
  const groupWeights = () => removals.regionStates.map((r) => r?.activeGroups ?? 0);
  for (const leader of capturedNamed) {
    resolveCapture(removals, { leaderId: leader.id, isLieutenant: false }, c.regionIndex.get(leader.region) ?? 0, s.leaders[leader.id]!.killed, leader.organisation);
  }
  // The unnamed top targets are the leaders of the start year's big organisations whose heads the
  // articles do not name (the Gulf and Juárez cartels, La Familia): each belongs to one of them.
  // Named heads fall only to the hunt above; the bosses of later splinters are lesser targets.
  const organisations = c.unnamedHeadOrganisations;
  for (let i = 0; i < capturedAnonymous; i++) {
    const organisation = organisations[Math.floor(rng.next() * organisations.length)];
    const regionIndex = organisation ? c.regionIndex.get(organisation.region)! : pickWeighted(groupWeights(), rng);
    resolveCapture(removals, { leaderId: null, isLieutenant: false }, regionIndex, rng.next() < killShare, organisation?.id);
  }
  const weights = groupWeights();
  for (let i = 0; i < capturedLieutenants; i++) {
    resolveCapture(removals, { leaderId: null, isLieutenant: true }, pickWeighted(weights, rng), rng.next() < killShare);
  }

  let newLeaders = 0;
  for (let i = 0; i < c.regions.length; i++) {
    const regionId = c.regionIds[i]!;
    const extra = removals.splinters[i]!;
    if (extra > 0) {
      const added = ledger.changeRegional("activeGroups", regionId, extra, SPLINTER_GROUPS, extra);
      s.counters.newGroups += added;
      newLeaders += drawBinomial(added, p.newLeaderPerSplinter, rng);
    }
    const ended = removals.dismantled[i]!;
    if (ended > 0) {
      const removed = ledger.changeRegional("activeGroups", regionId, -ended, GROUPS_DISMANTLED, ended);
      s.counters.endedGroups -= removed;
    }
  }
  addNewLeaders(s, ledger, newLeaders);
  return spikes;
}

/** What every removal of one year shares: the year's chances, and the tallies the removals add to. */
interface RemovalContext {
  c: CompiledScenario;
  s: GameState;
  rng: Rng;
  year: number;
  /** Each region's state, by region index. */
  regionStates: (RegionState | undefined)[];
  splitChance: number;
  dismantleChance: number;
  /** Groups added by splits, by region index. */
  splinters: number[];
  /** Groups dismantled, by region index. */
  dismantled: number[];
  spikes: SpikeByRegion;
  wars: WarsOpened;
  captures: Capture[];
}

/** Where many small groups already share a region, a captured leader's group has less to split. */
const splitCrowding: CountFormula = (c, regionIndex, groups) => {
  const startGroups = Math.max(1, c.regions[regionIndex]!.startGroups);
  return Math.pow(startGroups / Math.max(startGroups, groups), c.param.splitCrowdingExponent);
};

/** One removal: the spike it brings here and next door, the war it opens, and whether its group splits or is dismantled. */
function resolveCapture(
  removals: RemovalContext,
  target: { leaderId: string | null; isLieutenant: boolean },
  regionIndex: number,
  killed: boolean,
  organisation?: string,
): void {
  const { c, s, rng } = removals;
  const p = c.param;
  const { leaderId, isLieutenant } = target;
  const index = c.regions[regionIndex] ? regionIndex : 0; // a leader of a region the map lacks counts in the first
  const region = c.regions[index]!;
  const regionState = removals.regionStates[index];
  const capture: Capture = { year: removals.year, leaderId, regionId: region.id, splinters: 0, dismantled: false, killed };
  // A top leader weighs fully; a lieutenant is a lesser figure, and arresting one (not killing)
  // can calm its turf for a while (Phillips 2015): a dip instead of a spike.
  const weight = (isLieutenant ? p.lieutenantImpact : 1) * (killed ? p.killViolenceMultiplier : 1);
  const isCalming = isLieutenant && !killed;
  // The studies' rise is local: it applies to the turf of the leader's group. A cartel's head (a
  // named kingpin, or the unnamed head of one of the start year's big organisations while it is
  // still whole) holds a large share of the region; anyone else holds one group's share.
  const groups = Math.max(1, regionState?.activeGroups ?? 1);
  const isCartelHead = leaderId !== null || (organisation !== undefined && s.organisations[organisation] === "active");
  const headShare = leaderId !== null ? p.kingpinTurfShare : p.cartelHeadTurfShare;
  const turf = isCartelHead ? Math.max(headShare, 1 / groups) : 1 / groups;
  const local = p.captureSpikeLocal * weight * (isCalming ? -p.lieutenantArrestCalm : 1) * turf * getDrugRelatedHomicides(regionState);
  addSpike(removals.spikes, index, local);
  const neighbours = c.regionNeighbours[index]!;
  for (const n of neighbours) addSpike(removals.spikes, n, (local * p.captureSpikeNeighbour) / neighbours.length);
  const crowding = getRemembered(c, splitCrowding, index, regionState?.activeGroups ?? 0);
  const splitProbability = Math.min(1, removals.splitChance * crowding * weight);
  // The war is fought over the removed leader's share of the region's criminal economy: a big
  // cartel's succession war dwarfs a cell's, and as groups multiply each holds less.
  const market = turf * getWarMarket(c, s, region);
  if (isCartelHead) {
    // A cartel's head leaves a succession fight whether or not the split is clean (its expected
    // size: the chance of a split × the factions it leaves), and intact rivals led by a leader at
    // large move into the vacuum. The cartel is no longer whole.
    const meanFactions = (Math.round(p.splinterMin) + Math.round(p.splinterMax)) / 2 - 1;
    const succession = p.warPerSplinter * splitProbability * meanFactions * weight * market;
    openWar(c, removals.wars.rivalries, index, succession);
    addSpike(removals.wars.expansions, index, succession * p.vacuumExpansion * countExpandingRivals(c, s, region, organisation));
    if (organisation && organisation in s.organisations) s.organisations[organisation] = "fragmented";
  }
  if (rng.next() < splitProbability) {
    const span = Math.max(0, Math.round(p.splinterMax) - Math.round(p.splinterMin));
    capture.splinters = Math.round(p.splinterMin) + Math.floor(rng.next() * (span + 1));
    const extra = Math.max(0, capture.splinters - 1);
    removals.splinters[index]! += extra;
    // A lesser figure's group fights only if it actually splits.
    if (!isCartelHead) openWar(c, removals.wars.rivalries, index, p.warPerSplinter * extra * weight * market);
  } else if (rng.next() < removals.dismantleChance) {
    capture.dismantled = true;
    removals.dismantled[index]! += 1;
  }
  removals.captures.push(capture);
}

const NEW_LEADERS: EffectSource = { cause: "newLeaders", explanationKey: "newLeadersEmerge", paramKeys: ["newLeaderPerSplinter"] };

/** New factions' and newcomers' bosses join the list as lesser targets: each holds one group's turf. */
function addNewLeaders(s: GameState, ledger: Ledger, count: number): void {
  if (count <= 0) return;
  s.lieutenants += count;
  s.targetList.listed += count;
  ledger.change("leadersAtLarge", count, NEW_LEADERS, count);
}

const GROUPS_ENTER: EffectSource = { cause: "entry", explanationKey: "newGroupsEnter", paramKeys: ["groupEntryRate", "groupEntryInstitutionDamping", "groupEntrySocialDamping"] };
const GROUPS_END: EffectSource = { cause: "attrition", explanationKey: "groupsAttrition", paramKeys: ["groupAbsorptionRate", "groupAttritionPerInstitution", "groupAttritionPerFinancial"] };

/** Splinter factions recruit and spawn cells of their own: entry grows with the groups present. */
const entryPresence: CountFormula = (c, regionIndex, groups) =>
  Math.pow(Math.max(1, groups) / Math.max(1, c.regions[regionIndex]!.startGroups), c.param.groupEntryGrowthExponent);

function stepGroupEntryAndAttrition(c: CompiledScenario, s: GameState, ledger: Ledger, levers: Record<Lever, number>, rng: Rng): void {
  const p = c.param;
  const institutions = s.indicators.institutionalStrength / 100;
  const revenueRatio = s.indicators.cartelRevenue / p.startCartelRevenue;
  const social = getLaggedLever(s, "social", Math.max(1, Math.round(p.socialLagYears)));
  const entryFactor =
    p.groupEntryRate *
    revenueRatio *
    Math.max(0, 1 - p.groupEntryInstitutionDamping * institutions) *
    Math.max(0, 1 - p.groupEntrySocialDamping * social) *
    Math.max(0, 1 - p.groupEntryAmnestyDamping * levers.amnesty * (1 - s.syntheticShare));
  let newLeaders = 0;
  for (let i = 0; i < c.regions.length; i++) {
    const region = c.regions[i]!;
    const r = s.regions[region.id]!;
    const startGroups = Math.max(1, region.startGroups);
    const presence = getRemembered(c, entryPresence, i, r.activeGroups);
    const entrants = roundStochastically(entryFactor * region.entryWeight * presence, rng);
    if (entrants > 0) {
      const added = ledger.changeRegional("activeGroups", region.id, entrants, GROUPS_ENTER, entrants);
      s.counters.newGroups += added;
      newLeaders += drawBinomial(added, p.newLeaderPerSplinter, rng);
    }
    // Groups end too: crowded regions consolidate (the strong absorb the weak), prosecution
    // dismantles them, and lost income finishes the weakest.
    const groups = r.activeGroups;
    const crowding = Math.max(0, groups / startGroups - 1);
    const endingRate = Math.min(
      0.5,
      p.groupAttritionRate + p.groupAbsorptionRate * crowding + p.groupAttritionPerInstitution * institutions + p.groupAttritionPerFinancial * levers.financial,
    );
    const leaving = Math.min(Math.max(0, groups - 1), roundStochastically(groups * endingRate, rng));
    if (leaving > 0) {
      const removed = ledger.changeRegional("activeGroups", region.id, -leaving, GROUPS_END, leaving);
      s.counters.endedGroups -= removed;
    }
  }
  addNewLeaders(s, ledger, newLeaders);
}

/** Why each homicide component moves, and the parameters whose figures say so. */
const HOMICIDE_SOURCES: Record<keyof HomicideComponents, EffectSource> = {
  baseline: { cause: "baseline", explanationKey: "baselineViolence", paramKeys: ["institutionViolenceDamping"] },
  organised: { cause: "organised", explanationKey: "organisedViolence", paramKeys: ["homicidesPerGroup", "groupViolenceExponent", "violenceAdjustment"] },
  fragmentation: {
    cause: "fragmentation",
    explanationKey: "fragmentationViolence",
    paramKeys: ["warPerSplinter", "warEscalation", "warArming", "warDecay", "vacuumExpansion"],
  },
  capture: { cause: "capture", explanationKey: "captureViolence", paramKeys: ["captureSpikeLocal", "captureSpikeNeighbour", "killViolenceMultiplier"] },
  confrontation: { cause: "confrontation", explanationKey: "confrontationViolence", paramKeys: ["confrontationHomicidesAtFullForce", "confrontationForceExponent"] },
};

/** Moves one of a region's homicide components to its next level (the region's homicides never fall below zero). */
function moveComponent(ledger: Ledger, regionId: string, r: RegionState, component: keyof HomicideComponents, next: number): void {
  r.components[component] += ledger.changeRegion("homicides", regionId, r, next - r.components[component], HOMICIDE_SOURCES[component]);
}

/** The settled yearly killing by a region's groups before revenue, institutions and arms tracing scale it (the same formula in every region). */
const groupViolence: CountFormula = (c, _regionIndex, groups) => c.param.homicidesPerGroup * Math.pow(groups, c.param.groupViolenceExponent);

function stepHomicides(
  c: CompiledScenario,
  s: GameState,
  ledger: Ledger,
  levers: Record<Lever, number>,
  spikes: SpikeByRegion,
  wars: WarsOpened,
): void {
  const p = c.param;
  const institutionGain = (s.indicators.institutionalStrength - p.startInstitutionalStrength) / 100;
  const institutionFactor = Math.max(0, 1 - p.institutionViolenceDamping * institutionGain);
  const revenueFactor = Math.pow(s.indicators.cartelRevenue / p.startCartelRevenue, p.revenueViolenceExponent);
  const armsFactor = Math.max(0, 1 - p.armsTracingViolenceDamping * getLaggedLever(s, "armsTracing", 1));
  const totalGroups = Math.max(1, s.indicators.activeGroups);
  // Troops are deployed over years, not overnight: units reach the states a year or more after the
  // decision, then build up. The clashes follow the troops deployed, not the count of groups (ever
  // smaller cells avoid the army), and are shared among the regions by their groups.
  // Sending troops takes years, calling off operations does not: deployment follows the force
  // ordered `deploymentLagYears` ago, or this year's if that is lower (a withdrawal acts at once).
  const ordered = getLaggedLever(s, "force", Math.max(0, Math.round(p.deploymentLagYears)));
  const forceOrdered = Math.min(levers.force, Math.round(p.deploymentLagYears) <= 0 ? levers.force : ordered);
  s.deployment += p.deploymentBuildUp * (forceOrdered - s.deployment);
  // Clashes grow faster than the troops: mass deployments patrol whole states and meet many groups,
  // a small force of targeted raids meets few.
  const confrontation = p.confrontationHomicidesAtFullForce * Math.pow(Math.max(0, s.deployment), p.confrontationForceExponent);
  const adjust = Math.min(1, Math.max(0, p.violenceAdjustment));
  let organisedTotal = 0;
  for (let i = 0; i < c.regions.length; i++) {
    const region = c.regions[i]!;
    const r = s.regions[region.id]!;
    // A war opened this year does not break out at once: the factions first regroup (a share of
    // what is pending moves on each year: succession fights quickly, a rival's expansion slowly),
    // then arm and recruit, and a share of what is arming breaks out each year. A removal's war
    // so peaks two or more years later, after the short spike the capture itself brings.
    const mobilised = p.warEscalation * r.pendingWar + p.expansionEscalation * r.pendingExpansion;
    const breakout = p.warArming * r.armingWar;
    r.armingWar += mobilised - breakout;
    r.pendingWar += wars.rivalries[i]! - p.warEscalation * r.pendingWar;
    r.pendingExpansion += wars.expansions[i]! - p.expansionEscalation * r.pendingExpansion;
    const organisedTarget = getRemembered(c, groupViolence, 0, r.activeGroups) * revenueFactor * institutionFactor * armsFactor;
    const confrontationTarget = (confrontation * r.activeGroups) / totalGroups;
    // Violence has inertia: the settled levels move part of the way toward their targets each year.
    const now = r.components;
    moveComponent(ledger, region.id, r, "baseline", now.baseline + adjust * (r.startBaseline * institutionFactor - now.baseline));
    moveComponent(ledger, region.id, r, "organised", now.organised + adjust * (organisedTarget - now.organised));
    moveComponent(ledger, region.id, r, "fragmentation", now.fragmentation * p.warDecay + breakout * armsFactor);
    moveComponent(ledger, region.id, r, "capture", now.capture * p.captureSpikeDecay + spikes[i]!);
    moveComponent(ledger, region.id, r, "confrontation", now.confrontation + adjust * (confrontationTarget - now.confrontation));
    organisedTotal += r.homicides - r.components.baseline;
  }
  s.counters.organisedHomicides += organisedTotal;
}

const IMPUNITY_SOURCES: Record<"institutions" | "overload" | "amnesty", EffectSource> = {
  institutions: { cause: "institutions", explanationKey: "impunityInstitutions", paramKeys: ["impunityPerInstitution"] },
  overload: { cause: "overload", explanationKey: "impunityOverload", paramKeys: ["impunityPerExtraGroup"] },
  amnesty: { cause: "amnesty", explanationKey: "impunityAmnesty", paramKeys: ["amnestyImpunity"] },
};

/** Moves one component of impunity to its target level. */
function moveImpunity(s: GameState, ledger: Ledger, component: keyof typeof IMPUNITY_SOURCES, target: number): void {
  s.impunity[component] += ledger.change("impunity", target - s.impunity[component], IMPUNITY_SOURCES[component]);
}

function stepImpunity(c: CompiledScenario, s: GameState, ledger: Ledger, levers: Record<Lever, number>): void {
  const p = c.param;
  moveImpunity(s, ledger, "institutions", -p.impunityPerInstitution * (s.indicators.institutionalStrength - p.startInstitutionalStrength));
  moveImpunity(s, ledger, "overload", p.impunityPerExtraGroup * (s.indicators.activeGroups - c.startGroups));
  moveImpunity(s, ledger, "amnesty", p.amnestyImpunity * levers.amnesty);
}

const APPROVAL_VIOLENCE: EffectSource = { cause: "violence", explanationKey: "approvalViolence", paramKeys: ["approvalPerViolenceRise"] };
const APPROVAL_INSECURITY: EffectSource = { cause: "violence", explanationKey: "approvalInsecurity", paramKeys: ["approvalPerViolenceLevel"] };
const APPROVAL_AMNESTY: EffectSource = { cause: "amnesty", explanationKey: "approvalAmnesty", paramKeys: ["approvalAmnestyBacklash"] };
const APPROVAL_SOCIAL: EffectSource = { cause: "social", explanationKey: "approvalSocial", paramKeys: ["approvalSocialGain"] };
const APPROVAL_REVERSION: EffectSource = { cause: "reversion", explanationKey: "approvalReversion", paramKeys: ["approvalReversion"] };

function stepApproval(c: CompiledScenario, s: GameState, ledger: Ledger, levers: Record<Lever, number>, homicidesBefore: number): void {
  const p = c.param;
  const violenceRisePercent = homicidesBefore > 0 ? ((s.indicators.homicides - homicidesBefore) / homicidesBefore) * 100 : 0;
  ledger.change("approval", -p.approvalPerViolenceRise * violenceRisePercent, APPROVAL_VIOLENCE);
  ledger.change("approval", -p.approvalPerViolenceLevel * (s.indicators.homicides / c.startHomicides - 1), APPROVAL_INSECURITY);
  ledger.change("approval", -p.approvalAmnestyBacklash * levers.amnesty, APPROVAL_AMNESTY);
  ledger.change("approval", p.approvalSocialGain * levers.social, APPROVAL_SOCIAL);
  ledger.change("approval", -p.approvalReversion * (s.indicators.approval - p.startApproval), APPROVAL_REVERSION);
}

const HUMAN_RIGHTS_FORCE: EffectSource = { cause: "force", explanationKey: "humanRightsForce", paramKeys: ["humanRightsPerForce"] };
const HUMAN_RIGHTS_INSTITUTIONS: EffectSource = { cause: "institutions", explanationKey: "humanRightsInstitutions", paramKeys: ["humanRightsInstitutionRelief"] };
const HUMAN_RIGHTS_REVERSION: EffectSource = { cause: "reversion", explanationKey: "humanRightsReversion", paramKeys: ["humanRightsReversion"] };

function stepHumanRights(c: CompiledScenario, s: GameState, ledger: Ledger, levers: Record<Lever, number>): void {
  const p = c.param;
  ledger.change("humanRightsConcerns", p.humanRightsPerForce * levers.force, HUMAN_RIGHTS_FORCE);
  const institutionGain = (s.indicators.institutionalStrength - p.startInstitutionalStrength) / 100;
  ledger.change("humanRightsConcerns", -p.humanRightsInstitutionRelief * institutionGain, HUMAN_RIGHTS_INSTITUTIONS);
  ledger.change("humanRightsConcerns", -p.humanRightsReversion * (s.indicators.humanRightsConcerns - p.startHumanRightsConcerns), HUMAN_RIGHTS_REVERSION);
}

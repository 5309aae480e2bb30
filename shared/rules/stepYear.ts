// One year of the rules: (state, decisions, scenario, rng) → (next state, effects).
// `stepYear` is pure (the input state is not modified); `stepYearInPlace` steps a working copy that a
// caller cloned once for many years (playPath, resolveRound). All chance comes from `rng`.
import type { Region, Scenario } from "../content/scenarioSchema.ts";
import type { Lever } from "../content/vocabulary.ts";
import { LEVERS } from "../content/vocabulary.ts";
import type { CompiledScenario } from "./compiledScenario.ts";
import { compileScenario, getParamFigures } from "./compiledScenario.ts";
import type { Effect } from "./effects.ts";
import { Ledger } from "./effects.ts";
import type { GameState, HomicideComponents } from "./gameState.ts";
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
  const ledger = new Ledger(s, year, c.figureFromYear, options.keepEffects);
  const levers = options.plan ? { ...options.plan.levers } : getLeverIntensities(c, decisions.mix, decisions.eventIds);
  const captures: Capture[] = [];

  admitNewlyListedLeaders(c, s, ledger, year);
  applyEventImpacts(c, s, ledger, decisions.impactEventIds);
  const budget = options.plan?.budget ?? getMixBudget(c, decisions.mix);
  payForPolicies(c, ledger, decisions.mix, budget.funded);
  stepInstitutions(c, s, ledger);
  stepRevenue(c, s, ledger, levers);
  const wars: WarsOpened = { rivalries: new Map(), expansions: new Map() };
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
  const newcomers = c.leaders.filter((l) => l.onListFrom === year && s.leaders[l.id]?.atLarge);
  if (newcomers.length === 0) return;
  s.targetList.listed += newcomers.length;
  ledger.change("leadersAtLarge", newcomers.length, {
    cause: "newLeaders",
    explanationKey: "newLeadersEmerge",
    params: { count: newcomers.length },
    figures: newcomers.flatMap((l) => l.figures).slice(0, 3),
  });
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
          const applied = ledger.changeRegional("activeGroups", effect.region, effect.count, {
            ...source,
            explanationKey: "eventGroups",
            params: { event: event.id, region: effect.region },
          });
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

function stepInstitutions(c: CompiledScenario, s: GameState, ledger: Ledger): void {
  const p = c.param;
  const strength = s.indicators.institutionalStrength;
  const maturingEffort = getLaggedLever(s, "institutions", Math.max(1, Math.round(p.institutionLagYears)));
  const figures = getParamFigures(c, "institutionGainAtFullEffort", "institutionLagYears", "institutionDecayRate");
  ledger.change("institutionalStrength", p.institutionGainAtFullEffort * maturingEffort * (1 - strength / 100), {
    cause: "institutions",
    explanationKey: "institutionsMature",
    figures,
  });
  ledger.change("institutionalStrength", -p.institutionDecayRate * strength, {
    cause: "institutions",
    explanationKey: "institutionsDecay",
    figures,
  });
}

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
  ledger.change("cartelRevenue", gross - old.gross, {
    cause: "demand",
    explanationKey: "revenueDemand",
    figures: getParamFigures(c, "demandReductionPerYear", "demandGrowthPerYear"),
  });
  ledger.change("cartelRevenue", -(legalisationLoss - old.legalisationLoss), {
    cause: "legalisation",
    explanationKey: "revenueLegalisation",
    figures: getParamFigures(c, "legalisationRevenueCut", "syntheticShareGrowthPerYear"),
  });
  ledger.change("cartelRevenue", -(financialLoss - old.financialLoss), {
    cause: "financial",
    explanationKey: "revenueFinancial",
    figures: getParamFigures(c, "financialRevenueCut"),
  });
  s.revenue = { gross, legalisationLoss, financialLoss };
}

/** Extra homicides this year, per region, from leaders removed this year (the spike after a removal). */
type SpikeByRegion = Map<string, number>;

function addSpike(spikes: SpikeByRegion, regionId: string, amount: number): void {
  spikes.set(regionId, (spikes.get(regionId) ?? 0) + amount);
}

/** Killings tied to organised crime in a region last year (all but ordinary crime): what the studies' percentage rise applies to. */
function getDrugRelatedHomicides(s: GameState, regionId: string): number {
  const r = s.regions[regionId];
  return r ? Math.max(0, r.homicides - r.components.baseline) : 0;
}

/** Wars opened by this year's removals (homicides a year at their height, per region); they are fought from two years on (regrouping, then arming). */
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
    if (c.leaders.some((l) => l.organisation === o.id && l.onListFrom <= s.year && s.leaders[l.id]?.atLarge)) count++;
  }
  return count;
}

/** A war opened in a region: part of it is fought next door (the group's home state suffers more than the state of the operation). */
function openWar(c: CompiledScenario, rivalries: SpikeByRegion, region: Region, war: number): void {
  const neighbours = c.regionNeighbours.get(region.id) ?? [];
  const spill = neighbours.length > 0 ? c.param.warSpillover : 0;
  addSpike(rivalries, region.id, war * (1 - spill));
  for (const n of neighbours) addSpike(rivalries, n, (war * spill) / neighbours.length);
}

/**
 * What a war in a region is fought over: the region's criminal economy, sized by its share of the
 * start year's killings and moving with the trade's revenue (less money, smaller wars).
 */
function getWarMarket(c: CompiledScenario, s: GameState, region: Region): number {
  return region.startHomicides * (s.indicators.cartelRevenue / c.param.startCartelRevenue);
}

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
  const spikes: SpikeByRegion = new Map();
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
  const capturedNamed = c.leaders.filter((l) => {
    const leader = s.leaders[l.id];
    if (!leader?.atLarge) return false;
    const activeFrom = Math.max(l.onListFrom, c.organisationFromYear.get(l.organisation) ?? l.onListFrom);
    if (year < activeFrom) return false;
    leader.hunt += (p.huntBasePerYear + capacity) * (1 + p.huntNoise * (2 * rng.next() - 1));
    return leader.hunt >= l.huntYears;
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
  ledger.change("leadersAtLarge", -total, {
    cause: "captures",
    explanationKey: "captureArrests",
    params: { count: total, leaders: capturedNamed.map((l) => l.alias).join(", ") },
    figures: getParamFigures(c, "captureRatePerTargeting", "huntBasePerYear", "captureBaseRate"),
  });
  ledger.change("approval", p.approvalPerCapture * Math.sqrt(total), {
    cause: "captures",
    explanationKey: "captureApproval",
    params: { count: total },
    figures: getParamFigures(c, "approvalPerCapture"),
  });

  const institutions = s.indicators.institutionalStrength / 100;
  const splitChance = p.splitChance * Math.max(0, 1 - p.splitInstitutionDamping * institutions);
  const dismantleChance = p.dismantleChancePerInstitution * institutions;
  const regionIds = c.regions.map((r) => r.id);
  const splinters = new Array<number>(regionIds.length).fill(0);
  const dismantled = new Array<number>(regionIds.length).fill(0);
  const groupWeights = () => regionIds.map((id) => s.regions[id]?.activeGroups ?? 0);
  const resolveCapture = (target: { leaderId: string | null; isLieutenant: boolean }, regionIndex: number, killed: boolean, organisation?: string) => {
    const { leaderId, isLieutenant } = target;
    const region = c.regions[regionIndex] ?? c.regions[0]!;
    const capture: Capture = { year, leaderId, regionId: region.id, splinters: 0, dismantled: false, killed };
    // A top leader weighs fully; a lieutenant is a lesser figure, and arresting one (not killing)
    // can calm its turf for a while (Phillips 2015): a dip instead of a spike.
    const weight = (isLieutenant ? p.lieutenantImpact : 1) * (killed ? p.killViolenceMultiplier : 1);
    const isCalming = isLieutenant && !killed;
    // The studies' rise is local: it applies to the turf of the leader's group. A cartel's head (a
    // named kingpin, or the unnamed head of one of the start year's big organisations while it is
    // still whole) holds a large share of the region; anyone else holds one group's share.
    const groups = Math.max(1, s.regions[region.id]?.activeGroups ?? 1);
    const isCartelHead = leaderId !== null || (organisation !== undefined && s.organisations[organisation] === "active");
    const headShare = leaderId !== null ? p.kingpinTurfShare : p.cartelHeadTurfShare;
    const turf = isCartelHead ? Math.max(headShare, 1 / groups) : 1 / groups;
    const local = p.captureSpikeLocal * weight * (isCalming ? -p.lieutenantArrestCalm : 1) * turf * getDrugRelatedHomicides(s, region.id);
    addSpike(spikes, region.id, local);
    const neighbours = c.regionNeighbours.get(region.id) ?? [];
    for (const n of neighbours) addSpike(spikes, n, (local * p.captureSpikeNeighbour) / neighbours.length);
    // Where many small groups already share a region, a captured leader's group has less to split.
    const startGroups = Math.max(1, region.startGroups);
    const crowding = Math.pow(startGroups / Math.max(startGroups, s.regions[region.id]?.activeGroups ?? 0), p.splitCrowdingExponent);
    const splitProbability = Math.min(1, splitChance * crowding * weight);
    // The war is fought over the removed leader's share of the region's criminal economy: a big
    // cartel's succession war dwarfs a cell's, and as groups multiply each holds less.
    const market = turf * getWarMarket(c, s, region);
    if (isCartelHead) {
      // A cartel's head leaves a succession fight whether or not the split is clean (its expected
      // size: the chance of a split × the factions it leaves), and intact rivals led by a leader at
      // large move into the vacuum. The cartel is no longer whole.
      const meanFactions = (Math.round(p.splinterMin) + Math.round(p.splinterMax)) / 2 - 1;
      const succession = p.warPerSplinter * splitProbability * meanFactions * weight * market;
      openWar(c, wars.rivalries, region, succession);
      addSpike(wars.expansions, region.id, succession * p.vacuumExpansion * countExpandingRivals(c, s, region, organisation));
      if (organisation && organisation in s.organisations) s.organisations[organisation] = "fragmented";
    }
    if (rng.next() < splitProbability) {
      const span = Math.max(0, Math.round(p.splinterMax) - Math.round(p.splinterMin));
      capture.splinters = Math.round(p.splinterMin) + Math.floor(rng.next() * (span + 1));
      const extra = Math.max(0, capture.splinters - 1);
      splinters[regionIndex]! += extra;
      // A lesser figure's group fights only if it actually splits.
      if (!isCartelHead) openWar(c, wars.rivalries, region, p.warPerSplinter * extra * weight * market);
    } else if (rng.next() < dismantleChance) {
      capture.dismantled = true;
      dismantled[regionIndex]! += 1;
    }
    captures.push(capture);
  };
  for (const leader of capturedNamed) {
    resolveCapture({ leaderId: leader.id, isLieutenant: false }, c.regionIndex.get(leader.region) ?? 0, s.leaders[leader.id]!.killed, leader.organisation);
  }
  // The unnamed top targets are the leaders of the start year's big organisations whose heads the
  // articles do not name (the Gulf and Juárez cartels, La Familia): each belongs to one of them.
  // Named heads fall only to the hunt above; the bosses of later splinters are lesser targets.
  const namedOrganisations = new Set(c.leaders.map((l) => l.organisation));
  const organisations = c.scenario.organisations.filter((o) => o.activeFrom <= c.scenario.startYear && c.regionIndex.has(o.region) && !namedOrganisations.has(o.id));
  for (let i = 0; i < capturedAnonymous; i++) {
    const organisation = organisations[Math.floor(rng.next() * organisations.length)];
    const regionIndex = organisation ? c.regionIndex.get(organisation.region)! : pickWeighted(groupWeights(), rng);
    resolveCapture({ leaderId: null, isLieutenant: false }, regionIndex, rng.next() < killShare, organisation?.id);
  }
  const weights = groupWeights();
  for (let i = 0; i < capturedLieutenants; i++) {
    resolveCapture({ leaderId: null, isLieutenant: true }, pickWeighted(weights, rng), rng.next() < killShare);
  }

  const splitFigures = getParamFigures(c, "splitChance", "splinterMin", "splinterMax");
  let newLeaders = 0;
  c.regions.forEach((region, i) => {
    const extra = splinters[i]!;
    if (extra > 0) {
      const added = ledger.changeRegional("activeGroups", region.id, extra, {
        cause: "fragmentation",
        explanationKey: "splinterGroups",
        params: { count: extra, region: region.id },
        figures: splitFigures,
      });
      s.counters.newGroups += added;
      newLeaders += drawBinomial(added, p.newLeaderPerSplinter, rng);
    }
    if (dismantled[i]! > 0) {
      const removed = ledger.changeRegional("activeGroups", region.id, -dismantled[i]!, {
        cause: "institutions",
        explanationKey: "groupDismantled",
        params: { count: dismantled[i]!, region: region.id },
        figures: getParamFigures(c, "dismantleChancePerInstitution"),
      });
      s.counters.endedGroups -= removed;
    }
  });
  addNewLeaders(c, s, ledger, newLeaders);
  return spikes;
}

/** New factions' and newcomers' bosses join the list as lesser targets: each holds one group's turf. */
function addNewLeaders(c: CompiledScenario, s: GameState, ledger: Ledger, count: number): void {
  if (count <= 0) return;
  s.lieutenants += count;
  s.targetList.listed += count;
  ledger.change("leadersAtLarge", count, {
    cause: "newLeaders",
    explanationKey: "newLeadersEmerge",
    params: { count },
    figures: getParamFigures(c, "newLeaderPerSplinter"),
  });
}

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
  const entryFigures = getParamFigures(c, "groupEntryRate", "groupEntryInstitutionDamping", "groupEntrySocialDamping");
  const endingFigures = getParamFigures(c, "groupAbsorptionRate", "groupAttritionPerInstitution", "groupAttritionPerFinancial");
  let newLeaders = 0;
  for (const region of c.regions) {
    const startGroups = Math.max(1, region.startGroups);
    // Splinter factions recruit and spawn cells of their own: entry grows with the groups present.
    const presence = Math.pow(Math.max(1, s.regions[region.id]!.activeGroups) / startGroups, p.groupEntryGrowthExponent);
    const entrants = roundStochastically(entryFactor * region.entryWeight * presence, rng);
    if (entrants > 0) {
      const added = ledger.changeRegional("activeGroups", region.id, entrants, {
        cause: "entry",
        explanationKey: "newGroupsEnter",
        params: { count: entrants, region: region.id },
        figures: entryFigures,
      });
      s.counters.newGroups += added;
      newLeaders += drawBinomial(added, p.newLeaderPerSplinter, rng);
    }
    // Groups end too: crowded regions consolidate (the strong absorb the weak), prosecution
    // dismantles them, and lost income finishes the weakest.
    const groups = s.regions[region.id]!.activeGroups;
    const crowding = Math.max(0, groups / startGroups - 1);
    const endingRate = Math.min(
      0.5,
      p.groupAttritionRate + p.groupAbsorptionRate * crowding + p.groupAttritionPerInstitution * institutions + p.groupAttritionPerFinancial * levers.financial,
    );
    const leaving = Math.min(Math.max(0, groups - 1), roundStochastically(groups * endingRate, rng));
    if (leaving > 0) {
      const removed = ledger.changeRegional("activeGroups", region.id, -leaving, {
        cause: "attrition",
        explanationKey: "groupsAttrition",
        params: { count: leaving, region: region.id },
        figures: endingFigures,
      });
      s.counters.endedGroups -= removed;
    }
  }
  addNewLeaders(c, s, ledger, newLeaders);
}

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
  const figures: Record<keyof HomicideComponents, string[]> = {
    baseline: getParamFigures(c, "institutionViolenceDamping"),
    organised: getParamFigures(c, "homicidesPerGroup", "groupViolenceExponent", "violenceAdjustment"),
    fragmentation: getParamFigures(c, "warPerSplinter", "warEscalation", "warArming", "warDecay", "vacuumExpansion"),
    capture: getParamFigures(c, "captureSpikeLocal", "captureSpikeNeighbour", "killViolenceMultiplier"),
    confrontation: getParamFigures(c, "confrontationHomicidesAtFullForce", "confrontationForceExponent"),
  };
  const keys = {
    baseline: "baselineViolence",
    organised: "organisedViolence",
    fragmentation: "fragmentationViolence",
    capture: "captureViolence",
    confrontation: "confrontationViolence",
  } as const;
  let organisedTotal = 0;
  for (const region of c.regions) {
    const r = s.regions[region.id]!;
    // A war opened this year does not break out at once: the factions first regroup (a share of
    // what is pending moves on each year: succession fights quickly, a rival's expansion slowly),
    // then arm and recruit, and a share of what is arming breaks out each year. A removal's war
    // so peaks two or more years later, after the short spike the capture itself brings.
    const mobilised = p.warEscalation * r.pendingWar + p.expansionEscalation * r.pendingExpansion;
    const breakout = p.warArming * r.armingWar;
    r.armingWar += mobilised - breakout;
    r.pendingWar += (wars.rivalries.get(region.id) ?? 0) - p.warEscalation * r.pendingWar;
    r.pendingExpansion += (wars.expansions.get(region.id) ?? 0) - p.expansionEscalation * r.pendingExpansion;
    const organisedTarget =
      p.homicidesPerGroup * Math.pow(r.activeGroups, p.groupViolenceExponent) * revenueFactor * institutionFactor * armsFactor;
    const confrontationTarget = (confrontation * r.activeGroups) / totalGroups;
    // Violence has inertia: the settled levels move part of the way toward their targets each year.
    const next: HomicideComponents = {
      baseline: r.components.baseline + adjust * (r.startBaseline * institutionFactor - r.components.baseline),
      organised: r.components.organised + adjust * (organisedTarget - r.components.organised),
      fragmentation: r.components.fragmentation * p.warDecay + breakout * armsFactor,
      capture: r.components.capture * p.captureSpikeDecay + (spikes.get(region.id) ?? 0),
      confrontation: r.components.confrontation + adjust * (confrontationTarget - r.components.confrontation),
    };
    for (const component of ["baseline", "organised", "fragmentation", "capture", "confrontation"] as const) {
      const applied = ledger.changeRegional("homicides", region.id, next[component] - r.components[component], {
        cause: component,
        explanationKey: keys[component],
        params: { region: region.id },
        figures: figures[component],
      });
      r.components[component] += applied;
    }
    organisedTotal += r.homicides - r.components.baseline;
  }
  s.counters.organisedHomicides += organisedTotal;
}

function stepImpunity(c: CompiledScenario, s: GameState, ledger: Ledger, levers: Record<Lever, number>): void {
  const p = c.param;
  const startGroups = c.startGroups;
  const target = {
    institutions: -p.impunityPerInstitution * (s.indicators.institutionalStrength - p.startInstitutionalStrength),
    overload: p.impunityPerExtraGroup * (s.indicators.activeGroups - startGroups),
    amnesty: p.amnestyImpunity * levers.amnesty,
  };
  const sources = {
    institutions: { cause: "institutions", explanationKey: "impunityInstitutions", figures: getParamFigures(c, "impunityPerInstitution") },
    overload: { cause: "overload", explanationKey: "impunityOverload", figures: getParamFigures(c, "impunityPerExtraGroup") },
    amnesty: { cause: "amnesty", explanationKey: "impunityAmnesty", figures: getParamFigures(c, "amnestyImpunity") },
  } as const;
  for (const component of ["institutions", "overload", "amnesty"] as const) {
    s.impunity[component] += ledger.change("impunity", target[component] - s.impunity[component], sources[component]);
  }
}

function stepApproval(c: CompiledScenario, s: GameState, ledger: Ledger, levers: Record<Lever, number>, homicidesBefore: number): void {
  const p = c.param;
  const violenceRisePercent = homicidesBefore > 0 ? ((s.indicators.homicides - homicidesBefore) / homicidesBefore) * 100 : 0;
  ledger.change("approval", -p.approvalPerViolenceRise * violenceRisePercent, {
    cause: "violence",
    explanationKey: "approvalViolence",
    figures: getParamFigures(c, "approvalPerViolenceRise"),
  });
  ledger.change("approval", -p.approvalPerViolenceLevel * (s.indicators.homicides / c.startHomicides - 1), {
    cause: "violence",
    explanationKey: "approvalInsecurity",
    figures: getParamFigures(c, "approvalPerViolenceLevel"),
  });
  ledger.change("approval", -p.approvalAmnestyBacklash * levers.amnesty, {
    cause: "amnesty",
    explanationKey: "approvalAmnesty",
    figures: getParamFigures(c, "approvalAmnestyBacklash"),
  });
  ledger.change("approval", p.approvalSocialGain * levers.social, {
    cause: "social",
    explanationKey: "approvalSocial",
    figures: getParamFigures(c, "approvalSocialGain"),
  });
  ledger.change("approval", -p.approvalReversion * (s.indicators.approval - p.startApproval), {
    cause: "reversion",
    explanationKey: "approvalReversion",
    figures: getParamFigures(c, "approvalReversion"),
  });
}

function stepHumanRights(c: CompiledScenario, s: GameState, ledger: Ledger, levers: Record<Lever, number>): void {
  const p = c.param;
  ledger.change("humanRightsConcerns", p.humanRightsPerForce * levers.force, {
    cause: "force",
    explanationKey: "humanRightsForce",
    figures: getParamFigures(c, "humanRightsPerForce"),
  });
  const institutionGain = (s.indicators.institutionalStrength - p.startInstitutionalStrength) / 100;
  ledger.change("humanRightsConcerns", -p.humanRightsInstitutionRelief * institutionGain, {
    cause: "institutions",
    explanationKey: "humanRightsInstitutions",
    figures: getParamFigures(c, "humanRightsInstitutionRelief"),
  });
  ledger.change("humanRightsConcerns", -p.humanRightsReversion * (s.indicators.humanRightsConcerns - p.startHumanRightsConcerns), {
    cause: "reversion",
    explanationKey: "humanRightsReversion",
    figures: getParamFigures(c, "humanRightsReversion"),
  });
}

// One year of the rules: (state, decisions, scenario, rng) → (next state, effects).
// Pure and deterministic: the input state is not modified, and all chance comes from `rng`.
import type { Scenario } from "../content/scenarioSchema.ts";
import type { Lever } from "../content/vocabulary.ts";
import { LEVERS } from "../content/vocabulary.ts";
import type { CompiledScenario } from "./compiledScenario.ts";
import { compileScenario, getParamFigures } from "./compiledScenario.ts";
import type { Effect } from "./effects.ts";
import { Ledger } from "./effects.ts";
import type { GameState, HomicideComponents } from "./gameState.ts";
import { getLaggedLever, LEVER_HISTORY_YEARS } from "./gameState.ts";
import type { PolicyMix } from "./policyMix.ts";
import { getLeverIntensities } from "./policyMix.ts";
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
}

export interface YearResult {
  state: GameState;
  effects: Effect[];
  captures: Capture[];
  levers: Record<Lever, number>;
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
  const c = compileScenario(scenario);
  const s = cloneState(state);
  const year = s.year;
  const ledger = new Ledger(s, year);
  const levers = getLeverIntensities(c, decisions.mix, decisions.eventIds);
  const captures: Capture[] = [];

  admitNewlyListedLeaders(c, s, ledger, year);
  applyEventImpacts(c, s, ledger, decisions.impactEventIds);
  payForPolicies(c, ledger, decisions.mix);
  stepInstitutions(c, s, ledger);
  stepRevenue(c, s, ledger, levers);
  stepCaptures(c, s, ledger, levers, rng, captures);
  stepGroupEntryAndAttrition(c, s, ledger, levers, rng);
  stepHomicides(c, s, ledger, levers);
  stepImpunity(c, s, ledger, levers);
  stepApproval(c, s, ledger, levers, state.indicators.homicides);
  stepHumanRights(c, s, ledger, levers);

  s.counters.cumulativeHomicides += s.indicators.homicides;
  for (const lever of LEVERS) {
    const history = s.leverHistory[lever];
    history.push(levers[lever]);
    if (history.length > LEVER_HISTORY_YEARS) history.shift();
  }
  s.year = year + 1;
  return { state: s, effects: ledger.effects, captures, levers };
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
          const named = countNamedAtLarge(c, s, s.year);
          const total = Math.max(effect.count, named);
          s.anonymousLeaders = total - named;
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

function payForPolicies(c: CompiledScenario, ledger: Ledger, mix: PolicyMix): void {
  for (const [policyId, share] of Object.entries(mix)) {
    const policy = c.policies.get(policyId);
    if (!policy || share <= 0) continue;
    ledger.change("aidSpent", share * policy.costUsdMillionsPerYear, {
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

function stepCaptures(
  c: CompiledScenario,
  s: GameState,
  ledger: Ledger,
  levers: Record<Lever, number>,
  rng: Rng,
  captures: Capture[],
): void {
  const p = c.param;
  const year = s.year;
  const chance = Math.min(p.captureRateMax, p.captureBaseRate + p.captureRatePerTargeting * levers.targeting);
  const capturedNamed = c.leaders.filter(
    (l) => l.onListFrom <= year && s.leaders[l.id]?.atLarge && rng.next() < chance * l.catchability,
  );
  const capturedAnonymous = drawBinomial(s.anonymousLeaders, chance, rng);
  const total = capturedNamed.length + capturedAnonymous;
  if (total === 0) return;

  for (const leader of capturedNamed) s.leaders[leader.id] = { atLarge: false, capturedYear: year };
  s.anonymousLeaders -= capturedAnonymous;
  s.targetList.captured += total;
  s.counters.captures += total;
  const captureFigures = getParamFigures(c, "captureRatePerTargeting", "captureBaseRate");
  ledger.change("leadersAtLarge", -total, {
    cause: "captures",
    explanationKey: "captureArrests",
    params: { count: total, leaders: capturedNamed.map((l) => l.alias).join(", ") },
    figures: captureFigures,
  });
  ledger.change("approval", p.approvalPerCapture * Math.sqrt(total), {
    cause: "captures",
    explanationKey: "captureApproval",
    params: { count: total },
    figures: getParamFigures(c, "approvalPerCapture"),
  });

  const institutions = s.indicators.institutionalStrength / 100;
  const splitChance = p.splitChance * (1 - p.splitInstitutionDamping * institutions);
  const dismantleChance = p.dismantleChancePerInstitution * institutions;
  const regionIds = c.regions.map((r) => r.id);
  const splinters = new Array<number>(regionIds.length).fill(0);
  const dismantled = new Array<number>(regionIds.length).fill(0);
  const resolveCapture = (leaderId: string | null, regionIndex: number, organisation?: string) => {
    const regionId = regionIds[regionIndex] ?? regionIds[0]!;
    const capture: Capture = { year, leaderId, regionId, splinters: 0, dismantled: false };
    // Where many small groups already share a region, a captured leader's group has less to split.
    const startGroups = Math.max(1, c.regions[regionIndex]?.startGroups ?? 1);
    const crowding = Math.pow(startGroups / Math.max(startGroups, s.regions[regionId]?.activeGroups ?? 0), p.splitCrowdingExponent);
    if (rng.next() < splitChance * crowding) {
      const span = Math.max(0, Math.round(p.splinterMax) - Math.round(p.splinterMin));
      capture.splinters = Math.round(p.splinterMin) + Math.floor(rng.next() * (span + 1));
      splinters[regionIndex]! += Math.max(0, capture.splinters - 1);
      if (organisation && organisation in s.organisations) s.organisations[organisation] = "fragmented";
    } else if (rng.next() < dismantleChance) {
      capture.dismantled = true;
      dismantled[regionIndex]! += 1;
    }
    captures.push(capture);
  };
  for (const leader of capturedNamed) resolveCapture(leader.id, c.regionIndex.get(leader.region) ?? 0, leader.organisation);
  const groupWeights = regionIds.map((id) => s.regions[id]?.activeGroups ?? 0);
  for (let i = 0; i < capturedAnonymous; i++) resolveCapture(null, pickWeighted(groupWeights, rng));

  const splitFigures = getParamFigures(c, "splitChance", "splinterMin", "splinterMax");
  const shockFigures = getParamFigures(c, "fragmentationShockPerSplinter", "fragmentationSpillover");
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
      const shock = p.fragmentationShockPerSplinter * added;
      s.regions[region.id]!.fragmentationShock += shock * (1 - p.fragmentationSpillover);
      const neighbours = region.neighbours.filter((n) => n in s.regions);
      for (const n of neighbours) s.regions[n]!.fragmentationShock += (shock * p.fragmentationSpillover) / neighbours.length;
      if (neighbours.length === 0) s.regions[region.id]!.fragmentationShock += shock * p.fragmentationSpillover;
    }
    if (dismantled[i]! > 0) {
      ledger.changeRegional("activeGroups", region.id, -dismantled[i]!, {
        cause: "institutions",
        explanationKey: "groupDismantled",
        params: { count: dismantled[i]!, region: region.id },
        figures: [...getParamFigures(c, "dismantleChancePerInstitution"), ...shockFigures].slice(0, 3),
      });
    }
  });
  addNewLeaders(c, s, ledger, newLeaders);
}

function addNewLeaders(c: CompiledScenario, s: GameState, ledger: Ledger, count: number): void {
  if (count <= 0) return;
  s.anonymousLeaders += count;
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
  const attritionRate = p.groupAttritionRate + p.groupAttritionPerInstitution * institutions + p.groupAttritionPerFinancial * levers.financial;
  const entryFigures = getParamFigures(c, "groupEntryRate", "groupEntryInstitutionDamping", "groupEntrySocialDamping");
  const attritionFigures = getParamFigures(c, "groupAttritionRate", "groupAttritionPerInstitution", "groupAttritionPerFinancial");
  let newLeaders = 0;
  for (const region of c.regions) {
    // Splinter factions recruit and spawn cells of their own: entry grows with the groups present.
    const presence = Math.pow(Math.max(1, s.regions[region.id]!.activeGroups) / Math.max(1, region.startGroups), p.groupEntryGrowthExponent);
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
    const groups = s.regions[region.id]!.activeGroups;
    const leaving = Math.min(groups, roundStochastically(groups * attritionRate, rng));
    if (leaving > 0) {
      ledger.changeRegional("activeGroups", region.id, -leaving, {
        cause: "attrition",
        explanationKey: "groupsAttrition",
        params: { count: leaving, region: region.id },
        figures: attritionFigures,
      });
    }
  }
  addNewLeaders(c, s, ledger, newLeaders);
}

function stepHomicides(c: CompiledScenario, s: GameState, ledger: Ledger, levers: Record<Lever, number>): void {
  const p = c.param;
  const startGroups = Math.max(1, c.startGroups);
  const institutionGain = (s.indicators.institutionalStrength - p.startInstitutionalStrength) / 100;
  const institutionFactor = Math.max(0, 1 - p.institutionViolenceDamping * institutionGain);
  const revenueFactor = Math.pow(s.indicators.cartelRevenue / p.startCartelRevenue, p.revenueViolenceExponent);
  const armsFactor = Math.max(0, 1 - p.armsTracingViolenceDamping * getLaggedLever(s, "armsTracing", 1));
  const totalGroups = Math.max(1, s.indicators.activeGroups);
  // Soldiers clash with more armed groups as groups multiply (square root: not every group fights).
  const confrontation = p.confrontationHomicidesAtFullForce * levers.force * Math.sqrt(totalGroups / startGroups);
  const figures: Record<keyof HomicideComponents, string[]> = {
    baseline: getParamFigures(c, "institutionViolenceDamping"),
    organised: getParamFigures(c, "homicidesPerGroup", "groupViolenceExponent", "revenueViolenceExponent", "armsTracingViolenceDamping"),
    fragmentation: getParamFigures(c, "fragmentationShockPerSplinter", "fragmentationDecay"),
    confrontation: getParamFigures(c, "confrontationHomicidesAtFullForce"),
  };
  const keys = {
    baseline: "baselineViolence",
    organised: "organisedViolence",
    fragmentation: "fragmentationViolence",
    confrontation: "confrontationViolence",
  } as const;
  for (const region of c.regions) {
    const r = s.regions[region.id]!;
    const next: HomicideComponents = {
      baseline: r.startBaseline * institutionFactor,
      organised: p.homicidesPerGroup * Math.pow(r.activeGroups, p.groupViolenceExponent) * revenueFactor * institutionFactor * armsFactor,
      fragmentation: r.fragmentationShock,
      confrontation: (confrontation * r.activeGroups) / totalGroups,
    };
    for (const component of ["baseline", "organised", "fragmentation", "confrontation"] as const) {
      const applied = ledger.changeRegional("homicides", region.id, next[component] - r.components[component], {
        cause: component,
        explanationKey: keys[component],
        params: { region: region.id },
        figures: figures[component],
      });
      r.components[component] += applied;
    }
    r.fragmentationShock *= p.fragmentationDecay;
  }
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

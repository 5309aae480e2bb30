// Cross-reference checks that a schema alone cannot express: every id used exists, ids are
// unique, shares add up, and the numbers the rules combine stay meaningful.
import type { Scenario } from "./scenarioSchema.ts";
import { EXPLANATION_KEYS } from "./vocabulary.ts";

export interface ScenarioIssue {
  path: (string | number)[];
  message: string;
}

/** Scenario UI strings the product shows; a scenario must define each in every language. */
export const REQUIRED_STRING_KEYS = [
  "historicalPathLabel",
  "classPathLabel",
  "debriefIntro",
  "lessonSummary",
  "roundLabel",
  "classOutcome",
] as const;

export function checkScenario(s: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const add = (path: (string | number)[], message: string) => issues.push({ path, message });

  const unique = (key: string, items: readonly { id: string }[]) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) add([key, i, "id"], `duplicate id "${item.id}"`);
      seen.add(item.id);
    });
    return seen;
  };
  const sources = unique("sources", s.sources);
  const figures = unique("figures", s.figures);
  const policies = unique("policies", s.policies);
  unique("roles", s.roles);
  unique("events", s.events);
  const regions = unique("regions", s.regions);
  const organisations = unique("organisations", s.organisations);
  unique("leaders", s.leaders);
  unique("calibration", s.calibration);

  const refs = (set: Set<string>, kind: string, path: (string | number)[], ids: readonly string[]) =>
    ids.forEach((id, i) => {
      if (!set.has(id)) add([...path, i], `unknown ${kind} id "${id}"`);
    });
  const ref = (set: Set<string>, kind: string, path: (string | number)[], id: string) => {
    if (!set.has(id)) add(path, `unknown ${kind} id "${id}"`);
  };

  s.figures.forEach((f, i) => ref(sources, "source", ["figures", i, "source"], f.source));
  for (const [key, p] of Object.entries(s.parameters)) if (p.figure) ref(figures, "figure", ["parameters", key, "figure"], p.figure);
  s.policies.forEach((p, i) => refs(figures, "figure", ["policies", i, "figures"], p.figures));
  s.events.forEach((e, i) => {
    refs(figures, "figure", ["events", i, "figures"], e.figures);
    if (e.trigger.kind === "round" && e.trigger.round > s.rounds.length) {
      add(["events", i, "trigger", "round"], `round ${e.trigger.round} is past the last round (${s.rounds.length})`);
    }
    if (e.trigger.kind === "condition" && e.trigger.region) {
      ref(regions, "region", ["events", i, "trigger", "region"], e.trigger.region);
      if (e.trigger.indicator !== "homicides" && e.trigger.indicator !== "activeGroups") {
        add(["events", i, "trigger", "indicator"], "a regional condition can only use homicides or activeGroups");
      }
    }
    e.effects.forEach((effect, j) => {
      if (effect.kind === "groups") ref(regions, "region", ["events", i, "effects", j, "region"], effect.region);
    });
  });
  s.regions.forEach((r, i) => {
    refs(regions, "region", ["regions", i, "neighbours"], r.neighbours);
    r.neighbours.forEach((n, j) => {
      if (n === r.id) add(["regions", i, "neighbours", j], "a region cannot neighbour itself");
      const other = s.regions.find((o) => o.id === n);
      if (other && !other.neighbours.includes(r.id)) add(["regions", i, "neighbours", j], `"${n}" does not list "${r.id}" back as a neighbour`);
    });
  });
  s.organisations.forEach((o, i) => {
    ref(regions, "region", ["organisations", i, "region"], o.region);
    refs(figures, "figure", ["organisations", i, "figures"], o.figures);
  });
  s.leaders.forEach((l, i) => {
    ref(organisations, "organisation", ["leaders", i, "organisation"], l.organisation);
    ref(regions, "region", ["leaders", i, "region"], l.region);
    refs(figures, "figure", ["leaders", i, "figures"], l.figures);
  });

  if (s.historicalPath.length !== s.rounds.length) {
    add(["historicalPath"], `the historical path has ${s.historicalPath.length} rounds; the scenario has ${s.rounds.length}`);
  }
  s.historicalPath.forEach((round, i) => {
    refs(figures, "figure", ["historicalPath", i, "figures"], round.figures);
    for (const id of Object.keys(round.mix)) ref(policies, "policy", ["historicalPath", i, "mix", id], id);
    const total = Object.values(round.mix).reduce((a, b) => a + b, 0);
    if (Math.abs(total - 1) > 0.001) add(["historicalPath", i, "mix"], `shares sum to ${total.toFixed(3)}, not 1`);
  });
  const fundsInstitutions = (mix: Record<string, number>) =>
    Object.entries(mix).some(([id, share]) => share > 0 && (s.policies.find((p) => p.id === id)?.levers.institutions ?? 0) > 0);
  if (s.historicalPath.length > 0 && !s.historicalPath.some((round) => fundsInstitutions(round.mix))) {
    add(["historicalPath"], "no round funds a policy that pulls the institutions lever: the rules calibrate how fast effort builds institutions from the effort Mexico actually made (see parameters.historicalInstitutionTrend)");
  }
  s.calibration.forEach((t, i) => refs(figures, "figure", ["calibration", i, "figures"], t.figures));
  s.observed?.homicides.forEach((point, i, points) => {
    const previous = points[i - 1];
    if (previous && point.year <= previous.year) add(["observed", "homicides", i, "year"], `years must increase (${point.year} follows ${previous.year})`);
  });

  const p = s.parameters;
  const startHomicides = s.regions.reduce((sum, r) => sum + r.startHomicides, 0);
  if (Math.abs(startHomicides - p.startHomicides.value) > p.startHomicides.value * 0.01) {
    add(["regions"], `regions' startHomicides add up to ${startHomicides}, but parameters.startHomicides is ${p.startHomicides.value}`);
  }
  const startGroups = s.regions.reduce((sum, r) => sum + r.startGroups, 0);
  if (startGroups !== p.startGroups.value) {
    add(["regions"], `regions' startGroups add up to ${startGroups}, but parameters.startGroups is ${p.startGroups.value}`);
  }
  s.regions.forEach((r, i) => {
    const organised = p.homicidesPerGroup.value * Math.pow(r.startGroups, p.groupViolenceExponent.value);
    if (organised > r.startHomicides) {
      add(["regions", i, "startHomicides"], `${r.startHomicides} is less than the ${Math.round(organised)} homicides its ${r.startGroups} groups cause by the parameters`);
    }
  });
  if (p.splinterMin.value > p.splinterMax.value) add(["parameters", "splinterMin"], "splinterMin exceeds splinterMax");
  if (p.splinterMin.value < 1) add(["parameters", "splinterMin"], "a split leaves at least 1 group");
  if (p.legalisationRevenueCut.value + p.financialRevenueCut.value >= 1) {
    add(["parameters", "financialRevenueCut"], "legalisationRevenueCut + financialRevenueCut must stay below 1");
  }
  for (const key of [
    "captureBaseRate", "captureRateMax", "splitChance", "warEscalation", "warDecay", "warSpillover", "captureSpikeDecay",
    "captureSpikeNeighbour", "violenceAdjustment", "killShareBase", "startSyntheticShare", "syntheticShareMax", "approvalReversion",
    "humanRightsReversion", "institutionDecayRate", "newLeaderPerSplinter",
  ] as const) {
    if (p[key].value < 0 || p[key].value > 1) add(["parameters", key, "value"], "must be between 0 and 1");
  }
  for (const key of ["startInstitutionalStrength", "startImpunity", "startApproval", "startHumanRightsConcerns"] as const) {
    if (p[key].value < 0 || p[key].value > 100) add(["parameters", key, "value"], "must be between 0 and 100");
  }
  for (const key of ["institutionLagYears", "demandReductionLagYears", "socialLagYears"] as const) {
    if (p[key].value < 1 || p[key].value > 6) add(["parameters", key, "value"], "lags are 1 to 6 years");
  }

  for (const key of REQUIRED_STRING_KEYS) if (!(key in s.strings)) add(["strings", key], "missing string");
  for (const key of EXPLANATION_KEYS) if (!(key in s.explanations)) add(["explanations", key], "missing explanation");
  return issues;
}

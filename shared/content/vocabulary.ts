// The rules engine's fixed vocabulary: the mechanisms (levers), indicators, parameters and
// explanation keys that content refers to. Policies, roles, events, regions and leaders are
// content; these names are code because each one is a mechanism implemented in shared/rules.

/** Mechanisms a policy can pull, each with an intensity 0..1 in the policy's `levers`. */
export const LEVERS = [
  "targeting", // capture or kill the leaders of criminal groups (kingpin strategy)
  "force", // deploy the armed forces against criminal groups
  "institutions", // police, prosecutors, courts, anti-corruption
  "demandReduction", // public-health approach to drug use in the US
  "amnesty", // amnesty for non-violent drug offenders
  "financial", // follow the money: financial networks, sanctions
  "armsTracing", // trace and stop the flow of firearms
  "social", // social and economic programmes: poverty, jobs
  "legalisation", // legal markets for marijuana and medicinal opium
] as const;
export type Lever = (typeof LEVERS)[number];

/** National indicators computed every year. */
export const INDICATORS = [
  "homicides",
  "activeGroups",
  "leadersAtLarge",
  "institutionalStrength",
  "impunity",
  "approval",
  "cartelRevenue",
  "aidSpent",
  "humanRightsConcerns",
] as const;
export type Indicator = (typeof INDICATORS)[number];

/** Indicators also kept per region. */
export const REGIONAL_INDICATORS = ["homicides", "activeGroups"] as const satisfies readonly Indicator[];
export type RegionalIndicator = (typeof REGIONAL_INDICATORS)[number];

/** Every number the rules use; each lives in the scenario with a figure or an assumption. */
export const PARAMETER_KEYS = [
  // the country in the start year
  "startHomicides",
  "startGroups",
  "startLeadersAtLarge",
  "startInstitutionalStrength",
  "startImpunity",
  "startApproval",
  "startCartelRevenue",
  "startHumanRightsConcerns",
  "startSyntheticShare",
  // what a round's mix can buy
  "budgetCeiling",
  "leverSaturation",
  // finding and removing leaders
  "captureBaseRate",
  "captureRatePerTargeting",
  "captureRateMax",
  "targetingBuildUp",
  "targetingLoss",
  "targetingLagYears",
  "huntBasePerYear",
  "huntNoise",
  "killShareBase",
  "killSharePerForce",
  // what a removal does to violence
  "captureSpikeLocal",
  "captureSpikeNeighbour",
  "kingpinTurfShare",
  "cartelHeadTurfShare",
  "captureSpikeDecay",
  "lieutenantImpact",
  "lieutenantArrestCalm",
  "killViolenceMultiplier",
  "splitChance",
  "splitInstitutionDamping",
  "splitCrowdingExponent",
  "splinterMin",
  "splinterMax",
  "dismantleChancePerInstitution",
  "newLeaderPerSplinter",
  "warPerSplinter",
  "warEscalation",
  "warDecay",
  "warSpillover",
  "vacuumExpansion",
  "expansionEscalation",
  "warArming",
  // groups entering and ending
  "groupEntryRate",
  "groupEntryGrowthExponent",
  "groupEntryInstitutionDamping",
  "groupEntrySocialDamping",
  "groupEntryAmnestyDamping",
  "groupAttritionRate",
  "groupAbsorptionRate",
  "groupAttritionPerInstitution",
  "groupAttritionPerFinancial",
  // the settled level of violence
  "homicidesPerGroup",
  "groupViolenceExponent",
  "revenueViolenceExponent",
  "violenceAdjustment",
  "institutionViolenceDamping",
  "armsTracingViolenceDamping",
  "confrontationHomicidesAtFullForce",
  "confrontationForceExponent",
  "deploymentBuildUp",
  "deploymentLagYears",
  // institutions and impunity
  "institutionLagYears",
  "historicalInstitutionTrend",
  "institutionDecayRate",
  "impunityPerInstitution",
  "impunityPerExtraGroup",
  "amnestyImpunity",
  // the drug market
  "demandReductionLagYears",
  "demandReductionPerYear",
  "demandGrowthPerYear",
  "syntheticShareGrowthPerYear",
  "syntheticShareMax",
  "legalisationRevenueCut",
  "financialRevenueCut",
  // public opinion and rights
  "approvalPerCapture",
  "approvalPerViolenceRise",
  "approvalPerViolenceLevel",
  "approvalAmnestyBacklash",
  "approvalSocialGain",
  "approvalReversion",
  "humanRightsPerForce",
  "humanRightsInstitutionRelief",
  "humanRightsReversion",
  "socialLagYears",
] as const;
export type ParameterKey = (typeof PARAMETER_KEYS)[number];

/**
 * Why an indicator changed: every effect the rules emit carries one of these keys, and the
 * scenario's `explanations` gives each a sentence in every language ({placeholders} filled in).
 */
export const EXPLANATION_KEYS = [
  "policyCost",
  "eventAid",
  "captureArrests",
  "captureApproval",
  "splinterGroups",
  "newLeadersEmerge",
  "groupDismantled",
  "newGroupsEnter",
  "groupsAttrition",
  "eventGroups",
  "baselineViolence",
  "organisedViolence",
  "fragmentationViolence",
  "captureViolence",
  "confrontationViolence",
  "institutionsMature",
  "institutionsDecay",
  "impunityInstitutions",
  "impunityOverload",
  "impunityAmnesty",
  "revenueDemand",
  "revenueLegalisation",
  "revenueFinancial",
  "approvalViolence",
  "approvalInsecurity",
  "approvalAmnesty",
  "approvalSocial",
  "approvalReversion",
  "humanRightsForce",
  "humanRightsInstitutions",
  "humanRightsReversion",
  "eventIndicator",
] as const;
export type ExplanationKey = (typeof EXPLANATION_KEYS)[number];

/** Valid range of each indicator; the rules keep every value inside it. */
export const INDICATOR_RANGES: Record<Indicator, { min: number; max: number }> = {
  homicides: { min: 0, max: 1_000_000 },
  activeGroups: { min: 0, max: 5_000 },
  leadersAtLarge: { min: 0, max: 5_000 },
  institutionalStrength: { min: 0, max: 100 },
  impunity: { min: 0, max: 100 },
  approval: { min: 0, max: 100 },
  cartelRevenue: { min: 0, max: 1_000 },
  aidSpent: { min: 0, max: 1_000_000 },
  humanRightsConcerns: { min: 0, max: 100 },
};

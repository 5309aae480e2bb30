// Zod schemas for scenario content: the single source of truth for the scenario file's shape,
// its TypeScript types and the generated JSON Schema (npm run content:schema).
import { z } from "zod";
import { LocalizedTextSchema } from "../i18n.ts";
import { EXPLANATION_KEYS, INDICATORS, LEVERS, PARAMETER_KEYS, } from "./vocabulary.ts";

export const IdSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "ids use lower-case letters, digits and single hyphens (e.g. kingpin-targeting)");

const LeverSchema = z.enum(LEVERS);
const IndicatorSchema = z.enum(INDICATORS);
const YearSchema = z.number().int().min(1900).max(2200);
const ColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, "colours are #RRGGBB");

export const SourceSchema = z.strictObject({
  id: IdSchema,
  title: z.string().min(1),
  outlet: z.string().min(1),
  date: z.string().min(1).describe("Publication date as the article gives it, e.g. 2018-09 or Dec 2021"),
  author: z.string().min(1).optional(),
});

export const FigureSchema = z.strictObject({
  id: IdSchema,
  value: z.number().finite(),
  unit: LocalizedTextSchema.describe("What the value counts, e.g. homicides, USD millions"),
  period: z
    .strictObject({ from: YearSchema, to: YearSchema })
    .refine((p) => p.from <= p.to, "period.from must not be after period.to"),
  claim: LocalizedTextSchema.describe("The article's claim, paraphrased (never copied)"),
  source: IdSchema.describe("Id of an entry in sources"),
});

export const ParameterSchema = z
  .strictObject({
    value: z.number().finite(),
    figure: IdSchema.optional().describe("Figure this value is calibrated to"),
    assumption: z.string().trim().min(10).optional().describe("Why the value is what it is, when no figure gives it"),
    range: z
      .tuple([z.number().finite(), z.number().finite()])
      .optional()
      .describe("Plausible range [low, high] that npm run model:sensitivity moves the value across"),
  })
  .refine((p) => p.figure !== undefined || p.assumption !== undefined, {
    message: "each parameter needs a figure id or an assumption explaining its value",
  })
  .refine((p) => p.range === undefined || (p.range[0] <= p.value && p.value <= p.range[1]), {
    message: "range must be [low, high] around the value",
  });

const LeverIntensitiesSchema = z
  .partialRecord(LeverSchema, z.number().min(0).max(1))
  .refine((levers) => Object.values(levers).some((v) => (v ?? 0) > 0), "a policy must pull at least one lever");

export const PolicySchema = z.strictObject({
  id: IdSchema,
  name: LocalizedTextSchema,
  summary: LocalizedTextSchema.describe("One line for a policy card"),
  description: LocalizedTextSchema,
  levers: LeverIntensitiesSchema.describe("How strongly backing this policy pulls each mechanism (0..1)"),
  costUsdMillionsPerYear: z.number().min(0).max(100_000).describe("Aid and programme cost per year at full effort"),
  cost: LocalizedTextSchema.describe("What it costs, in words"),
  effects: z.strictObject({
    immediate: LocalizedTextSchema,
    delayed: LocalizedTextSchema,
    hidden: LocalizedTextSchema,
  }),
  figures: z.array(IdSchema).min(1),
  color: ColorSchema,
});

const IndicatorWeightsSchema = z
  .partialRecord(IndicatorSchema, z.number().min(-5).max(5))
  .refine((w) => Object.values(w).some((v) => (v ?? 0) !== 0), "an agenda must weigh at least one indicator");

export const RoleSchema = z.strictObject({
  id: IdSchema,
  name: LocalizedTextSchema,
  description: LocalizedTextSchema,
  agenda: LocalizedTextSchema.describe("The role's goals, in words students read"),
  weights: IndicatorWeightsSchema.describe("Positive: the role wants this indicator to rise; negative: to fall"),
  color: ColorSchema,
});

export const EventEffectSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("indicator"),
    indicator: z.enum(["approval", "institutionalStrength", "impunity", "humanRightsConcerns", "aidSpent"]),
    delta: z.number().finite(),
  }),
  z.strictObject({ kind: z.literal("lever"), lever: LeverSchema, delta: z.number().min(-1).max(1) }),
  z.strictObject({ kind: z.literal("targetList"), count: z.number().int().min(1).max(5_000) }),
  z.strictObject({ kind: z.literal("groups"), region: IdSchema, count: z.number().int().min(-100).max(100) }),
]);

export const EventTriggerSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("round"), round: z.number().int().min(1) }),
  z
    .strictObject({
      kind: z.literal("condition"),
      indicator: IndicatorSchema,
      region: IdSchema.optional().describe("Compare the region's value (homicides or activeGroups only)"),
      above: z.number().finite().optional(),
      below: z.number().finite().optional(),
      fromRound: z.number().int().min(1),
    })
    .refine((t) => t.above !== undefined || t.below !== undefined, "a condition needs above or below"),
]);

export const EventSchema = z.strictObject({
  id: IdSchema,
  title: LocalizedTextSchema,
  body: LocalizedTextSchema,
  year: YearSchema.describe("The year the card refers to"),
  trigger: EventTriggerSchema,
  effects: z.array(EventEffectSchema),
  figures: z.array(IdSchema).min(1),
});

const PointSchema = z.tuple([z.number().min(0).max(1000), z.number().min(0).max(1000)]);

export const RegionSchema = z.strictObject({
  id: IdSchema,
  name: LocalizedTextSchema,
  states: LocalizedTextSchema.describe("The Mexican states the region covers"),
  startHomicides: z.number().min(0),
  startGroups: z.number().int().min(0),
  entryWeight: z.number().min(0).max(10).describe("Relative attraction for new criminal groups"),
  neighbours: z.array(IdSchema),
  map: z.strictObject({
    polygon: z.array(PointSchema).min(3).describe("Outline on the board's 1000×640 map grid"),
    label: PointSchema,
  }),
});

export const OrganisationSchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1),
  region: IdSchema,
  activeFrom: YearSchema,
  figures: z.array(IdSchema),
});

export const LeaderFateSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("captured"), year: YearSchema }),
  z.strictObject({ kind: z.literal("killed"), year: YearSchema }),
  z.strictObject({ kind: z.literal("atLarge"), through: YearSchema.describe("Last year the articles report the leader at large") }),
]);

export const LeaderSchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1),
  alias: z.string().min(1),
  organisation: IdSchema,
  region: IdSchema,
  onListFrom: YearSchema.describe("First year the leader is a capture target"),
  huntYears: z
    .number()
    .min(0.1)
    .max(60)
    .describe("Years of full-strength targeting it takes to find this leader (intelligence, informants, rewards)"),
  fate: LeaderFateSchema.describe("What the articles say happened to the leader; the historical replay is checked against it"),
  figures: z.array(IdSchema),
});

const MixSchema = z.record(IdSchema, z.number().min(0).max(1));

export const HistoricalRoundSchema = z.strictObject({
  mix: MixSchema.describe("Policy id → share of effort; shares sum to 1"),
  note: LocalizedTextSchema,
  figures: z.array(IdSchema),
});

export const RoundSchema = z.strictObject({
  title: LocalizedTextSchema,
  summary: LocalizedTextSchema,
});

export const IndicatorInfoSchema = z.strictObject({
  label: LocalizedTextSchema,
  unit: LocalizedTextSchema,
  betterWhen: z.enum(["lower", "higher", "neither"]),
  format: z.enum(["count", "index", "usdBillions", "usdMillions"]),
  scoreScale: z.number().positive().describe("A change of this size moves a role's score clearly (about a quarter of the scale)"),
});

export const CalibrationMetricSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("indicatorAtYear"), indicator: IndicatorSchema, year: YearSchema }),
  z.strictObject({ kind: z.literal("ratioToStart"), indicator: IndicatorSchema, year: YearSchema }),
  z.strictObject({
    kind: z.literal("ratioBetweenYears"),
    indicator: IndicatorSchema,
    from: YearSchema,
    to: YearSchema,
  }).describe("Simulated value in `to` divided by the simulated value in `from` (both model outputs)"),
  z.strictObject({ kind: z.literal("newGroupsBetween"), from: YearSchema, to: YearSchema }),
  z.strictObject({ kind: z.literal("cumulativeHomicidesBetween"), from: YearSchema, to: YearSchema }),
  z
    .strictObject({ kind: z.literal("organisedHomicidesBetween"), from: YearSchema, to: YearSchema })
    .describe("Homicides the model attributes to organised crime (not ordinary crime), summed over the years"),
  z.strictObject({ kind: z.literal("targetListCaptureShare"), listedYear: YearSchema, to: YearSchema }),
]);

export const CalibrationTargetSchema = z
  .strictObject({
    id: IdSchema,
    label: LocalizedTextSchema,
    metric: CalibrationMetricSchema,
    target: z.number().finite(),
    min: z.number().finite(),
    max: z.number().finite().optional().describe("Omit for an open-ended 'above min' target"),
    figures: z.array(IdSchema).min(1),
  })
  .refine((t) => t.max === undefined || t.min <= t.max, "min must not exceed max");

export const ObservedPointSchema = z.strictObject({
  year: YearSchema,
  value: z.number().min(0),
  preliminary: z.boolean().optional().describe("True when the source marks the year's count as preliminary"),
});

export const ObservedSeriesSchema = z
  .strictObject({
    source: LocalizedTextSchema.describe("Where the series comes from, shown beside it on screen"),
    homicides: z.array(ObservedPointSchema).min(1).describe("National homicides per year, as recorded"),
  })
  .describe("What actually happened: the observed series the board and debrief show beside the model");

export const ScenarioSettingsSchema = z.strictObject({
  defaultSeed: z.number().int().min(0).max(0xffffffff),
  endorsementsPerStudent: z.number().int().min(1).max(20),
  votePoints: z.number().int().min(1).max(100),
  argumentMaxLength: z.number().int().min(20).max(280),
});

export const ScenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  id: IdSchema,
  version: z.number().int().min(1),
  title: LocalizedTextSchema,
  tagline: LocalizedTextSchema,
  intro: LocalizedTextSchema,
  startYear: YearSchema,
  yearsPerRound: z.number().int().min(1).max(10),
  rounds: z.array(RoundSchema).min(1).max(12),
  settings: ScenarioSettingsSchema,
  sources: z.array(SourceSchema).min(1),
  figures: z.array(FigureSchema).min(1),
  parameters: z.record(z.enum(PARAMETER_KEYS), ParameterSchema),
  indicators: z.record(IndicatorSchema, IndicatorInfoSchema),
  classAgenda: z.strictObject({ name: LocalizedTextSchema, weights: IndicatorWeightsSchema }),
  policies: z.array(PolicySchema).min(2),
  roles: z.array(RoleSchema).min(1),
  events: z.array(EventSchema),
  regions: z.array(RegionSchema).min(1),
  organisations: z.array(OrganisationSchema),
  leaders: z.array(LeaderSchema),
  historicalPath: z.array(HistoricalRoundSchema),
  calibration: z.array(CalibrationTargetSchema),
  observed: ObservedSeriesSchema.optional(),
  explanations: z.record(z.enum(EXPLANATION_KEYS), LocalizedTextSchema),
  strings: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9.]*$/), LocalizedTextSchema),
});

export type Scenario = z.infer<typeof ScenarioSchema>;
export type Policy = z.infer<typeof PolicySchema>;
export type Role = z.infer<typeof RoleSchema>;
export type ScenarioEvent = z.infer<typeof EventSchema>;
export type EventEffect = z.infer<typeof EventEffectSchema>;
export type Region = z.infer<typeof RegionSchema>;
export type Leader = z.infer<typeof LeaderSchema>;
export type LeaderFate = z.infer<typeof LeaderFateSchema>;
export type Organisation = z.infer<typeof OrganisationSchema>;
export type Figure = z.infer<typeof FigureSchema>;
export type CalibrationTarget = z.infer<typeof CalibrationTargetSchema>;
export type CalibrationMetric = z.infer<typeof CalibrationMetricSchema>;
export type ObservedSeries = z.infer<typeof ObservedSeriesSchema>;

// A scenario on disk is a folder of part files, each holding some top-level keys of the
// Scenario; this table says which, and gives each part its own schema for editor completion.
import { z } from "zod";
import { ScenarioSchema } from "./scenarioSchema.ts";

export const SCENARIO_PARTS = {
  "scenario.json": [
    "id", "version", "title", "tagline", "intro", "startYear", "yearsPerRound", "rounds", "settings",
    "classAgenda", "historicalPath", "calibration", "observed", "parameters",
  ],
  "figures.json": ["sources", "figures"],
  "policies.json": ["policies"],
  "roles.json": ["roles"],
  "events.json": ["events"],
  "map.json": ["regions", "organisations", "leaders"],
  "text.json": ["indicators", "explanations", "strings"],
} as const satisfies Record<string, readonly (keyof z.infer<typeof ScenarioSchema>)[]>;

export type ScenarioPartFile = keyof typeof SCENARIO_PARTS;
export const SCENARIO_PART_FILES = Object.keys(SCENARIO_PARTS) as ScenarioPartFile[];

/** The part file that holds a top-level scenario key. */
export function getPartFileOfKey(key: string): ScenarioPartFile | undefined {
  return SCENARIO_PART_FILES.find((file) => (SCENARIO_PARTS[file] as readonly string[]).includes(key));
}

/** Schema of one part file: its keys of the scenario schema, plus an optional `$schema`. */
export function getPartSchema(file: ScenarioPartFile) {
  const keys = Object.fromEntries(SCENARIO_PARTS[file].map((k) => [k, true]));
  return ScenarioSchema.pick(keys as never).extend({ $schema: z.string().optional() });
}

/** Splits a whole scenario into its part files' contents. */
export function splitScenario(scenario: Record<string, unknown>): Record<ScenarioPartFile, Record<string, unknown>> {
  const parts = {} as Record<ScenarioPartFile, Record<string, unknown>>;
  for (const file of SCENARIO_PART_FILES) {
    const part: Record<string, unknown> = { $schema: `../../schema/${file.replace(".json", ".schema.json")}` };
    for (const key of SCENARIO_PARTS[file]) if (key in scenario) part[key] = scenario[key];
    parts[file] = part;
  }
  return parts;
}

// Loads the default scenario from content/ for tests, failing loudly if it is invalid.
import { join } from "node:path";
import { formatContentError } from "../../shared/content/contentErrors.ts";
import { loadScenarioFromDisk } from "../../shared/content/loadScenarioFromDisk.ts";
import type { Scenario } from "../../shared/content/scenarioSchema.ts";

export const PROJECT_ROOT = join(import.meta.dirname, "..", "..");
export const DEFAULT_SCENARIO_DIR = join(PROJECT_ROOT, "content", "scenarios", "mexico-2006");

let cached: Scenario | undefined;

export function loadDefaultScenario(): Scenario {
  if (cached) return cached;
  const result = loadScenarioFromDisk(DEFAULT_SCENARIO_DIR);
  if (!result.ok) throw new Error(`default scenario is invalid:\n${result.errors.map(formatContentError).join("\n")}`);
  cached = result.scenario;
  return cached;
}

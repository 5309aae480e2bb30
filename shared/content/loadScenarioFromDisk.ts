// Node-only: reads a scenario folder of part files, validates it and reports every problem
// as file + JSON path + message. Used by the server and the content CLI, never by the rules.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import type { ContentError } from "./contentErrors.ts";
import { SCENARIO_PART_FILES, SCENARIO_PARTS, getPartFileOfKey } from "./scenarioParts.ts";
import type { LoadResult } from "./validateScenario.ts";
import { validateScenario } from "./validateScenario.ts";

export type { LoadResult } from "./validateScenario.ts";
export { validateScenario } from "./validateScenario.ts";

/** Reads and validates the scenario in `dir` (a folder holding the part files). */
export function loadScenarioFromDisk(dir: string, displayDir = dir): LoadResult {
  const errors: ContentError[] = [];
  const merged: Record<string, unknown> = {};
  const fileName = (file: string) => join(displayDir, file);
  for (const file of SCENARIO_PART_FILES) {
    const path = join(dir, file);
    if (!existsSync(path)) {
      errors.push({ file: fileName(file), path: "(root)", message: "file is missing" });
      continue;
    }
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(path, "utf8"));
    } catch (err) {
      errors.push({ file: fileName(file), path: "(root)", message: `not valid JSON: ${(err as Error).message}` });
      continue;
    }
    if (typeof data !== "object" || data === null || Array.isArray(data)) {
      errors.push({ file: fileName(file), path: "(root)", message: "must be a JSON object" });
      continue;
    }
    for (const [key, value] of Object.entries(data)) {
      if (key === "$schema") continue;
      if (!(SCENARIO_PARTS[file] as readonly string[]).includes(key)) {
        const home = getPartFileOfKey(key);
        errors.push({ file: fileName(file), path: key, message: home ? `belongs in ${home}` : "unknown key" });
        continue;
      }
      merged[key] = value;
    }
  }
  const extra = readdirSync(dir).filter((f) => f.endsWith(".json") && !(SCENARIO_PART_FILES as string[]).includes(f));
  for (const f of extra) errors.push({ file: fileName(f), path: "(root)", message: `unexpected file; a scenario folder holds ${SCENARIO_PART_FILES.join(", ")}` });
  if (errors.length > 0) return { ok: false, errors };
  return validateScenario(merged, (key) => fileName(getPartFileOfKey(key) ?? "scenario.json"));
}

/** Scenario folders under `contentDir/scenarios`. */
export function listScenarioDirs(contentDir: string): string[] {
  const root = join(contentDir, "scenarios");
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith("."))
    .map((d) => join(root, d.name))
    .sort();
}

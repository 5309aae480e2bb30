// Live validation of the draft with the server's own checks (zod schema + cross-references), errors keyed by JSON path.
import type { ContentError } from "../../shared/content/contentErrors.ts";
import { getPartFileOfKey } from "../../shared/content/scenarioParts.ts";
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import { validateScenario } from "../../shared/content/validateScenario.ts";

/** A problem at a JSON path of the scenario, e.g. `policies[2].figures[0]`. */
export interface EditorError {
  path: string;
  message: string;
}

export type DraftCheck = { ok: true; scenario: Scenario; errors: [] } | { ok: false; errors: EditorError[] };

/** Validates exactly as the server does before a save (the `$schema` pointer of part files is ignored there too). */
export function validateDraft(data: unknown): DraftCheck {
  const record = typeof data === "object" && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  const input = record ? Object.fromEntries(Object.entries(record).filter(([k]) => k !== "$schema")) : data;
  const result = validateScenario(input, (key) => getPartFileOfKey(key) ?? "scenario.json");
  if (result.ok) return { ok: true, scenario: result.scenario, errors: [] };
  return { ok: false, errors: result.errors.map(toEditorError) };
}

/** Server errors name the part file too; the editor places them by path alone. */
export function toEditorError(error: ContentError | EditorError): EditorError {
  return { path: error.path, message: error.message };
}

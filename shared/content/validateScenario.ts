// Validates an assembled scenario object (zod schema, then cross-references) and reports each
// problem with the part file it belongs to. Browser-safe: the editor uses it as the server does.
import { checkScenario } from "./checkScenario.ts";
import { formatJsonPath } from "./contentErrors.ts";
import type { Scenario } from "./scenarioSchema.ts";
import { ScenarioSchema } from "./scenarioSchema.ts";
import type { ContentError } from "./contentErrors.ts";

export type LoadResult = { ok: true; scenario: Scenario } | { ok: false; errors: ContentError[] };

/** Validates an assembled scenario object; `fileOf` names the file a top-level key came from. */
export function validateScenario(data: unknown, fileOf: (key: string) => string): LoadResult {
  const parsed = ScenarioSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => {
        const [top, ...rest] = issue.path;
        const key = top === undefined ? "" : String(top);
        // Unknown top-level keys are reported by zod at the root; name the key.
        if (issue.code === "unrecognized_keys") {
          return { file: fileOf(issue.keys[0] ?? ""), path: formatJsonPath(issue.path), message: `unknown key(s): ${issue.keys.join(", ")}` };
        }
        return { file: fileOf(key), path: formatJsonPath(top === undefined ? [] : [top, ...rest]), message: issue.message };
      }),
    };
  }
  const issues = checkScenario(parsed.data);
  if (issues.length > 0) {
    return {
      ok: false,
      errors: issues.map((issue) => ({ file: fileOf(String(issue.path[0] ?? "")), path: formatJsonPath(issue.path), message: issue.message })),
    };
  }
  return { ok: true, scenario: parsed.data };
}


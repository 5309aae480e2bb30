// Words a report in the session's language from the scenario it was played with: names, "why" lines and
// figure citations as the board and the phones word them (shared/content/scenarioText.ts), plus each figure's source.
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import { getContentName, getFigureCitation, wordExplanation } from "../../shared/content/scenarioText.ts";
import type { Language } from "../../shared/i18n.ts";
import type { CitedFigure } from "../../shared/report/reportSchema.ts";

export { getContentName as getName, wordExplanation };

export function citeFigure(scenario: Scenario, figureId: string, lang: Language): CitedFigure | null {
  const citation = getFigureCitation(scenario, figureId, lang);
  if (!citation) return null;
  const figure = scenario.figures.find((f) => f.id === figureId);
  const source = scenario.sources.find((s) => s.id === figure?.source);
  return { ...citation, source: source ? `${source.outlet}, “${source.title}” (${source.date})` : (figure?.source ?? "") };
}

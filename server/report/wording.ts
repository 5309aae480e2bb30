// Words a report in the session's language from the scenario it was played with: names of content
// ids, "why" lines from the explanation templates, and figure citations.
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import type { Language } from "../../shared/i18n.ts";
import { formatText } from "../../shared/i18n.ts";
import type { CitedFigure } from "../../shared/report/reportSchema.ts";

/** Name of a policy, region, role, event, organisation or leader id; the id itself if unknown. */
export function getName(scenario: Scenario, id: string, lang: Language): string {
  const named =
    scenario.policies.find((p) => p.id === id)?.name ??
    scenario.regions.find((r) => r.id === id)?.name ??
    scenario.roles.find((r) => r.id === id)?.name ??
    scenario.events.find((e) => e.id === id)?.title;
  if (named) return named[lang];
  const org = scenario.organisations.find((o) => o.id === id);
  if (org) return org.name;
  const leader = scenario.leaders.find((l) => l.id === id);
  if (leader) return `${leader.name} (“${leader.alias}”)`;
  return id;
}

/** Placeholders whose values are content ids, worded as names. */
const ID_PLACEHOLDERS = new Set(["region", "policy", "event", "role", "leader", "organisation"]);

export function wordExplanation(scenario: Scenario, explanationKey: string, params: Record<string, string | number>, lang: Language): string {
  const template = (scenario.explanations as Record<string, { en: string; es: string } | undefined>)[explanationKey];
  if (!template) return explanationKey;
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    values[name] = ID_PLACEHOLDERS.has(name) && typeof value === "string" ? getName(scenario, value, lang) : value;
  }
  return formatText(template[lang], values);
}

export function citeFigure(scenario: Scenario, figureId: string, lang: Language): CitedFigure | null {
  const figure = scenario.figures.find((f) => f.id === figureId);
  if (!figure) return null;
  const source = scenario.sources.find((s) => s.id === figure.source);
  return {
    id: figure.id,
    claim: figure.claim[lang],
    period: figure.period.from === figure.period.to ? String(figure.period.from) : `${figure.period.from}–${figure.period.to}`,
    source: source ? `${source.outlet}, “${source.title}” (${source.date})` : figure.source,
  };
}

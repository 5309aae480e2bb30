// Localized names of content ids, the rules' effects worded from the scenario's explanations, and figure
// citations (pure): the same words on the board, the phones and the session report.
import type { Language } from "../i18n.ts";
import { formatText } from "../languages.ts";
import type { Scenario } from "./scenarioSchema.ts";

/** A capture as the rules or the synced state record it (null or "" for a lesser, unnamed target). */
interface CaptureRecord {
  year: number;
  leaderId: string | null;
  regionId: string;
  splinters: number;
  dismantled: boolean;
}

/** A capture with its leader's and region's names in `lang` (null leader for a lesser target): the report's and the phone's form. */
export function nameCapture(scenario: Scenario, c: CaptureRecord, lang: Language) {
  return {
    year: c.year,
    leaderId: c.leaderId || null,
    leaderName: c.leaderId ? getContentName(scenario, c.leaderId, lang) : null,
    regionId: c.regionId,
    regionName: getContentName(scenario, c.regionId, lang),
    splinters: c.splinters,
    dismantled: c.dismantled,
  };
}

/** Name of a policy, role, region or event id in `lang`; the id itself if the content lacks it. */
export function getContentName(scenario: Scenario, id: string, lang: Language): string {
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

/** Placeholders whose values are content ids to be turned into localized names. */
const ID_PLACEHOLDERS = new Set(["region", "policy", "event", "role", "leader", "organisation"]);

/** Fills an explanation template, turning id placeholders into names. */
export function wordExplanation(
  scenario: Scenario,
  explanationKey: string,
  params: Record<string, string | number>,
  lang: Language,
): string {
  const template = (scenario.explanations as Record<string, { en: string; es: string } | undefined>)[explanationKey];
  if (!template) return explanationKey;
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    values[name] = ID_PLACEHOLDERS.has(name) && typeof value === "string" ? getContentName(scenario, value, lang) : value;
  }
  return formatText(template[lang], values);
}

/** A cited figure's claim with its year(s), for "why" lines and the citation picker. */
export function getFigureCitation(scenario: Scenario, figureId: string, lang: Language): { id: string; claim: string; period: string } | null {
  const figure = scenario.figures.find((f) => f.id === figureId);
  if (!figure) return null;
  const period = figure.period.from === figure.period.to ? String(figure.period.from) : `${figure.period.from}–${figure.period.to}`;
  return { id: figure.id, claim: figure.claim[lang], period };
}

// The "why" lines after a resolve, worded from the scenario's explanations with their cited figures (pure).
// Which effects, in what order and with which figures is shared/rules/whySelection.ts: the homicide story leads.
import type { Language } from "../../shared/i18n.ts";
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import { getHomicideStorySize, selectWhyEffects } from "../../shared/rules/whySelection.ts";
import type { EffectSnapshot } from "../state/snapshot.ts";
import { formatSignedChange } from "./format.ts";
import type { Tone } from "./metersModel.ts";
import { getTone } from "./metersModel.ts";
import { getContentName, getFigureCitation, wordExplanation } from "../../shared/content/scenarioText.ts";

export interface WhyLine {
  indicator: string;
  indicatorLabel: string;
  regionName: string;
  deltaText: string;
  tone: Tone;
  text: string;
  citations: { id: string; claim: string; period: string }[];
  /** |delta| relative to the indicator's score scale, to rank lines. */
  weight: number;
  /** True for the lines that carry the round's homicide story (always shown, first). */
  isHomicideStory: boolean;
}

export { getHomicideStorySize };

export function getWhyLines(scenario: Scenario, effects: readonly EffectSnapshot[], lang: Language, limit = 8): WhyLine[] {
  const indicatorInfo = (indicator: string) =>
    (scenario.indicators as Record<string, (typeof scenario.indicators)[keyof typeof scenario.indicators] | undefined>)[indicator];
  const worthALine = effects.filter((e) => formatSignedChange(e.delta, indicatorInfo(e.indicator)?.format ?? "count", lang) !== "±0");
  const chosen = selectWhyEffects(worthALine, (indicator) => indicatorInfo(indicator)?.scoreScale ?? 1, limit);
  return chosen.map(({ effect, figures, isHomicideStory }) => {
    const info = indicatorInfo(effect.indicator);
    return {
      indicator: effect.indicator,
      indicatorLabel: info ? info.label[lang] : effect.indicator,
      regionName: effect.region ? getContentName(scenario, effect.region, lang) : "",
      deltaText: formatSignedChange(effect.delta, info?.format ?? "count", lang),
      tone: getTone(effect.delta, info?.betterWhen ?? "neither"),
      text: wordExplanation(scenario, effect.explanationKey, effect.params, lang),
      weight: Math.abs(effect.delta) / (info?.scoreScale ?? 1),
      citations: figures.map((f) => getFigureCitation(scenario, f, lang)).filter((c): c is NonNullable<typeof c> => c !== null),
      isHomicideStory,
    };
  });
}

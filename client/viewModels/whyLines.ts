// The "why" lines after a resolve: the biggest effects worded from the scenario's explanations, with cited figures (pure).
import type { Language } from "../../shared/i18n.ts";
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import type { EffectSnapshot } from "../state/snapshot.ts";
import { formatSignedChange } from "./format.ts";
import type { Tone } from "./metersModel.ts";
import { getTone } from "./metersModel.ts";
import { getContentName, getFigureCitation, wordExplanation } from "./scenarioText.ts";

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
}

export function getWhyLines(scenario: Scenario, effects: readonly EffectSnapshot[], lang: Language, limit = 8): WhyLine[] {
  return effects
    .map((effect) => {
      const info = (scenario.indicators as Record<string, (typeof scenario.indicators)[keyof typeof scenario.indicators] | undefined>)[effect.indicator];
      const format = info?.format ?? "count";
      return {
        indicator: effect.indicator,
        indicatorLabel: info ? info.label[lang] : effect.indicator,
        regionName: effect.region ? getContentName(scenario, effect.region, lang) : "",
        deltaText: formatSignedChange(effect.delta, format, lang),
        tone: getTone(effect.delta, info?.betterWhen ?? "neither"),
        text: wordExplanation(scenario, effect.explanationKey, effect.params, lang),
        citations: effect.figures.map((f) => getFigureCitation(scenario, f, lang)).filter((c): c is NonNullable<typeof c> => c !== null),
        weight: Math.abs(effect.delta) / (info?.scoreScale ?? 1),
      };
    })
    .filter((line) => line.deltaText !== "±0")
    .sort((a, b) => b.weight - a.weight)
    .slice(0, limit);
}

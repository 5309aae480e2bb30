// The "why" lines after a resolve: the biggest effects worded from the scenario's explanations, with cited figures (pure).
// The round's homicide story always leads: the effects that moved homicides most are shown first,
// whatever else changed, and one figure never backs opposite changes of the same indicator.
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
  /** True for the lines that carry the round's homicide story (always shown, first). */
  isHomicideStory: boolean;
}

/** How many of the largest homicide effects are always shown, out of `limit` lines. */
export function getHomicideStorySize(limit: number): number {
  return Math.min(3, Math.max(1, Math.floor(limit / 2)));
}

interface RankedEffect {
  effect: EffectSnapshot;
  line: Omit<WhyLine, "citations" | "isHomicideStory">;
}

export function getWhyLines(scenario: Scenario, effects: readonly EffectSnapshot[], lang: Language, limit = 8): WhyLine[] {
  const ranked: RankedEffect[] = effects
    .map((effect) => {
      const info = (scenario.indicators as Record<string, (typeof scenario.indicators)[keyof typeof scenario.indicators] | undefined>)[effect.indicator];
      const format = info?.format ?? "count";
      return {
        effect,
        line: {
          indicator: effect.indicator,
          indicatorLabel: info ? info.label[lang] : effect.indicator,
          regionName: effect.region ? getContentName(scenario, effect.region, lang) : "",
          deltaText: formatSignedChange(effect.delta, format, lang),
          tone: getTone(effect.delta, info?.betterWhen ?? "neither"),
          text: wordExplanation(scenario, effect.explanationKey, effect.params, lang),
          weight: Math.abs(effect.delta) / (info?.scoreScale ?? 1),
        },
      };
    })
    .filter((r) => r.line.deltaText !== "±0");

  const story = ranked
    .filter((r) => r.effect.indicator === "homicides")
    .sort((a, b) => Math.abs(b.effect.delta) - Math.abs(a.effect.delta))
    .slice(0, Math.min(limit, getHomicideStorySize(limit)));
  const rest = ranked.filter((r) => !story.includes(r)).sort((a, b) => b.line.weight - a.line.weight);
  const chosen = [...story, ...rest].slice(0, limit);

  // A figure cited for a rise of an indicator is not cited again for a fall of the same indicator.
  const citedSign = new Map<string, number>();
  return chosen.map((r, i) => {
    const sign = Math.sign(r.effect.delta);
    const figures = r.effect.figures.filter((id) => {
      const key = `${r.effect.indicator}|${id}`;
      const previous = citedSign.get(key);
      if (previous !== undefined && previous !== sign) return false;
      citedSign.set(key, sign);
      return true;
    });
    return {
      ...r.line,
      citations: figures.map((f) => getFigureCitation(scenario, f, lang)).filter((c): c is NonNullable<typeof c> => c !== null),
      isHomicideStory: i < story.length,
    };
  });
}

// Indicator meters: value, change since the last round as arrow + signed number, and whether it is good news (pure).
import type { Language } from "../../shared/i18n.ts";
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import type { SessionSnapshot } from "../state/snapshot.ts";
import { getBaselinePoint, getPreviousRoundPoint } from "./baseline.ts";
import { formatIndicatorValue, formatSignedChange } from "./format.ts";

export type Tone = "better" | "worse" | "neutral";

export interface Meter {
  indicator: string;
  label: string;
  unit: string;
  value: number;
  valueText: string;
  /** null before any round has resolved. */
  delta: number | null;
  deltaText: string;
  arrow: "▲" | "▼" | "▶" | "";
  tone: Tone;
  /** 0..1 position of the value between the scenario's start and twice the start (for the bar). */
  fill: number;
  /** Which way is good news, so the board can say "higher is worse" beside the unit. */
  betterWhen: "lower" | "higher" | "neither";
  /** True for 0–100 indices: their bar has a real scale (0 to 100) and is drawn. */
  isIndex: boolean;
}

export function getTone(delta: number, betterWhen: "lower" | "higher" | "neither"): Tone {
  if (delta === 0 || betterWhen === "neither") return "neutral";
  return (delta < 0) === (betterWhen === "lower") ? "better" : "worse";
}

export function getMeters(scenario: Scenario, snapshot: Pick<SessionSnapshot, "indicators" | "years">, lang: Language): Meter[] {
  const baseline = getBaselinePoint(scenario);
  const previous = getPreviousRoundPoint(scenario, snapshot.years);
  return Object.entries(scenario.indicators).map(([indicator, info]) => {
    const value = snapshot.indicators[indicator] ?? baseline.indicators[indicator] ?? 0;
    const before = previous?.indicators[indicator];
    const delta = before === undefined ? null : value - before;
    const start = baseline.indicators[indicator] ?? 0;
    const scaleMax = info.format === "index" ? 100 : Math.max(start * 2, value, 1);
    const shown = delta === null ? 0 : Number(formatSignedChange(delta, info.format, "en").replace(/[^0-9.]/g, "")) === 0 ? 0 : delta;
    return {
      indicator,
      label: info.label[lang],
      unit: info.unit[lang],
      value,
      valueText: formatIndicatorValue(value, info.format, lang),
      delta,
      deltaText: delta === null ? "" : formatSignedChange(delta, info.format, lang),
      arrow: delta === null ? "" : shown > 0 ? "▲" : shown < 0 ? "▼" : "▶",
      tone: delta === null ? "neutral" : getTone(shown, info.betterWhen),
      fill: Math.max(0, Math.min(1, value / scaleMax)),
      betterWhen: info.betterWhen,
      isIndex: info.format === "index",
    };
  });
}

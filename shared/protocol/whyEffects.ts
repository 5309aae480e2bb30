// Which of a round's effects travel to clients: only the ones a "why" line can show. Every client
// words at most WHY_LINES_SENT lines with the shared choice (shared/rules/whySelection.ts) from the
// effects that show a visible change, and that choice made from the sent few is the choice made
// from all of them (tests/client/whyLines.test.ts checks it); the report keeps every effect.
import type { Scenario } from "../content/scenarioSchema.ts";
import { selectWhyEffects } from "../rules/whySelection.ts";

/** The most "why" lines any view shows (the board 6, phones 5, the report its own 8 from every effect). */
export const WHY_LINES_SENT = 8;

export type ChangeFormat = "count" | "index" | "usdBillions" | "usdMillions";

/** A change as the board shows it: counts and millions to whole units, the rest to one decimal. */
export function roundChange(delta: number, format: ChangeFormat): number {
  return format === "count" || format === "usdMillions" ? Math.round(delta) : Math.round(delta * 10) / 10;
}

/** The indicator's format and score scale, with neutral defaults for an id the scenario lacks. */
function indicatorInfo(scenario: Scenario, indicator: string): { format: ChangeFormat; scoreScale: number } {
  const info = (scenario.indicators as Record<string, { format: ChangeFormat; scoreScale: number } | undefined>)[indicator];
  return { format: info?.format ?? "count", scoreScale: info?.scoreScale ?? 1 };
}

/** True when the change would show as more than "±0". */
export function isVisibleChange(scenario: Scenario, indicator: string, delta: number): boolean {
  return roundChange(delta, indicatorInfo(scenario, indicator).format) !== 0;
}

/** The effects a client may word, in their original order: the shared choice of WHY_LINES_SENT among the visible ones. */
export function selectSentEffects<E extends { indicator: string; delta: number; figures: readonly string[] }>(scenario: Scenario, effects: readonly E[]): E[] {
  const visible = effects.filter((e) => isVisibleChange(scenario, e.indicator, e.delta));
  const chosen = new Set(selectWhyEffects(visible, (indicator) => indicatorInfo(scenario, indicator).scoreScale, WHY_LINES_SENT).map((c) => c.effect));
  return effects.filter((e) => chosen.has(e));
}

// Which effects explain a round, in what order, citing which figures (pure; the board, the phone and the
// report all choose the same way). The round's homicide story leads: the effects that moved homicides
// most are always shown, first; the other lines follow by size relative to each indicator's scale; and a
// figure cited for a rise of an indicator is not cited again for a fall of the same indicator.

export interface ExplainableEffect {
  indicator: string;
  delta: number;
  figures: readonly string[];
}

export interface WhyChoice<E extends ExplainableEffect> {
  effect: E;
  /** The effect's figures, less any already cited for the opposite change of the same indicator. */
  figures: string[];
  /** One of the lines that carry the round's homicide story. */
  isHomicideStory: boolean;
}

/** How many of the largest homicide effects are always shown, out of `limit` lines. */
export function getHomicideStorySize(limit: number): number {
  return Math.min(3, Math.max(1, Math.floor(limit / 2)));
}

/** `effects` are the ones worth a line (the caller drops those that round to no change). */
export function selectWhyEffects<E extends ExplainableEffect>(effects: readonly E[], getScoreScale: (indicator: string) => number, limit: number): WhyChoice<E>[] {
  const story = effects
    .filter((e) => e.indicator === "homicides")
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta))
    .slice(0, Math.min(limit, getHomicideStorySize(limit)));
  const weight = (e: E) => Math.abs(e.delta) / getScoreScale(e.indicator);
  const rest = effects.filter((e) => !story.includes(e)).sort((a, b) => weight(b) - weight(a));
  const citedSign = new Map<string, number>();
  return [...story, ...rest].slice(0, limit).map((effect, i) => {
    const sign = Math.sign(effect.delta);
    const figures = effect.figures.filter((id) => {
      const key = `${effect.indicator}|${id}`;
      const previous = citedSign.get(key);
      if (previous !== undefined && previous !== sign) return false;
      citedSign.set(key, sign);
      return true;
    });
    return { effect, figures, isHomicideStory: i < story.length };
  });
}

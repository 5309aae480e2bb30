// Which effects explain a round: the homicide story leads, the rest by relative size, no figure for both signs.
import { describe, expect, it } from "vitest";
import { getHomicideStorySize, selectWhyEffects } from "../../shared/rules/whySelection.ts";

const scale = (indicator: string) => (indicator === "homicides" ? 10_000 : 10);
const effect = (indicator: string, delta: number, figures: string[] = []) => ({ indicator, delta, figures });

describe("choosing the why lines", () => {
  it("always shows the largest homicide effects first, even when other indicators moved more for their scale", () => {
    const effects = [effect("approval", 40), effect("humanRights", 18), effect("homicides", 500), effect("homicides", -2_000), effect("homicides", 90), effect("groups", 9)];
    const chosen = selectWhyEffects(effects, scale, 4);
    expect(getHomicideStorySize(4)).toBe(2);
    expect(chosen.map((c) => [c.effect.indicator, c.effect.delta, c.isHomicideStory])).toEqual([
      ["homicides", -2_000, true],
      ["homicides", 500, true],
      ["approval", 40, false],
      ["humanRights", 18, false],
    ]);
  });

  it("never cites one figure for a rise and a fall of the same indicator", () => {
    const effects = [effect("homicides", 800, ["calderon-rates"]), effect("homicides", -300, ["calderon-rates", "inegi"]), effect("approval", -5, ["calderon-rates"])];
    const chosen = selectWhyEffects(effects, scale, 8);
    expect(chosen.map((c) => c.figures)).toEqual([["calderon-rates"], ["inegi"], ["calderon-rates"]]);
  });
});

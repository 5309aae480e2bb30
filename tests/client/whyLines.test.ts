// The "why" lines tell the round's main story: the effects that moved homicides most are always
// shown on the board (6 lines) and the phone (5), with their figures, and one figure never backs
// both a rise and a fall of the same indicator.
import { describe, expect, it } from "vitest";
import { getHomicideStorySize, getWhyLines } from "../../client/viewModels/whyLines.ts";
import type { EffectSnapshot } from "../../client/state/snapshot.ts";
import { decodeEffect, encodeEffect, WordIndex } from "../../shared/protocol/wireCodec.ts";
import { selectSentEffects, WHY_LINES_SENT } from "../../shared/protocol/whyEffects.ts";
import { loadDefaultScenario } from "../support/defaultScenario.ts";
import { getRoundEffects } from "../support/roundEffects.ts";

const scenario = loadDefaultScenario();

const rounds = getRoundEffects([1]);

describe("why lines", () => {
  it.each([6, 5])("with %i lines, the largest homicide effects of every round are always shown, first", (limit) => {
    for (const effects of rounds) {
      const lines = getWhyLines(scenario, effects, "en", limit);
      const homicides = effects.filter((e) => e.indicator === "homicides").sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));
      const expected = homicides.slice(0, getHomicideStorySize(limit));
      const story = lines.filter((l) => l.isHomicideStory);
      expect(story).toHaveLength(expected.length);
      expect(lines.slice(0, story.length).every((l) => l.isHomicideStory && l.indicator === "homicides")).toBe(true);
      const shownTexts = story.map((l) => `${l.regionName}|${l.text}`);
      for (const e of expected) {
        const text = getWhyLines(scenario, [e], "en", 1)[0]!;
        expect(shownTexts).toContain(`${text.regionName}|${text.text}`);
      }
    }
  });

  it("story lines carry the figures their effects cite", () => {
    let cited = 0;
    for (const effects of rounds) {
      for (const line of getWhyLines(scenario, effects, "en", 6).filter((l) => l.isHomicideStory)) cited += line.citations.length > 0 ? 1 : 0;
    }
    expect(cited).toBeGreaterThan(rounds.length);
  });

  it("no figure is cited for both a rise and a fall of the same indicator", () => {
    for (const effects of rounds) {
      const signs = new Map<string, Set<number>>();
      for (const line of getWhyLines(scenario, effects, "en", 50)) {
        const sign = line.deltaText.startsWith("−") || line.deltaText.startsWith("-") ? -1 : 1;
        for (const c of line.citations) {
          const key = `${line.indicator}|${c.id}`;
          signs.set(key, new Set([...(signs.get(key) ?? []), sign]));
        }
      }
      for (const [key, set] of signs) expect(set.size, key).toBe(1);
    }
  });

  it("a homicide change of thousands outranks small changes of other indicators", () => {
    const effects: EffectSnapshot[] = [
      { indicator: "approval", delta: 9, region: "", cause: "captures", explanationKey: "captureApproval", params: { count: 4 }, figures: [] },
      { indicator: "impunity", delta: -8, region: "", cause: "institutions", explanationKey: "impunityInstitutions", params: {}, figures: [] },
      { indicator: "homicides", delta: 2500, region: "west", cause: "fragmentation", explanationKey: "fragmentationViolence", params: { region: "west" }, figures: [] },
    ];
    expect(getWhyLines(scenario, effects, "en", 1)[0]?.indicator).toBe("homicides");
  });
});

describe("why lines after the wire", () => {
  it("the few effects sent, as word indexes, word every view's lines of every round as all the effects would, in both languages", () => {
    // One word list for the whole game, as a session keeps it: later rounds refer to earlier words.
    const words: string[] = [];
    const index = new WordIndex(words, (w) => words.push(w));
    let sentCount = 0;
    for (const effects of rounds) {
      const sent = selectSentEffects(scenario, effects);
      sentCount += sent.length;
      expect(sent.length).toBeLessThanOrEqual(WHY_LINES_SENT);
      const decoded = sent.map((e) => decodeEffect(encodeEffect(e, index), words));
      expect(decoded).toEqual(sent.map((e) => ({ indicator: e.indicator, delta: e.delta, region: e.region, cause: e.cause, explanationKey: e.explanationKey, params: e.params, figures: e.figures })));
      for (const lang of ["en", "es"] as const) {
        for (let limit = 1; limit <= WHY_LINES_SENT; limit++) expect(getWhyLines(scenario, decoded, lang, limit), `${lang} ${limit}`).toEqual(getWhyLines(scenario, effects, lang, limit));
      }
    }
    // Far fewer effects travel than the rules produce, and each distinct string travels once.
    expect(sentCount * 4).toBeLessThan(rounds.flat().length);
    expect(new Set(words).size).toBe(words.length);
  });
});

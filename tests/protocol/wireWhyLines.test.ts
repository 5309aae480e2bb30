// Why lines after the wire's rounding: the few effects the server sends (server/session/roundResolution.ts
// toSentEffects), their deltas as float32 (shared/protocol/wirePrecision.ts), ranked by full size,
// word the same lines on every view as every effect at full precision would, over every round of
// the historical and single-policy paths.
import { describe, expect, it } from "vitest";
import { getWhyLines, type WhyLine } from "../../client/viewModels/whyLines.ts";
import { decodeEffect, encodeEffect, WordIndex } from "../../shared/protocol/wireCodec.ts";
import { WHY_LINES_SENT } from "../../shared/protocol/whyEffects.ts";
import { toSentEffects } from "../../server/session/roundResolution.ts";
import { loadDefaultScenario } from "../support/defaultScenario.ts";
import { getRoundEffects } from "../support/roundEffects.ts";

const scenario = loadDefaultScenario();

const rounds = getRoundEffects([1, 2]);
/** What a line shows (its weight is only how it ranks). */
const shown = (w: WhyLine) => ({ indicator: w.indicator, regionName: w.regionName, deltaText: w.deltaText, tone: w.tone, text: w.text, citations: w.citations, isHomicideStory: w.isHomicideStory });

describe("why lines after the wire's rounding", () => {
  it("word what every effect at full precision words, on the board (6), phones (5) and every other limit, in both languages", () => {
    const words: string[] = [];
    const index = new WordIndex(words, (w) => words.push(w));
    let rounded = 0;
    for (const effects of rounds) {
      const sent = toSentEffects(scenario, effects);
      expect(sent.length).toBeLessThanOrEqual(WHY_LINES_SENT);
      rounded += sent.filter((e) => !effects.some((f) => f.delta === e.delta)).length;
      const decoded = sent.map((e) => decodeEffect(encodeEffect(e, index), words));
      for (const lang of ["en", "es"] as const) {
        for (let limit = 1; limit <= WHY_LINES_SENT; limit++) {
          expect(getWhyLines(scenario, decoded, lang, limit).map(shown), `${lang} ${limit}`).toEqual(getWhyLines(scenario, effects, lang, limit).map(shown));
        }
      }
    }
    expect(rounded).toBeGreaterThan(rounds.length);
  });
});

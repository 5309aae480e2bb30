// The phone's own models: choices kept per round, plural forms from the language's rules, characters as a
// person counts them, and the debrief's most-endorsed places kept for students (never bots).
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { ArgumentView, Mine } from "../../shared/protocol/index.ts";
import { countGraphemes, hasMoreGraphemesThan, sliceGraphemes } from "../../shared/graphemes.ts";
import { EMPTY_MINE, MyChoices } from "../../client/state/myChoices.ts";
import { getMostEndorsedArguments, isBotArgument } from "../../client/viewModels/debriefModel.ts";
import { PROJECT_ROOT } from "../support/defaultScenario.ts";

const strings = JSON.parse(readFileSync(join(PROJECT_ROOT, "content", "ui", "strings.json"), "utf8")) as Record<string, { en: string; es: string }>;

const roundOneMine: Mine = { proposal: { policyId: "amnesty", argumentId: "a1", figureId: null }, endorsed: ["a2", "a3"], vote: { points: { amnesty: 10 } } };

describe("the student's own choices", () => {
  it("a new round starts with no proposal, endorsement or vote, whatever the last round held", () => {
    const choices = new MyChoices(undefined, 1);
    choices.set(roundOneMine, 1);
    expect(choices.get(1)).toEqual(roundOneMine);
    expect(choices.get(2)).toEqual(EMPTY_MINE);
    // and it stays empty when the state patches again in round 2
    expect(choices.get(2)).toEqual(EMPTY_MINE);
  });

  it("after a reload the choices are the server's `mine` for the round it was given in", () => {
    const choices = new MyChoices(roundOneMine, 2);
    expect(choices.get(2)).toEqual(roundOneMine);
    choices.set(undefined, 3);
    expect(choices.get(3)).toEqual(EMPTY_MINE);
  });
});

describe("plural forms", () => {
  let tn: (key: string, count: number) => string;
  let setLanguage: (lang: "en" | "es", options?: { remember: boolean }) => void;
  beforeAll(async () => {
    vi.stubGlobal("document", { documentElement: { lang: "en" } });
    const i18n = await import("../../client/i18n/i18n.ts");
    tn = i18n.tn;
    setLanguage = i18n.setLanguage;
  });

  it("every plural family has a `one` and an `other` form in English and Spanish", () => {
    const families = new Set(Object.keys(strings).filter((k) => /\.(one|other|many)$/.test(k)).map((k) => k.replace(/\.(one|other|many)$/, "")));
    expect(families.size).toBeGreaterThanOrEqual(6);
    for (const family of families) {
      expect(strings[`${family}.one`], family).toBeDefined();
      expect(strings[`${family}.other`], family).toBeDefined();
    }
  });

  it("every count string the client words through tn() has its plural family", () => {
    const listTs = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? listTs(path) : path.endsWith(".ts") ? [path] : [];
      });
    const used = new Set(listTs(join(PROJECT_ROOT, "client")).flatMap((path) => [...readFileSync(path, "utf8").matchAll(/\btn\("([^"]+)"/g)].map((m) => m[1] ?? "")));
    expect(used.size).toBeGreaterThanOrEqual(5);
    expect([...used].filter((key) => !strings[`${key}.other`] || !strings[`${key}.one`])).toEqual([]);
  });

  it("1 takes the singular and 0, 2 and 1,000,000 the plural, in English and Spanish", () => {
    setLanguage("en", { remember: false });
    expect(tn("reveal.points", 1)).toBe("1 point");
    expect(tn("reveal.points", 0)).toBe("0 points");
    expect(tn("reveal.votes", 2)).toBe("2 votes");
    expect(tn("student.wait.lobby", 1)).toContain("1 student has joined");
    setLanguage("es", { remember: false });
    expect(tn("reveal.points", 1)).toBe("1 punto");
    expect(tn("reveal.points", 1_000_000)).toBe("1,000,000 puntos");
    expect(tn("reveal.unbacked", 1)).toBe("1 política más: sin apoyo");
    expect(tn("student.wait.lobby", 1)).toContain("Se ha unido 1 estudiante");
    expect(tn("propose.argument.over", 1)).toContain("1 carácter de más");
    setLanguage("en", { remember: false });
  });
});

describe("characters as a person counts them", () => {
  it("an emoji, a skin-toned emoji, a family emoji and a letter with a combining accent are one character each", () => {
    expect(countGraphemes("👍")).toBe(1);
    expect(countGraphemes("👍🏽")).toBe(1);
    expect(countGraphemes("👨‍👩‍👧")).toBe(1);
    expect(countGraphemes("e\u0301")).toBe(1);
    expect(countGraphemes("¡Sí! 🇲🇽")).toBe(6);
    expect("👨‍👩‍👧".length).toBeGreaterThan(1);
  });

  it("a text is over a limit only when its characters, not its code units, are more", () => {
    expect(hasMoreGraphemesThan("👨‍👩‍👧👍🏽", 2)).toBe(false);
    expect(hasMoreGraphemesThan("👨‍👩‍👧👍🏽!", 2)).toBe(true);
    expect(hasMoreGraphemesThan("abc", 3)).toBe(false);
    expect(hasMoreGraphemesThan("abcd", 3)).toBe(true);
    expect(hasMoreGraphemesThan("", 0)).toBe(false);
  });

  it("slicing never cuts an emoji in half", () => {
    expect(sliceGraphemes("ab👍🏽cd", 3)).toBe("ab👍🏽");
    expect(sliceGraphemes("abc", 0)).toBe("");
  });
});

describe("most endorsed arguments in the debrief", () => {
  const arg = (id: string, endorsements: number, authorIsBot: boolean, round = 1): ArgumentView => ({
    id, round, policyId: "p", text: id, figureId: "", authorId: "", authorNickname: "", authorRoleId: "", authorIsBot, endorsements,
  });

  it("never gives a bot's argument a place, however many endorsements it has", () => {
    const args = [arg("bot1", 9, true), arg("s1", 2, false), arg("s2", 5, false), arg("bot2", 7, true), arg("s3", 0, false)];
    expect(getMostEndorsedArguments(args).map((a) => a.id)).toEqual(["s2", "s1"]);
    expect(isBotArgument(args[0] as ArgumentView)).toBe(true);
  });

  it("keeps five places, most endorsed first, earlier rounds first on a tie", () => {
    const args = [arg("a7", 3, false, 2), arg("a1", 3, false, 1), ...["a2", "a3", "a4", "a5", "a6"].map((id) => arg(id, 1, false))];
    const top = getMostEndorsedArguments(args).map((a) => a.id);
    expect(top).toEqual(["a1", "a7", "a2", "a3", "a4"]);
  });
});

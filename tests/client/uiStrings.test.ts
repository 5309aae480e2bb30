// UI strings are data: the file passes its schema, and every key the client uses (literal or by family) exists.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UiStringsSchema } from "../../shared/content/uiStringsSchema.ts";
import { LANGUAGES } from "../../shared/i18n.ts";
import { BOT_STRATEGIES, PHASES, REFUSALS } from "../../shared/protocol/index.ts";
import { PROJECT_ROOT } from "../support/defaultScenario.ts";

const strings = UiStringsSchema.parse(JSON.parse(readFileSync(join(PROJECT_ROOT, "content", "ui", "strings.json"), "utf8")));

function listTs(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listTs(path) : path.endsWith(".ts") ? [path] : [];
  });
}

// The scenario editor (client/editor/) keeps its own strings file (content/ui/editor.json) and its own check.
const sources = listTs(join(PROJECT_ROOT, "client"))
  .filter((path) => !path.includes(`${join("client", "editor")}`))
  .map((path) => readFileSync(path, "utf8"));

describe("UI strings", () => {
  it("every key has non-empty English and Spanish text", () => {
    expect(Object.keys(strings).length).toBeGreaterThan(100);
    expect(() => UiStringsSchema.parse({ "a.b": { en: "x", es: " " } })).toThrow();
  });

  it("the client uses no literal key missing from content/ui/strings.json", () => {
    const used = new Set(sources.flatMap((src) => [...src.matchAll(/\bt\("([^"]+)"/g)].map((m) => m[1] ?? "")));
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((key) => !(key in strings))).toEqual([]);
  });

  it("every key built at run time (phases, refusals, languages, bots, controls, leave reasons) exists", () => {
    const families = [
      ...PHASES.map((p) => `phase.${p}`),
      ...Object.keys(REFUSALS).map((code) => `refusal.${code}`),
      ...LANGUAGES.map((l) => `common.language.${l}`),
      ...BOT_STRATEGIES.map((b) => `bot.${b}`),
      ...["start", "advance", "pause", "resume", "extend", "skip", "endSession"].map((c) => `host.control.${c}`),
      ...["kicked", "replaced", "closed", "lost"].map((r) => `connection.left.${r}`),
    ];
    expect(families.filter((key) => !(key in strings))).toEqual([]);
  });

  it("only families listed above are built with template keys", () => {
    const templates = new Set(sources.flatMap((src) => [...src.matchAll(/\bt\(`([^`$]+)\$\{/g)].map((m) => m[1] ?? "")));
    expect([...templates].sort()).toEqual(["bot.", "common.language.", "connection.left.", "phase."].sort());
  });

  it("student text is never assigned as HTML in the client", () => {
    expect(sources.filter((src) => /innerHTML|outerHTML|insertAdjacentHTML/.test(src))).toEqual([]);
  });
});

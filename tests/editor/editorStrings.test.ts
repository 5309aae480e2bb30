// The editor's UI strings: a valid EN/ES file, every t("…") key used under client/editor/ defined, and none left unused.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UiStringsSchema } from "../../shared/content/uiStringsSchema.ts";
import { LEVERS } from "../../shared/content/vocabulary.ts";
import { PROJECT_ROOT } from "../support/defaultScenario.ts";

const EDITOR_DIR = join(PROJECT_ROOT, "client", "editor");
const strings = UiStringsSchema.parse(JSON.parse(readFileSync(join(PROJECT_ROOT, "content", "ui", "editor.json"), "utf8")));

function listTs(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listTs(path) : name.endsWith(".ts") ? [path] : [];
  });
}

const sources = listTs(EDITOR_DIR).map((file) => ({ file, text: readFileSync(file, "utf8") }));
const used = new Map<string, string>();
for (const { file, text } of sources) for (const m of text.matchAll(/\bt\(\s*"([^"]+)"/g)) used.set(m[1]!, file);

describe("editor UI strings", () => {
  it("every key used with t(\"…\") exists in English and Spanish", () => {
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used.keys()].filter((key) => !strings[key]?.en || !strings[key]?.es);
    expect(missing).toEqual([]);
  });

  it("no t() call builds its key at run time (so the check above sees every key)", () => {
    const dynamic = sources.flatMap(({ file, text }) => [...text.matchAll(/\bt\(\s*`/g)].map(() => file));
    expect(dynamic).toEqual([]);
  });

  it("every lever has a label", () => {
    for (const lever of LEVERS) expect(strings[`lever.${lever}`], lever).toBeDefined();
  });

  it("no string is left unused", () => {
    expect(Object.keys(strings).filter((key) => !used.has(key))).toEqual([]);
  });

  it("placeholders match between the languages", () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(strings)) expect(names(text.es), key).toEqual(names(text.en));
  });
});

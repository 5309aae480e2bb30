// The observed series ("what actually happened") is content: the default scenario carries INEGI's
// yearly homicides with their source, and a malformed series is refused at the right path.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatContentError } from "../../shared/content/contentErrors.ts";
import { loadScenarioFromDisk } from "../../shared/content/loadScenarioFromDisk.ts";
import { DEFAULT_SCENARIO_DIR, loadDefaultScenario } from "../support/defaultScenario.ts";

function errorsAfter(edit: (observed: { homicides: { year: number; value: unknown }[] }) => void): string[] {
  const dir = join(mkdtempSync(join(tmpdir(), "observed-")), "mexico-2006");
  cpSync(DEFAULT_SCENARIO_DIR, dir, { recursive: true });
  const path = join(dir, "scenario.json");
  const data = JSON.parse(readFileSync(path, "utf8")) as { observed: { homicides: { year: number; value: unknown }[] } };
  edit(data.observed);
  writeFileSync(path, JSON.stringify(data, null, 2));
  const result = loadScenarioFromDisk(dir, "mexico-2006");
  return result.ok ? [] : result.errors.map(formatContentError);
}

describe("observed homicide series", () => {
  it("the default scenario holds INEGI's national homicides for every year 2006–2023, with its source", () => {
    const observed = loadDefaultScenario().observed;
    expect(observed?.source.en).toMatch(/INEGI/);
    expect(observed?.source.es).toMatch(/INEGI/);
    expect(observed?.homicides.map((p) => p.year)).toEqual(Array.from({ length: 18 }, (_, i) => 2006 + i));
    const byYear = new Map(observed?.homicides.map((p) => [p.year, p.value]));
    expect(byYear.get(2006)).toBe(10452);
    expect(byYear.get(2011)).toBe(27213);
    expect(byYear.get(2020)).toBe(36773);
    expect(observed?.homicides.filter((p) => p.preliminary).map((p) => p.year)).toEqual([2021, 2023]);
  });

  it("years out of order are refused with their path", () => {
    const errors = errorsAfter((o) => {
      o.homicides[3]!.year = 2006;
    });
    expect(errors).toContain("mexico-2006/scenario.json: observed.homicides[3].year: years must increase (2006 follows 2008)");
  });

  it("a negative count is refused", () => {
    const errors = errorsAfter((o) => {
      o.homicides[0]!.value = -1;
    });
    expect(errors).toContainEqual(expect.stringMatching(/^mexico-2006\/scenario\.json: observed\.homicides\[0\]\.value: /));
  });
});

// Scenario-file validation: the default content is valid, and broken files fail with the
// file, the JSON path and what is wrong — from the loader and from `npm run content:check`.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatContentError } from "../../shared/content/contentErrors.ts";
import { loadScenarioFromDisk } from "../../shared/content/loadScenarioFromDisk.ts";
import { DEFAULT_SCENARIO_DIR, PROJECT_ROOT } from "../support/defaultScenario.ts";

/** Copies the default scenario into a temporary content dir and lets a test break one file. */
function brokenCopy(file: string, edit: (data: Record<string, unknown>) => void): { contentDir: string; dir: string } {
  const contentDir = mkdtempSync(join(tmpdir(), "content-"));
  const dir = join(contentDir, "scenarios", "mexico-2006");
  cpSync(DEFAULT_SCENARIO_DIR, dir, { recursive: true });
  const path = join(dir, file);
  const data = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  edit(data);
  writeFileSync(path, JSON.stringify(data, null, 2));
  return { contentDir, dir };
}

function errorsOf(dir: string): string[] {
  const result = loadScenarioFromDisk(dir, "scenarios/mexico-2006");
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors.map(formatContentError);
}

type Item = Record<string, unknown>;
const first = (data: Item, key: string) => (data[key] as Item[])[0]!;

describe("content validation", () => {
  it("the default scenario is valid", () => {
    const result = loadScenarioFromDisk(DEFAULT_SCENARIO_DIR);
    expect(result.ok ? [] : result.errors.map(formatContentError)).toEqual([]);
  });

  it("a value of the wrong type names the file and the path", () => {
    const { dir } = brokenCopy("policies.json", (d) => {
      first(d, "policies").costUsdMillionsPerYear = "a lot";
    });
    expect(errorsOf(dir)).toContainEqual(expect.stringMatching(/^scenarios\/mexico-2006\/policies\.json: policies\[0\]\.costUsdMillionsPerYear: .*number/));
  });

  it("a dangling figure id is reported where it is used", () => {
    const { dir } = brokenCopy("events.json", (d) => {
      (first(d, "events").figures as string[])[0] = "no-such-figure";
    });
    expect(errorsOf(dir)).toContain('scenarios/mexico-2006/events.json: events[0].figures[0]: unknown figure id "no-such-figure"');
  });

  it("a missing Spanish string is reported", () => {
    const { dir } = brokenCopy("roles.json", (d) => {
      delete (first(d, "roles").agenda as Item).es;
    });
    expect(errorsOf(dir)).toContainEqual(expect.stringMatching(/^scenarios\/mexico-2006\/roles\.json: roles\[0\]\.agenda\.es: /));
  });

  it("a parameter without a figure or an assumption is refused", () => {
    const { dir } = brokenCopy("scenario.json", (d) => {
      (d.parameters as Record<string, Item>).splitChance = { value: 0.5 };
    });
    expect(errorsOf(dir)).toContainEqual(expect.stringContaining("scenario.json: parameters.splitChance: each parameter needs a figure id or an assumption"));
  });

  it("historical shares that do not sum to 1 are refused", () => {
    const { dir } = brokenCopy("scenario.json", (d) => {
      ((d.historicalPath as Item[])[0]!.mix as Record<string, number>)["amnesty"] = 0.5;
    });
    expect(errorsOf(dir)).toContainEqual(expect.stringMatching(/scenario\.json: historicalPath\[0\]\.mix: shares sum to 1\.500, not 1/));
  });

  it("a key in the wrong part file is named", () => {
    const { dir } = brokenCopy("roles.json", (d) => {
      d.policies = [];
    });
    expect(errorsOf(dir)).toContain("scenarios/mexico-2006/roles.json: policies: belongs in policies.json");
  });

  it("broken JSON is reported with the file name", () => {
    const { dir } = brokenCopy("map.json", () => {});
    writeFileSync(join(dir, "map.json"), "{ not json");
    expect(errorsOf(dir)[0]).toMatch(/^scenarios\/mexico-2006\/map\.json: \(root\): not valid JSON/);
  });

  it("npm run content:check prints file: path: problem and exits non-zero", () => {
    const { contentDir } = brokenCopy("map.json", (d) => {
      first(d, "leaders").region = "atlantis";
    });
    let output = "";
    let status = 0;
    try {
      execFileSync(process.execPath, [join(PROJECT_ROOT, "shared/cli/contentCheck.ts"), contentDir], { encoding: "utf8", stdio: "pipe" });
    } catch (err) {
      const e = err as { status: number; stderr: string };
      status = e.status;
      output = e.stderr;
    }
    expect(status).toBe(1);
    expect(output).toMatch(/map\.json: leaders\[0\]\.region: unknown region id "atlantis"/);
  });
});

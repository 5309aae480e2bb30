// npm run simulate: readable table by default, one JSON object with --json, clear errors.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT, loadDefaultScenario } from "../support/defaultScenario.ts";

const scenario = loadDefaultScenario();
const CLI = join(PROJECT_ROOT, "shared/cli/simulate.ts");

function simulate(args: string[]): { status: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync(process.execPath, [CLI, ...args], { cwd: PROJECT_ROOT, encoding: "utf8", stdio: "pipe", maxBuffer: 256 * 1024 * 1024 });
    return { status: 0, stdout, stderr: "" };
  } catch (err) {
    const e = err as { status: number; stdout: string; stderr: string };
    return { status: e.status, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("simulate CLI", () => {
  it("--json prints the scenario, seed, path, every year with regions, captures and effects", () => {
    const { status, stdout } = simulate(["--json", "--seed", "9"]);
    expect(status).toBe(0);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ scenario: scenario.id, seed: 9, path: "historical" });
    expect(out.years).toHaveLength(scenario.rounds.length * scenario.yearsPerRound);
    expect(out.years[0].year).toBe(scenario.startYear);
    expect(Object.keys(out.years[0].indicators)).toEqual(expect.arrayContaining(["homicides", "activeGroups", "leadersAtLarge"]));
    expect(Object.keys(out.years[0].regions).sort()).toEqual(scenario.regions.map((r) => r.id).sort());
    expect(out.captures[0]).toEqual(expect.objectContaining({ year: expect.any(Number), regionId: expect.any(String) }));
    expect(out.effects.length).toBeGreaterThan(100);
  });

  it("single-seed --json adds the starting indicators, role scores and the class outcome", () => {
    const out = JSON.parse(simulate(["--json", "--seed", "9"]).stdout);
    expect(Object.keys(out.start)).toEqual(expect.arrayContaining(["homicides", "activeGroups", "approval"]));
    expect(Object.keys(out.roleScores).sort()).toEqual(scenario.roles.map((r) => r.id).sort());
    for (const score of Object.values(out.roleScores) as number[]) expect(score).toBeGreaterThanOrEqual(0);
    expect(out.classOutcome).toBeGreaterThanOrEqual(0);
    expect(out.classOutcome).toBeLessThanOrEqual(100);
  });

  it("--seeds A..B --json prints every seed with its scores and a summary of medians", () => {
    const { status, stdout } = simulate(["--json", "--seeds", "3..7", "--path", scenario.policies[0]!.id]);
    expect(status).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.runs.map((r: { seed: number }) => r.seed)).toEqual([3, 4, 5, 6, 7]);
    for (const run of out.runs) {
      expect(run).toMatchObject({ scenario: scenario.id, path: scenario.policies[0]!.id });
      expect(run.years).toHaveLength(scenario.rounds.length * scenario.yearsPerRound);
      expect(Object.keys(run.roleScores).sort()).toEqual(scenario.roles.map((r) => r.id).sort());
      expect(typeof run.classOutcome).toBe("number");
      expect(run.start.homicides).toBeGreaterThan(0);
    }
    const sorted = out.runs.map((r: { classOutcome: number }) => r.classOutcome).sort((a: number, b: number) => a - b);
    expect(out.summary.classOutcome).toBe(sorted[2]);
    const homicides2010 = out.runs.map((r: { years: { year: number; indicators: { homicides: number } }[] }) => r.years.find((y) => y.year === 2010)!.indicators.homicides).sort((a: number, b: number) => a - b);
    expect(out.summary.years.find((y: { year: number }) => y.year === 2010).indicators.homicides).toBe(homicides2010[2]);
  });

  it("a bad seed range, or --seed with --seeds, is refused", () => {
    expect(simulate(["--seeds", "9..3"])).toMatchObject({ status: 1, stderr: expect.stringContaining("--seeds must be a range A..B") });
    expect(simulate(["--seeds", "1..3", "--seed", "2"])).toMatchObject({ status: 1, stderr: expect.stringContaining("use --seed or --seeds") });
  });

  it("a policy id as --path plays that policy alone every round", () => {
    const policy = scenario.policies[1]!.id;
    const out = JSON.parse(simulate(["--json", "--path", policy]).stdout);
    expect(out.path).toBe(policy);
    const costs = out.effects.filter((e: { explanationKey: string }) => e.explanationKey === "policyCost");
    expect(new Set(costs.map((e: { cause: string }) => e.cause))).toEqual(new Set([`policy:${policy}`]));
  });

  it("a path file gives one mix per round", () => {
    const dir = mkdtempSync(join(tmpdir(), "path-"));
    const file = join(dir, "path.json");
    const [a, b] = [scenario.policies[0]!.id, scenario.policies[2]!.id];
    writeFileSync(file, JSON.stringify([{ [a]: 3, [b]: 1 }]));
    const { status, stdout } = simulate(["--path", file]);
    expect(status).toBe(0);
    expect(stdout).toContain(String(scenario.startYear + scenario.rounds.length * scenario.yearsPerRound - 1));
  });

  it("the default table lists every year and the calibration targets", () => {
    const { stdout } = simulate([]);
    for (const target of scenario.calibration) expect(stdout).toMatch(new RegExp(`(within |OUTSIDE)  ${target.label.en.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
  });

  it("an unknown policy or a bad seed is refused with a clear message", () => {
    expect(simulate(["--path", "teleport"])).toMatchObject({ status: 1, stderr: expect.stringContaining('--path must be "historical", a policy id') });
    expect(simulate(["--seed=-4"])).toMatchObject({ status: 1, stderr: expect.stringContaining("--seed must be a whole number") });
  });
});

// npm run simulate -- [--scenario ID] [--path historical|POLICY_ID|FILE.json] [--seed N | --seeds A..B] [--json]
// Runs the rules without a server and prints the indicators year by year (one seed), or every
// seed of a range with the medians (--seeds).
import { readFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { formatContentError } from "../content/contentErrors.ts";
import { listScenarioDirs, loadScenarioFromDisk } from "../content/loadScenarioFromDisk.ts";
import type { Scenario } from "../content/scenarioSchema.ts";
import { INDICATORS } from "../content/vocabulary.ts";
import { checkCalibration } from "../rules/calibration.ts";
import type { PolicyMix } from "../rules/policyMix.ts";
import { normaliseMix } from "../rules/policyMix.ts";
import type { GameRecord } from "../rules/playPath.ts";
import { getHistoricalPath, getSinglePolicyPath, playPath } from "../rules/playPath.ts";
import { getClassOutcomeScore, getRoleScores } from "../rules/scores.ts";

const PathFileSchema = z.union([
  z.array(z.record(z.string(), z.number().min(0))).min(1),
  z.strictObject({ rounds: z.array(z.record(z.string(), z.number().min(0))).min(1) }),
]);

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const USAGE = "usage: npm run simulate -- [--scenario ID] [--path historical|POLICY_ID|FILE.json] [--seed N | --seeds A..B] [--json]";

let parsedArgs: ReturnType<typeof parseCommandLine>;
try {
  parsedArgs = parseCommandLine();
} catch (err) {
  fail(`${(err as Error).message}\n${USAGE}`);
}
const { values } = parsedArgs;

function parseCommandLine() {
  return parseArgs({
  options: {
    scenario: { type: "string" },
    path: { type: "string", default: "historical" },
    seed: { type: "string" },
    seeds: { type: "string" },
    json: { type: "boolean", default: false },
    content: { type: "string", default: process.env.CONTENT_DIR ?? "content" },
  },
  });
}

const dirs = listScenarioDirs(resolve(values.content));
const dir = values.scenario ? dirs.find((d) => basename(d) === values.scenario) : dirs[0];
if (!dir) fail(`no scenario "${values.scenario ?? ""}" in ${values.content}/scenarios (have: ${dirs.map((d) => basename(d)).join(", ")})`);
const loaded = loadScenarioFromDisk(dir);
if (!loaded.ok) fail(loaded.errors.map(formatContentError).join("\n"));
const scenario: Scenario = loaded.scenario;
const policyIds = scenario.policies.map((p) => p.id);

function readPath(spec: string): PolicyMix[] {
  if (spec === "historical") return getHistoricalPath(scenario);
  if (policyIds.includes(spec)) return getSinglePolicyPath(scenario, spec);
  if (!spec.endsWith(".json")) fail(`--path must be "historical", a policy id (${policyIds.join(", ")}) or a .json file`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(spec, "utf8"));
  } catch (err) {
    fail(`${spec}: ${(err as Error).message}`);
  }
  const parsed = PathFileSchema.safeParse(raw);
  if (!parsed.success) fail(`${spec}: expected an array of {policyId: weight} objects, one per round (${parsed.error.issues[0]?.message})`);
  const rounds = Array.isArray(parsed.data) ? parsed.data : parsed.data.rounds;
  return rounds.map((weights, i) => {
    const unknown = Object.keys(weights).filter((id) => !policyIds.includes(id));
    if (unknown.length > 0) fail(`${spec}: round ${i + 1}: unknown policy id(s) ${unknown.join(", ")}`);
    return normaliseMix(weights, policyIds);
  });
}

/** Parses "A..B" (inclusive) into the seeds it names. */
function parseSeedRange(spec: string): number[] {
  const match = /^(\d+)\.\.(\d+)$/.exec(spec);
  const [from, to] = match ? [Number(match[1]), Number(match[2])] : [Number.NaN, Number.NaN];
  if (!match || from > to || to > 0xffffffff) fail("--seeds must be a range A..B of whole numbers with A ≤ B (e.g. 1..200)");
  if (to - from >= 10_000) fail("--seeds covers at most 10,000 seeds");
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** One played game as printed by --json: the years, captures, events and effects, with the scores. */
function toJsonRun(record: GameRecord) {
  const start = record.start.indicators;
  return {
    scenario: scenario.id,
    seed: record.seed,
    path: values.path,
    start,
    years: record.years.map((y) => ({ year: y.year, round: y.round, indicators: y.indicators, regions: y.regions })),
    captures: record.captures.map((c) => ({ year: c.year, leaderId: c.leaderId, regionId: c.regionId, splinters: c.splinters, dismantled: c.dismantled, killed: c.killed })),
    events: record.roundEvents,
    effects: record.effects,
    roleScores: getRoleScores(scenario, start, record.final.indicators),
    classOutcome: getClassOutcomeScore(scenario, start, record.final.indicators),
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

if (values.seed !== undefined && values.seeds !== undefined) fail(`use --seed or --seeds, not both\n${USAGE}`);
const path = readPath(values.path);

/** --seeds A..B: every seed of the range, then the medians. */
function printSeedRange(spec: string): void {
  const seeds = parseSeedRange(spec);
  const runs = seeds.map((seed) => toJsonRun(playPath(scenario, path, { seed, keepEffects: values.json })));
  const first = runs[0]!;
  const summary = {
    seeds: runs.length,
    years: first.years.map((y, i) => ({
      year: y.year,
      round: y.round,
      indicators: Object.fromEntries(INDICATORS.map((k) => [k, median(runs.map((r) => r.years[i]!.indicators[k]))])),
    })),
    captures: median(runs.map((r) => r.captures.length)),
    roleScores: Object.fromEntries(Object.keys(first.roleScores).map((id) => [id, median(runs.map((r) => r.roleScores[id]!))])),
    classOutcome: median(runs.map((r) => r.classOutcome)),
  };
  if (values.json) {
    console.log(JSON.stringify({ scenario: scenario.id, path: values.path, seeds: { from: seeds[0], to: seeds.at(-1) }, runs, summary }));
  } else {
    console.log(`${scenario.title.en} — path: ${values.path}, seeds ${spec} (${runs.length}): medians\n`);
    for (const y of summary.years) console.log(`${y.year}  homicides ${Math.round(y.indicators.homicides ?? 0).toLocaleString("en-US").padStart(7)}  groups ${Math.round(y.indicators.activeGroups ?? 0).toString().padStart(4)}`);
    console.log(`\nCaptures: ${summary.captures}; class outcome ${summary.classOutcome}; roles ${JSON.stringify(summary.roleScores)}`);
  }
}

/** One seed: the JSON object, or a readable table with the calibration targets. */
function printOneSeed(): void {
  const seed = values.seed === undefined ? scenario.settings.defaultSeed : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) fail("--seed must be a whole number from 0 to 4294967295");
  const record = playPath(scenario, path, { seed, keepEffects: true });

  if (values.json) {
    console.log(JSON.stringify(toJsonRun(record)));
  } else {  const columns = INDICATORS.map((k) => ({ key: k, label: scenario.indicators[k].label.en }));
    const fmt = (k: (typeof INDICATORS)[number], v: number) =>
      scenario.indicators[k].format === "usdBillions" ? v.toFixed(1) : Math.round(v).toLocaleString("en-US");
    console.log(`${scenario.title.en} — path: ${values.path}, seed ${seed}\n`);
    const header = ["Year", ...columns.map((c) => c.label)];
    const rows = [
      [`${scenario.startYear} (start)`, ...columns.map((c) => fmt(c.key, record.start.indicators[c.key]))],
      ...record.years.map((y) => [String(y.year), ...columns.map((c) => fmt(c.key, y.indicators[c.key]))]),
    ];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
    const line = (cells: string[]) => cells.map((cell, i) => cell.padStart(widths[i] ?? 0)).join("  ");
    console.log(line(header));
    for (const row of rows) console.log(line(row));
    const named = record.captures.filter((c) => c.leaderId);
    console.log(`\nCaptures: ${record.captures.length} in total; named: ${named.map((c) => `${scenario.leaders.find((l) => l.id === c.leaderId)?.alias} (${c.year})`).join(", ") || "none"}`);
    console.log(`New groups formed: ${record.final.counters.newGroups}; homicides in total: ${Math.round(record.final.counters.cumulativeHomicides).toLocaleString("en-US")}`);
    if (values.path === "historical") {
      console.log("\nCalibration targets:");
      for (const r of checkCalibration(record, scenario.calibration)) {
        const range = r.target.max === undefined ? `> ${r.target.min}` : `${r.target.min}–${r.target.max}`;
        const value = r.value === null ? "n/a" : Number.isInteger(r.target.target) && r.target.target > 10 ? Math.round(r.value).toLocaleString("en-US") : r.value.toFixed(2);
        console.log(`  ${r.isWithin ? "within " : "OUTSIDE"}  ${r.target.label.en}: ${value} (target ${r.target.target}, range ${range})`);
      }
    }
  }
}

if (values.seeds !== undefined) printSeedRange(values.seeds);
else printOneSeed();

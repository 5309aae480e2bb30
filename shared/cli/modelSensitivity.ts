// npm run model:sensitivity -- [--scenario ID] [--mixes N] [--seeds N]
// Prints the strategy space (best mix, best single policy, role correlations) and, for each rule
// parameter, how moving it across its plausible range changes the replay's error and the ranking
// of strategies, largest effect on the best mix first.
import { basename, resolve } from "node:path";
import { parseArgs } from "node:util";
import { formatContentError } from "../content/contentErrors.ts";
import { listScenarioDirs, loadScenarioFromDisk } from "../content/loadScenarioFromDisk.ts";
import { getMaxBestScoreShift, getMedianReplayError, measureSensitivity } from "../rules/sensitivity.ts";
import { getFixedMixes, playFixedMixes, summariseStrategySpace } from "../rules/strategySpace.ts";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: {
      scenario: { type: "string" },
      mixes: { type: "string", default: "1000" },
      seeds: { type: "string", default: "3" },
      content: { type: "string", default: process.env.CONTENT_DIR ?? "content" },
    },
  });
}
try {
  args = parse();
} catch (err) {
  fail(`${(err as Error).message}\nusage: npm run model:sensitivity -- [--scenario ID] [--mixes N] [--seeds N]`);
}
const mixCount = Number(args.values.mixes);
const seedCount = Number(args.values.seeds);
if (!Number.isInteger(mixCount) || mixCount < 10 || mixCount > 20_000) fail("--mixes must be a whole number from 10 to 20000");
if (!Number.isInteger(seedCount) || seedCount < 1 || seedCount > 50) fail("--seeds must be a whole number from 1 to 50");

const dirs = listScenarioDirs(resolve(args.values.content));
const dir = args.values.scenario ? dirs.find((d) => basename(d) === args.values.scenario) : dirs[0];
if (!dir) fail(`no scenario "${args.values.scenario ?? ""}" in ${args.values.content}/scenarios`);
const loaded = loadScenarioFromDisk(dir);
if (!loaded.ok) fail(loaded.errors.map(formatContentError).join("\n"));
const scenario = loaded.scenario;
const seeds = Array.from({ length: seedCount }, (_, i) => 1 + i);
const pct = (x: number) => `${x.toFixed(1)}`;

const outcomes = playFixedMixes(scenario, getFixedMixes(scenario.policies.map((p) => p.id), mixCount), seeds);
const space = summariseStrategySpace(scenario, outcomes);
const mixText = (mix: Record<string, number>) =>
  Object.entries(mix)
    .sort((a, b) => b[1] - a[1])
    .map(([id, share]) => `${id} ${Math.round(share * 100)}%`)
    .join(", ");
console.log(`${scenario.title.en}: ${outcomes.length} fixed mixes × ${seeds.length} seeds\n`);
console.log(`best mix: ${mixText(space.best.mix)} → class outcome ${pct(space.best.classOutcome)}`);
console.log(`best single policy: ${mixText(space.bestSingle.mix)} → ${pct(space.bestSingle.classOutcome)} (gap ${pct(space.bestSingleGap)})`);
console.log(`policies with ≥ 10% in the best mix: ${space.bestMixPolicies}`);
console.log(`highest role-score correlation across mixes: ${space.maxRoleCorrelation.toFixed(2)}`);
for (const c of space.roleCorrelations) console.log(`  ${c.a} × ${c.b}: ${c.r.toFixed(2)}`);
console.log(`sensible mixes scoring 10–90: ${(space.sensibleWithin10to90 * 100).toFixed(0)}% of ${space.sensibleCount}`);

const replaySeeds = Array.from({ length: 20 }, (_, i) => 1000 + i);
const ranked = [...outcomes].sort((a, b) => b.classOutcome - a.classOutcome);
const strategies = [ranked[0]!, ...ranked.filter((_, i) => i > 0 && i % Math.max(1, Math.floor(ranked.length / 40)) === 0)].map((o) => o.mix);
const baseError = getMedianReplayError(scenario, replaySeeds);
console.log(`\nreplay error (median over ${replaySeeds.length} seeds of the mean absolute % error against the observed series): ${baseError === null ? "n/a" : pct(baseError * 100)}%`);
console.log(`sensitivity: each parameter at the low and high end of its plausible range (${strategies.length} strategies ranked, ${seeds.length} seeds each)\n`);
const rows = measureSensitivity(scenario, { replaySeeds, strategySeeds: seeds, strategies }).sort((a, b) => getMaxBestScoreShift(b) - getMaxBestScoreShift(a));
const header = ["parameter", "value", "range", "replay error Δ (pts)", "best mix Δ", "rank corr.", "source"];
const table = rows.map((r) => [
  r.key,
  String(r.value),
  `${r.range[0]}–${r.range[1]}`,
  `${pct(r.replayErrorShift[0])} / ${pct(r.replayErrorShift[1])}`,
  `${pct(r.bestScoreShift[0])} / ${pct(r.bestScoreShift[1])}`,
  r.rankCorrelation.toFixed(2),
  r.hasNumericFigure ? `figure ${scenario.parameters[r.key].figure}` : scenario.parameters[r.key].figure ? `figure ${scenario.parameters[r.key].figure} (no quantity)` : "assumption",
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
console.log(header.map((h, i) => h.padEnd(widths[i]!)).join("  "));
for (const row of table) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join("  "));
const unsupported = rows.filter((r) => getMaxBestScoreShift(r) > 10 && !r.hasNumericFigure);
console.log(`\nparameters moving the best mix by more than 10 points without a numeric source figure: ${unsupported.map((r) => r.key).join(", ") || "none"}`);

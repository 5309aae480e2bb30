// npm run bench:rules — time for one full game of the default scenario (median of many runs)
// and Monte-Carlo throughput on one core. Prints figures; never fails on a slow machine.
import { performance } from "node:perf_hooks";
import { getHistoricalPath, playPath } from "../../shared/rules/playPath.ts";
import { loadDefaultScenario } from "../support/defaultScenario.ts";

const scenario = loadDefaultScenario();
const path = getHistoricalPath(scenario);

for (let i = 0; i < 300; i++) playPath(scenario, path, { seed: i }); // warm up the JIT

const samples: number[] = [];
for (let i = 0; i < 2000; i++) {
  const t0 = performance.now();
  playPath(scenario, path, { seed: 10_000 + i });
  samples.push(performance.now() - t0);
}
samples.sort((a, b) => a - b);
const pct = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]!;

const withEffects: number[] = [];
for (let i = 0; i < 500; i++) {
  const t0 = performance.now();
  playPath(scenario, path, { seed: 50_000 + i, keepEffects: true });
  withEffects.push(performance.now() - t0);
}
withEffects.sort((a, b) => a - b);

const seconds = 3;
const t0 = performance.now();
let games = 0;
while (performance.now() - t0 < seconds * 1000) {
  playPath(scenario, path, { seed: games });
  games++;
}
const elapsed = (performance.now() - t0) / 1000;

console.log(`scenario: ${scenario.id}, ${scenario.rounds.length} rounds × ${scenario.yearsPerRound} years, historical path`);
console.log(`one full game: median ${pct(0.5).toFixed(3)} ms, p95 ${pct(0.95).toFixed(3)} ms (2000 runs)`);
console.log(`one full game keeping every effect: median ${withEffects[Math.floor(withEffects.length / 2)]!.toFixed(3)} ms (500 runs)`);
console.log(`Monte-Carlo throughput: ${Math.round(games / elapsed).toLocaleString("en-US")} games/s on one core (${games} games in ${elapsed.toFixed(1)} s)`);
console.log(`target ≤ 1 ms per game at p95: ${pct(0.95) <= 1 ? "met" : "NOT met"} (median ${pct(0.5) <= 1 ? "within" : "over"} 1 ms; figures depend on machine load)`);

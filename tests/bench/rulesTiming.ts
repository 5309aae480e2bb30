// Timing of the rules in Node for the benches: one full game's wall-clock and CPU time (median, p95) and Monte-Carlo
// throughput on one core. CPU time is what the rules cost; wall-clock also counts the other processes sharing the cores.
import { cpuUsage } from "node:process";
import { performance } from "node:perf_hooks";
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import { getHistoricalPath, playPath } from "../../shared/rules/playPath.ts";

/** Issue 12's target for one 6-round game (18 simulated years), at p95. */
export const ONE_GAME_TARGET_MS = 1;

export interface GameTiming {
  runs: number;
  medianMs: number;
  p95Ms: number;
  cpuMedianMs: number;
  cpuP95Ms: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

export function timeOneGame(scenario: Scenario, runs: number, options: { keepEffects?: boolean; firstSeed?: number } = {}): GameTiming {
  const path = getHistoricalPath(scenario);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = cpuUsage();
    const t0 = performance.now();
    playPath(scenario, path, { seed: (options.firstSeed ?? 10_000) + i, keepEffects: options.keepEffects === true });
    wall.push(performance.now() - t0);
    const c = cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { runs, medianMs: percentile(wall, 0.5), p95Ms: percentile(wall, 0.95), cpuMedianMs: percentile(cpu, 0.5), cpuP95Ms: percentile(cpu, 0.95) };
}

export function warmUp(scenario: Scenario, games = 300): void {
  const path = getHistoricalPath(scenario);
  for (let i = 0; i < games; i++) playPath(scenario, path, { seed: i });
}

/** Games per second on this thread, playing for `seconds`. */
export function measureThroughput(scenario: Scenario, seconds: number): { games: number; seconds: number; perSecond: number } {
  const path = getHistoricalPath(scenario);
  const t0 = performance.now();
  let games = 0;
  while (performance.now() - t0 < seconds * 1000) {
    playPath(scenario, path, { seed: games });
    games++;
  }
  const elapsed = (performance.now() - t0) / 1000;
  return { games, seconds: elapsed, perSecond: games / elapsed };
}

export function formatGameTiming(label: string, t: GameTiming): string {
  return `${label}: median ${t.medianMs.toFixed(3)} ms, p95 ${t.p95Ms.toFixed(3)} ms wall-clock; CPU time median ${t.cpuMedianMs.toFixed(3)} ms, p95 ${t.cpuP95Ms.toFixed(3)} ms (${t.runs} runs)`;
}

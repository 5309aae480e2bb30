// npm run bench:rules — time for one full game of the default scenario (median and p95 of many runs, wall-clock and
// CPU time) and Monte-Carlo throughput on one core, against issue 12's 1 ms target. Prints figures; never fails on a slow machine.
import { loadavg } from "node:os";
import { loadDefaultScenario } from "../support/defaultScenario.ts";
import { formatGameTiming, measureThroughput, ONE_GAME_TARGET_MS, timeOneGame, warmUp } from "./rulesTiming.ts";

const scenario = loadDefaultScenario();
warmUp(scenario); // warm up the JIT

const oneGame = timeOneGame(scenario, 2000);
const withEffects = timeOneGame(scenario, 500, { keepEffects: true, firstSeed: 50_000 });
const throughput = measureThroughput(scenario, 3);

console.log(`scenario: ${scenario.id}, ${scenario.rounds.length} rounds × ${scenario.yearsPerRound} years, historical path; load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
console.log(formatGameTiming("one full game", oneGame));
console.log(formatGameTiming("one full game keeping every effect", withEffects));
console.log(`Monte-Carlo throughput: ${Math.round(throughput.perSecond).toLocaleString("en-US")} games/s on one core (${throughput.games} games in ${throughput.seconds.toFixed(1)} s)`);
const met = (ms: number) => (ms <= ONE_GAME_TARGET_MS ? "met" : "NOT met");
console.log(`target ≤ ${ONE_GAME_TARGET_MS} ms per game at p95: ${met(oneGame.p95Ms)} wall-clock, ${met(oneGame.cpuP95Ms)} in CPU time (figures depend on machine load)`);

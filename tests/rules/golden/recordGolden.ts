// npm run golden:rules — records the rules' golden digests (tests/rules/golden/rulesGolden.json) from the current rules.
// Run it only when the model's numbers change on purpose (new mechanisms or parameters), never to make a speed-up pass.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { playPath } from "../../../shared/rules/playPath.ts";
import { loadDefaultScenario } from "../../support/defaultScenario.ts";
import { getGameDigest, getGoldenPaths, getGoldenSeeds } from "./goldenGames.ts";

const scenario = loadDefaultScenario();
const seeds = getGoldenSeeds();
const games: Record<string, string[]> = {};
for (const [name, path] of Object.entries(getGoldenPaths(scenario))) {
  games[name] = seeds.map((seed) => getGameDigest(playPath(scenario, path, { seed })));
}
const withEffects: Record<string, string[]> = {};
for (const [name, path] of Object.entries(getGoldenPaths(scenario))) {
  withEffects[name] = seeds.slice(0, 5).map((seed) => getGameDigest(playPath(scenario, path, { seed, keepEffects: true }), { withEffects: true }));
}
const file = join(import.meta.dirname, "rulesGolden.json");
writeFileSync(file, `${JSON.stringify({ scenario: scenario.id, games, withEffects }, null, 1)}\n`);
console.log(`wrote ${file}: ${Object.keys(games).length} paths × ${seeds.length} seeds`);

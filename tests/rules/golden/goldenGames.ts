// The games the rules' golden test plays (paths × seeds) and a digest of everything a game produces,
// so a speed-up can be checked to leave every number bit-identical.
import { createHash } from "node:crypto";
import type { Scenario } from "../../../shared/content/scenarioSchema.ts";
import type { GameRecord } from "../../../shared/rules/playPath.ts";
import { getHistoricalPath, getSinglePolicyPath } from "../../../shared/rules/playPath.ts";
import type { PolicyMix } from "../../../shared/rules/policyMix.ts";
import { normaliseMix } from "../../../shared/rules/policyMix.ts";

export const GOLDEN_SEED_COUNT = 50;

/** Seeds spread over the 32-bit range (not only small ones), the first being 0. */
export function getGoldenSeeds(): number[] {
  return Array.from({ length: GOLDEN_SEED_COUNT }, (_, i) => Math.imul(i, 0x9e3779b1) >>> 0);
}

/** Named paths: the historical one, each policy alone, and mixes that change from round to round. */
export function getGoldenPaths(scenario: Scenario): Record<string, PolicyMix[]> {
  const ids = scenario.policies.map((p) => p.id);
  const rounds = scenario.rounds.length;
  const paths: Record<string, PolicyMix[]> = { historical: getHistoricalPath(scenario) };
  for (const id of ids) paths[`only:${id}`] = getSinglePolicyPath(scenario, id);
  paths["mix:even"] = [normaliseMix(Object.fromEntries(ids.map((id) => [id, 1])), ids)];
  paths["mix:rotating"] = Array.from({ length: rounds }, (_, r) => normaliseMix(Object.fromEntries(ids.map((id, i) => [id, (i + r) % 3])), ids));
  paths["mix:lopsided"] = Array.from({ length: rounds }, (_, r) => normaliseMix(Object.fromEntries(ids.map((id, i) => [id, i === r % ids.length ? 8 : i % 2])), ids));
  paths["mix:empty"] = [{}];
  return paths;
}

/** Everything a played game produced (every year's indicators, regions, levers and counters, captures, events, final state). */
export function getGameDigest(record: GameRecord, options: { withEffects?: boolean } = {}): string {
  const payload = {
    years: record.years,
    captures: record.captures,
    roundEvents: record.roundEvents,
    final: record.final,
    effects: options.withEffects ? record.effects : undefined,
  };
  // JSON keeps every double exactly (shortest round-trip form), so equal digests mean bit-identical numbers.
  return createHash("sha256").update(JSON.stringify(payload)).digest("hex").slice(0, 20);
}

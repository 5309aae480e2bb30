// Criminal-group tokens per region and how they changed in the last resolve: splits and dismantlings (pure).
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import type { SessionSnapshot } from "../state/snapshot.ts";
import { getPreviousRoundPoint } from "./baseline.ts";

/** More groups than this in a region are drawn as this many tokens plus a "+n" label. */
export const MAX_TOKENS_PER_REGION = 12;

export interface RegionTokens {
  regionId: string;
  /** Groups now. */
  count: number;
  /** Groups at the end of the previous round (same as count before any resolve). */
  before: number;
  /** Extra groups born from splits after leader captures this round. */
  splinters: number;
  /** Groups dismantled this round. */
  dismantled: number;
  /** Leaders captured here this round. */
  captures: number;
  /** Tokens to draw (capped). */
  shown: number;
  overflow: number;
}

export function getGroupTokens(scenario: Scenario, snapshot: Pick<SessionSnapshot, "regions" | "years" | "captures" | "phase">): RegionTokens[] {
  const revealed = snapshot.phase === "resolve" || snapshot.phase === "results";
  const previous = revealed ? getPreviousRoundPoint(scenario, snapshot.years) : null;
  return scenario.regions.map((region) => {
    const count = snapshot.regions[region.id]?.activeGroups ?? region.startGroups;
    const before = previous?.regions[region.id]?.activeGroups ?? count;
    const here = revealed ? snapshot.captures.filter((c) => c.regionId === region.id) : [];
    const shown = Math.min(count, MAX_TOKENS_PER_REGION);
    return {
      regionId: region.id,
      count,
      before,
      splinters: here.reduce((sum, c) => sum + (c.dismantled ? 0 : c.splinters), 0),
      dismantled: here.filter((c) => c.dismantled).length,
      captures: here.length,
      shown,
      overflow: count - shown,
    };
  });
}

/** Leaders still at large (on the target list by this year, not captured), grouped by region. */
export function getLeadersAtLarge(scenario: Scenario, snapshot: Pick<SessionSnapshot, "capturedLeaders" | "year">): Map<string, { id: string; alias: string }[]> {
  const byRegion = new Map<string, { id: string; alias: string }[]>();
  for (const leader of scenario.leaders) {
    if (leader.onListFrom > snapshot.year || leader.id in snapshot.capturedLeaders) continue;
    const list = byRegion.get(leader.region) ?? [];
    list.push({ id: leader.id, alias: leader.alias });
    byRegion.set(leader.region, list);
  }
  return byRegion;
}

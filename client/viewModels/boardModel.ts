// Everything the Phaser board draws for one state, assembled from the other view models (pure).
import type { Language } from "../../shared/i18n.ts";
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import type { Phase } from "../../shared/protocol/index.ts";
import type { SessionSnapshot } from "../state/snapshot.ts";
import type { LineChart } from "./chartModel.ts";
import { getLineCharts } from "./chartModel.ts";
import type { MapModel } from "./mapModel.ts";
import { getMapModel } from "./mapModel.ts";
import type { Meter } from "./metersModel.ts";
import { getMeters } from "./metersModel.ts";
import type { RegionTokens } from "./tokensModel.ts";
import { getGroupTokens, getLeadersAtLarge } from "./tokensModel.ts";
import type { RevealBar } from "./voteModel.ts";
import { getRevealBars } from "./voteModel.ts";

/** Labels the scene draws, already localized (the scene has no access to the UI strings). */
export interface BoardLabels {
  legendTitle: string;
  tokenLegend: string;
  leaderLegend: string;
  revealTitle: string;
  classPath: string;
  historicalPath: string;
  /** The recorded series' line in the key (its source follows in brackets). */
  observedPath: string;
  preliminary: string;
  /** "+n ●" on a plate. */
  moreGroupsLegend: string;
  metersTitle: string;
  /** What a meter's arrow and colour mean. */
  metersKey: string;
  higherIsWorse: string;
  higherIsBetter: string;
}

export interface BoardModel {
  phase: Phase;
  round: number;
  /** Changes when a new resolve should be animated (round + phase family). */
  animationKey: string;
  map: MapModel;
  tokens: RegionTokens[];
  leadersByRegion: Record<string, number>;
  meters: Meter[];
  charts: LineChart[];
  /** Shown instead of the charts during resolve and results. */
  reveal: RevealBar[] | null;
  labels: BoardLabels;
}

export function getBoardModel(scenario: Scenario, snapshot: SessionSnapshot, lang: Language, labels: BoardLabels): BoardModel {
  const isReveal = (snapshot.phase === "resolve" || snapshot.phase === "results") && Object.keys(snapshot.mix).length > 0;
  const leaders = getLeadersAtLarge(scenario, snapshot);
  return {
    phase: snapshot.phase,
    round: snapshot.round,
    animationKey: isReveal ? `reveal-${snapshot.round}` : "",
    map: getMapModel(scenario, snapshot, lang),
    tokens: getGroupTokens(scenario, snapshot),
    leadersByRegion: Object.fromEntries([...leaders].map(([region, list]) => [region, list.length])),
    meters: getMeters(scenario, snapshot, lang),
    charts: getLineCharts(scenario, snapshot, lang),
    reveal: isReveal ? getRevealBars(scenario, snapshot, lang) : null,
    labels,
  };
}

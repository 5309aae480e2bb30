// Debrief: class outcome and role scores against the historical path, and the most-endorsed students' arguments (pure).
import type { Language } from "../../shared/i18n.ts";
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import type { ArgumentView } from "../../shared/protocol/index.ts";
import type { SessionSnapshot } from "../state/snapshot.ts";
import type { WallCard } from "./argumentWall.ts";
import { toCard } from "./argumentWall.ts";

export interface ScoreRow {
  id: string;
  name: string;
  classScore: number;
  historicalScore: number | null;
  color: string;
}

export interface Debrief {
  classOutcome: number;
  historicalClassOutcome: number | null;
  classAgendaName: string;
  roles: ScoreRow[];
  topArguments: WallCard[];
  /** Policy names with the share of effort the class gave them over all rounds, biggest first. */
  classMix: { name: string; share: number; color: string }[];
  historicalMix: { name: string; share: number; color: string }[];
}

function averageMix(scenario: Scenario, mixes: readonly Record<string, number>[], lang: Language): Debrief["classMix"] {
  if (mixes.length === 0) return [];
  return scenario.policies
    .map((p) => ({ name: p.name[lang], color: p.color, share: mixes.reduce((s, m) => s + (m[p.id] ?? 0), 0) / mixes.length }))
    .filter((r) => r.share > 0)
    .sort((a, b) => b.share - a.share);
}

/** How many arguments the debrief lists as most endorsed. */
export const MOST_ENDORSED_COUNT = 5;

/** True when a bot wrote the argument (the flag is set even for anonymous arguments). */
export function isBotArgument(argument: Pick<ArgumentView, "authorIsBot">): boolean {
  return argument.authorIsBot;
}

/**
 * The debrief's "most endorsed" places: students' arguments only (a bot's words never take a
 * classmate's place), at least one endorsement, most endorsed first, then earlier rounds first.
 */
export function getMostEndorsedArguments<A extends ArgumentView>(args: readonly A[], limit = MOST_ENDORSED_COUNT): A[] {
  return args
    .filter((a) => !isBotArgument(a) && a.endorsements > 0)
    .sort((a, b) => b.endorsements - a.endorsements || a.round - b.round || a.id.localeCompare(b.id))
    .slice(0, limit);
}

export function getDebrief(scenario: Scenario, snapshot: SessionSnapshot, lang: Language): Debrief {
  // The debrief's historical scores arrive with the phase; its years come later by request (client/state/historyLoader.ts).
  const hasHistory = Object.keys(snapshot.historicalRoleScores).length > 0;
  const rounds = snapshot.roundLog.length;
  return {
    classOutcome: snapshot.classOutcome,
    historicalClassOutcome: hasHistory ? snapshot.historicalClassOutcome : null,
    classAgendaName: scenario.classAgenda.name[lang],
    roles: scenario.roles.map((r) => ({
      id: r.id,
      name: r.name[lang],
      color: r.color,
      classScore: snapshot.roleScores[r.id] ?? 50,
      historicalScore: hasHistory ? (snapshot.historicalRoleScores[r.id] ?? null) : null,
    })),
    topArguments: getMostEndorsedArguments(snapshot.arguments).map((a) => toCard(scenario, a, "", lang)),
    classMix: averageMix(scenario, snapshot.roundLog.map((r) => r.mix), lang),
    historicalMix: averageMix(scenario, scenario.historicalPath.slice(0, rounds).map((r) => r.mix), lang),
  };
}

// Debrief: class outcome and role scores against the historical path, and the most-endorsed arguments (pure).
import type { Language } from "../../shared/i18n.ts";
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
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

export function getDebrief(scenario: Scenario, snapshot: SessionSnapshot, lang: Language): Debrief {
  const hasHistory = snapshot.historicalYears.length > 0;
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
    topArguments: snapshot.topArgumentIds
      .map((id) => snapshot.arguments.find((a) => a.id === id))
      .filter((a): a is NonNullable<typeof a> => a !== undefined)
      .map((a) => toCard(scenario, a, "", lang)),
    classMix: averageMix(scenario, snapshot.roundLog.map((r) => r.mix), lang),
    historicalMix: averageMix(scenario, scenario.historicalPath.slice(0, rounds).map((r) => r.mix), lang),
  };
}

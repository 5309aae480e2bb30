// Vote allocation rules on the phone and the reveal chart on the board (pure).
import type { Language } from "../../shared/i18n.ts";
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import type { SessionSnapshot } from "../state/snapshot.ts";

export interface PointsStatus {
  spent: number;
  remaining: number;
  /** Only a full budget can be sent (the server refuses under/over budget). */
  isComplete: boolean;
}

export function getPointsStatus(points: Record<string, number>, budget: number): PointsStatus {
  const spent = Object.values(points).reduce((a, b) => a + b, 0);
  return { spent, remaining: budget - spent, isComplete: spent === budget };
}

/** Changes one policy's points by `step`, never below 0 nor above what the budget allows. */
export function stepPoints(points: Record<string, number>, policyId: string, step: number, budget: number): Record<string, number> {
  const { remaining } = getPointsStatus(points, budget);
  const current = points[policyId] ?? 0;
  const next = Math.max(0, Math.min(current + step, current + remaining));
  return { ...points, [policyId]: next };
}

export interface RevealBar {
  policyId: string;
  name: string;
  color: number;
  votes: number;
  /** Share of the resulting policy mix, 0..1. */
  share: number;
}

export function getRevealBars(scenario: Scenario, snapshot: Pick<SessionSnapshot, "tally" | "mix">, lang: Language): RevealBar[] {
  return scenario.policies
    .map((p) => ({
      policyId: p.id,
      name: p.name[lang],
      color: Number.parseInt(p.color.slice(1), 16),
      votes: snapshot.tally[p.id] ?? 0,
      share: snapshot.mix[p.id] ?? 0,
    }))
    .sort((a, b) => b.share - a.share || b.votes - a.votes);
}

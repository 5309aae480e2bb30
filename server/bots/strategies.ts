// Bot strategies: how a bot picks the policy it backs, what it endorses and how it votes.
// Policies are chosen from content (levers, figures, past results), never by id.
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import type { Rng } from "../../shared/rules/rng.ts";
import { getClassOutcomeScore } from "../../shared/rules/scores.ts";
import type { VoteValue } from "../../shared/protocol/messages.ts";
import type { BotStrategy, VoteMode } from "../../shared/protocol/options.ts";
import type { RoundOutcome } from "../session/Session.ts";

function maxBy<T>(items: readonly T[], score: (item: T) => number): T | undefined {
  let best: T | undefined;
  let bestScore = -Infinity;
  for (const item of items) {
    const s = score(item);
    if (s > bestScore) {
      best = item;
      bestScore = s;
    }
  }
  return best;
}

/** The policy that pulls the targeting (kingpin) lever hardest. */
export function getKingpinPolicy(scenario: Scenario): string {
  return maxBy(scenario.policies, (p) => p.levers.targeting ?? 0)?.id ?? "";
}

/** The policy with the most evidence behind it: the most figures cited. */
export function getBestEvidencedPolicy(scenario: Scenario, exclude: ReadonlySet<string> = new Set()): string {
  const candidates = scenario.policies.filter((p) => !exclude.has(p.id));
  return maxBy(candidates.length > 0 ? candidates : scenario.policies, (p) => p.figures.length)?.id ?? "";
}

/**
 * Backs the policy with the best recent results: each of the last two resolved rounds is scored
 * by how much the class outcome moved in it, and that credit goes to policies by their share of
 * the round's mix. When nothing tried has helped, it tries the best-evidenced untried policy.
 */
export function getEvidencePolicy(scenario: Scenario, history: readonly RoundOutcome[]): string {
  const recent = history.slice(-2);
  if (recent.length === 0) return getBestEvidencedPolicy(scenario);
  const credit = new Map<string, { weighted: number; share: number }>();
  for (const round of recent) {
    const gain = getClassOutcomeScore(scenario, round.startIndicators, round.endIndicators) - 50;
    for (const [policyId, share] of Object.entries(round.mix)) {
      const c = credit.get(policyId) ?? { weighted: 0, share: 0 };
      c.weighted += gain * share;
      c.share += share;
      credit.set(policyId, c);
    }
  }
  const scored = [...credit].map(([id, c]) => ({ id, score: c.share > 0 ? c.weighted / c.share : 0 }));
  const best = maxBy(scored, (s) => s.score);
  if (best && best.score > 0) return best.id;
  return getBestEvidencedPolicy(scenario, new Set(credit.keys()));
}

export function pickPolicy(options: { strategy: BotStrategy; scenario: Scenario; history: readonly RoundOutcome[]; rng: Rng }): string {
  const { scenario } = options;
  switch (options.strategy) {
    case "always-kingpin":
      return getKingpinPolicy(scenario);
    case "evidence-follower":
      return getEvidencePolicy(scenario, options.history);
    case "random":
      return scenario.policies[Math.floor(options.rng.next() * scenario.policies.length)]?.id ?? "";
  }
}

/** A vote for the chosen policy: all points (or the single choice) on it. */
export function getBotVote(policyId: string, mode: VoteMode, budget: number): VoteValue {
  return mode === "single" ? { choice: policyId } : { points: { [policyId]: budget } };
}

/** Arguments to endorse: those backing the bot's policy first (most endorsed first), then the rest; random bots shuffle. */
export function rankEndorsements(
  candidates: readonly { id: string; policyId: string; endorsements: number }[],
  options: { strategy: BotStrategy; policyId: string; rng: Rng },
): string[] {
  const list = [...candidates];
  if (options.strategy === "random") {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(options.rng.next() * (i + 1));
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
    return list.map((a) => a.id);
  }
  return list
    .sort((a, b) => Number(b.policyId === options.policyId) - Number(a.policyId === options.policyId) || b.endorsements - a.endorsements)
    .map((a) => a.id);
}

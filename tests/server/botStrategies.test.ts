// Bot strategies on the default scenario: choices derive from content (levers, figures, results).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenarioFromDisk } from "../../shared/content/loadScenarioFromDisk.ts";
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import { createInitialState } from "../../shared/rules/gameState.ts";
import { createRng } from "../../shared/rules/rng.ts";
import { getBestEvidencedPolicy, getEvidencePolicy, getKingpinPolicy, pickPolicy, rankEndorsements } from "../../server/bots/strategies.ts";

function loadDefault(): Scenario {
  const result = loadScenarioFromDisk(join(import.meta.dirname, "../../content/scenarios/mexico-2006"));
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
  return result.scenario;
}

describe("bot strategies", () => {
  const scenario = loadDefault();

  it("always-kingpin backs the policy pulling the targeting lever hardest", () => {
    const id = getKingpinPolicy(scenario);
    const max = Math.max(...scenario.policies.map((p) => p.levers.targeting ?? 0));
    expect(scenario.policies.find((p) => p.id === id)?.levers.targeting).toBe(max);
    expect(max).toBeGreaterThan(0);
  });

  it("evidence-follower starts with the best-evidenced policy, then backs what improved the class outcome", () => {
    const first = getEvidencePolicy(scenario, []);
    expect(first).toBe(getBestEvidencedPolicy(scenario));
    const start = createInitialState(scenario).indicators;
    const better = { ...start, homicides: start.homicides * 0.5, institutionalStrength: Math.min(100, start.institutionalStrength + 20) };
    const worse = { ...start, homicides: start.homicides * 1.8 };
    const [a, b] = scenario.policies;
    expect(getEvidencePolicy(scenario, [{ mix: { [a!.id]: 1 }, startIndicators: start, endIndicators: better }])).toBe(a!.id);
    const afterFailure = getEvidencePolicy(scenario, [{ mix: { [b!.id]: 1 }, startIndicators: start, endIndicators: worse }]);
    expect(afterFailure).not.toBe(b!.id);
  });

  it("random bots are seeded: the same seed gives the same picks", () => {
    const picks = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 10 }, () => pickPolicy({ strategy: "random", scenario, history: [], rng }));
    };
    expect(picks(7)).toEqual(picks(7));
    expect(new Set(picks(7)).size).toBeGreaterThan(1);
  });

  it("bots endorse arguments for their own policy first", () => {
    const ranked = rankEndorsements(
      [
        { id: "a1", policyId: "x", endorsements: 5 },
        { id: "a2", policyId: "mine", endorsements: 0 },
      ],
      { strategy: "always-kingpin", policyId: "mine", rng: createRng(1) },
    );
    expect(ranked).toEqual(["a2", "a1"]);
  });
});

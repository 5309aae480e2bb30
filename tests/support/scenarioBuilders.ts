// Small builders for rules tests: a scenario with some parameters changed, a lone-policy mix.
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import type { Lever, ParameterKey } from "../../shared/content/vocabulary.ts";

export function withParameters(scenario: Scenario, values: Partial<Record<ParameterKey, number>>): Scenario {
  const parameters = { ...scenario.parameters };
  for (const [key, value] of Object.entries(values) as [ParameterKey, number][]) parameters[key] = { ...parameters[key], value };
  return { ...scenario, parameters };
}

/** Scenario without events, so a test sees one mechanism at a time. */
export function withoutEvents(scenario: Scenario): Scenario {
  return { ...scenario, events: [] };
}

/** Id of the policy that pulls `lever` hardest (found from content, not hard-coded). */
export function getPolicyPulling(scenario: Scenario, lever: Lever): string {
  const best = [...scenario.policies].sort((a, b) => (b.levers[lever] ?? 0) - (a.levers[lever] ?? 0))[0];
  if (!best || (best.levers[lever] ?? 0) === 0) throw new Error(`no policy pulls ${lever}`);
  return best.id;
}

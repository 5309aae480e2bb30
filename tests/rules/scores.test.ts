// Role scores and the class outcome follow each agenda's weights on a 0–100 scale.
import { describe, expect, it } from "vitest";
import { INDICATORS } from "../../shared/content/vocabulary.ts";
import { createInitialState } from "../../shared/rules/gameState.ts";
import { getAgendaScore, getClassOutcomeScore, getRoleScores } from "../../shared/rules/scores.ts";
import { loadDefaultScenario } from "../support/defaultScenario.ts";

const scenario = loadDefaultScenario();
const start = createInitialState(scenario).indicators;

describe("agenda scores", () => {
  it("no change scores 50 for every role and for the class", () => {
    for (const score of Object.values(getRoleScores(scenario, start, start))) expect(score).toBe(50);
    expect(getClassOutcomeScore(scenario, start, start)).toBe(50);
  });

  it("a role gains when an indicator it wants to fall falls, and loses when it rises", () => {
    const weights = { homicides: -2 };
    const fewer = { ...start, homicides: start.homicides - scenario.indicators.homicides.scoreScale };
    const more = { ...start, homicides: start.homicides + scenario.indicators.homicides.scoreScale };
    expect(getAgendaScore(scenario, weights, start, fewer)).toBeGreaterThan(60);
    expect(getAgendaScore(scenario, weights, start, more)).toBeLessThan(40);
  });

  it("scores stay within 0–100 however far indicators move", () => {
    const extreme = Object.fromEntries(INDICATORS.map((k) => [k, start[k] * 1000 + 1e6])) as typeof start;
    for (const score of Object.values(getRoleScores(scenario, start, extreme))) {
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(100);
    }
  });

  it("roles disagree about the same outcome", () => {
    const moreApprovalMoreViolence = { ...start, approval: start.approval + 20, homicides: start.homicides * 1.5 };
    const scores = Object.values(getRoleScores(scenario, start, moreApprovalMoreViolence));
    expect(Math.max(...scores) - Math.min(...scores)).toBeGreaterThan(10);
  });
});

// Events open rounds: scheduled ones in their round, conditional ones once their condition holds,
// each only once; their one-off effects land in the event's own year.
import { describe, expect, it } from "vitest";
import type { ScenarioEvent } from "../../shared/content/scenarioSchema.ts";
import { createInitialState } from "../../shared/rules/gameState.ts";
import { drawRoundEvents, getImpactYear, resolveRound } from "../../shared/rules/resolveRound.ts";
import { createRng } from "../../shared/rules/rng.ts";
import { loadDefaultScenario } from "../support/defaultScenario.ts";

const scenario = loadDefaultScenario();

describe("round events", () => {
  it("the first round opens with the events scheduled for round 1", () => {
    const expected = scenario.events.filter((e) => e.trigger.kind === "round" && e.trigger.round === 1).map((e) => e.id);
    expect(drawRoundEvents(createInitialState(scenario), scenario)).toEqual(expected);
  });

  it("a condition event fires when its condition holds and never twice", () => {
    const event: ScenarioEvent = {
      ...scenario.events[0]!,
      id: "test-violence-alarm",
      trigger: { kind: "condition", indicator: "homicides", above: 1, fromRound: 1 },
      effects: [],
    };
    const s = { ...scenario, events: [event] };
    const state = createInitialState(s);
    expect(drawRoundEvents(state, s)).toEqual(["test-violence-alarm"]);
    const after = resolveRound(state, {}, ["test-violence-alarm"], s, createRng(1)).state;
    expect(drawRoundEvents(after, s)).toEqual([]);
  });

  it("a condition event waits for its first round", () => {
    const event: ScenarioEvent = {
      ...scenario.events[0]!,
      id: "test-later",
      trigger: { kind: "condition", indicator: "homicides", above: 1, fromRound: 2 },
      effects: [],
    };
    const s = { ...scenario, events: [event] };
    expect(drawRoundEvents(createInitialState(s), s)).toEqual([]);
  });

  it("one-off effects land in the event's year when it falls in the round, else in the round's first year", () => {
    const event = { ...scenario.events[0]!, year: 2008 };
    expect(getImpactYear(event, 2006, 3)).toBe(2008);
    expect(getImpactYear({ ...event, year: 2030 }, 2006, 3)).toBe(2006);
  });

  it("an event's approval change appears as an effect citing the event", () => {
    const event: ScenarioEvent = {
      ...scenario.events[0]!,
      id: "test-scandal",
      year: scenario.startYear + 1,
      trigger: { kind: "round", round: 1 },
      effects: [{ kind: "indicator", indicator: "approval", delta: -10 }],
    };
    const s = { ...scenario, events: [event] };
    const result = resolveRound(createInitialState(s), {}, ["test-scandal"], s, createRng(3));
    const effect = result.effects.find((e) => e.cause === "event:test-scandal");
    expect(effect).toMatchObject({ year: scenario.startYear + 1, indicator: "approval", delta: -10, explanationKey: "eventIndicator", figures: event.figures });
  });
});

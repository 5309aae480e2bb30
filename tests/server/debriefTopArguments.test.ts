// The debrief's most-endorsed arguments are the students' own: bots fill seats, they do not win the wall.
import { describe, expect, it } from "vitest";
import { writeDebrief } from "../../server/session/roundResolution.ts";
import { ArgumentState, SessionState } from "../../server/state/SessionState.ts";
import { createInitialState } from "../../shared/rules/gameState.ts";
import { loadDefaultScenario } from "../support/defaultScenario.ts";

describe("the debrief's most-endorsed arguments", () => {
  it("never include a bot's argument, however endorsed, and rank the students' by endorsements", () => {
    const scenario = loadDefaultScenario();
    const state = new SessionState();
    state.totalRounds = 1;
    const add = (id: string, endorsements: number, authorIsBot: boolean) =>
      state.arguments.set(id, new ArgumentState({ id, round: 1, text: id, endorsements, authorIsBot }));
    add("bot-favourite", 9, true);
    add("student-best", 4, false);
    add("student-second", 2, false);
    add("student-unendorsed", 0, false);
    writeDebrief({ state, scenario, seed: scenario.settings.defaultSeed, startIndicators: createInitialState(scenario).indicators });
    expect([...state.topArgumentIds]).toEqual(["student-best", "student-second"]);
  });
});

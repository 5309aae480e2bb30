// Bots' arguments: built from content in the session's language, varied between bots, within the length limit,
// and marked as a bot's in the synced state (anonymous sessions included).
import { describe, expect, it } from "vitest";
import { countGraphemes } from "../../shared/graphemes.ts";
import { createRng } from "../../shared/rules/rng.ts";
import { BOT_FRAMES, pickBotArgument } from "../../server/bots/botArguments.ts";
import { loadDefaultScenario } from "../support/defaultScenario.ts";
import { UNTIMED, createSession, joinStudent, useTestServer, waitFor } from "./helpers.ts";

const scenario = loadDefaultScenario();
const max = scenario.settings.argumentMaxLength;
const testServer = useTestServer();

describe("bot arguments", () => {
  it("has several sentence frames in English and Spanish, each naming the policy and a fact", () => {
    expect(BOT_FRAMES.length).toBeGreaterThanOrEqual(6);
    for (const frame of BOT_FRAMES) {
      for (const text of [frame.en, frame.es]) {
        expect(text).toContain("{policy}");
        expect(text).toContain("{fact}");
      }
    }
  });

  it("six bots backing the same policy in one round say six different things", () => {
    const rng = createRng(42);
    for (const policy of scenario.policies) {
      const said = new Set<string>();
      for (let bot = 0; bot < 6; bot++) {
        const argument = pickBotArgument({ scenario, policyId: policy.id, language: "en", maxLength: max, rng, avoid: said });
        expect(argument).not.toBeNull();
        said.add(argument?.argument ?? "");
      }
      expect(said.size).toBe(6);
    }
  });

  it("two bots with different dice rarely say the same thing even without seeing each other", () => {
    const policyId = scenario.policies[0]?.id ?? "";
    let same = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const a = pickBotArgument({ scenario, policyId, language: "en", maxLength: max, rng: createRng(seed) });
      const b = pickBotArgument({ scenario, policyId, language: "en", maxLength: max, rng: createRng(seed + 1000) });
      if (a?.argument === b?.argument) same++;
    }
    expect(same).toBeLessThan(20);
  });

  it("is written in the session's language, from the policy's own texts and figures", () => {
    for (const policy of scenario.policies) {
      const es = pickBotArgument({ scenario, policyId: policy.id, language: "es", maxLength: max, rng: createRng(3) });
      const en = pickBotArgument({ scenario, policyId: policy.id, language: "en", maxLength: max, rng: createRng(3) });
      expect(es?.argument).toContain(`«${policy.name.es}»`);
      expect(en?.argument).toContain(`“${policy.name.en}”`);
      const esFacts = [policy.summary.es, policy.effects.immediate.es, ...policy.figures.map((id) => scenario.figures.find((f) => f.id === id)?.claim.es ?? "?")];
      expect(esFacts.some((fact) => es?.argument.includes(fact))).toBe(true);
      if (es?.figureId) expect(policy.figures).toContain(es.figureId);
    }
  });

  it("fits the scenario's argument limit, and says nothing when no sentence fits", () => {
    const rng = createRng(9);
    for (const limit of [max, 160, 90]) {
      for (const policy of scenario.policies) {
        for (let i = 0; i < 10; i++) {
          const argument = pickBotArgument({ scenario, policyId: policy.id, language: i % 2 ? "es" : "en", maxLength: limit, rng });
          if (argument) expect(countGraphemes(argument.argument)).toBeLessThanOrEqual(limit);
        }
      }
    }
    expect(pickBotArgument({ scenario, policyId: scenario.policies[0]?.id ?? "", language: "en", maxLength: 20, rng })).toBeNull();
  });

  it("is deterministic: the same seed gives the same words", () => {
    const say = () => pickBotArgument({ scenario, policyId: scenario.policies[1]?.id ?? "", language: "es", maxLength: max, rng: createRng(77) });
    expect(say()).toEqual(say());
  });

  it("in an anonymous Spanish session, students receive three different Spanish bot arguments marked as a bot's", async () => {
    const { host, code } = await createSession(testServer.colyseus, { language: "es", anonymousArguments: true, timers: UNTIMED });
    const ana = await joinStudent(testServer.colyseus, code, "Ana");
    await host.request("addBots", { count: 3, strategy: "always-kingpin" });
    await host.request("start", {});
    await host.request("advance", {});
    const policyId = scenario.policies[1]?.id ?? "";
    await ana.room.request("propose", { policyId, argument: "Mi argumento" });
    await waitFor(() => ana.room.state.arguments.size === 4, 4000, "three bot arguments");
    const args = [...(ana.room.state.arguments as unknown as Map<string, { text: string; authorId: string; authorIsBot: boolean }>).values()];
    const bots = args.filter((a) => a.authorIsBot);
    expect(bots).toHaveLength(3);
    expect(args.find((a) => a.text === "Mi argumento")?.authorIsBot).toBe(false);
    expect(new Set(bots.map((a) => a.text)).size).toBe(3);
    for (const a of bots) {
      expect(a.authorId).toBe("");
      expect(a.text).toMatch(/«.+»/);
    }
  });
});

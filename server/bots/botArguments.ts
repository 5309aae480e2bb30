// What a bot writes when it proposes: a sentence frame from content/ui/strings.json (`bot.say.N`)
// filled with its policy's name and one fact from content (the policy's summary or immediate effect,
// or the claim of a figure the policy cites), in the session's language, chosen by the bot's seeded rng.
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import type { Language, LocalizedText } from "../../shared/i18n.ts";
import { formatText } from "../../shared/i18n.ts";
import type { Rng } from "../../shared/rules/rng.ts";
import stringsJson from "../../content/ui/strings.json" with { type: "json" };

const STRINGS: Record<string, LocalizedText> = stringsJson;

/** The sentence frames, in key order (`bot.say.1`, `bot.say.2`, …); each has `{policy}` and `{fact}`. */
export const BOT_FRAMES: readonly LocalizedText[] = Object.keys(STRINGS)
  .filter((key) => /^bot\.say\.\d+$/.test(key))
  .sort((a, b) => Number(a.split(".")[2]) - Number(b.split(".")[2]))
  .flatMap((key) => (STRINGS[key] ? [STRINGS[key]] : []));

/** Shaped like the `argument` and `figureId` fields of a propose request. */
export interface BotArgument {
  argument: string;
  /** The figure the argument cites, when its fact is not itself a figure's claim. */
  figureId?: string;
}

interface Fact {
  text: string;
  /** Set when the fact is this figure's claim (the text already states it, so it is not cited again). */
  figureId?: string;
}

function getFacts(scenario: Scenario, policyId: string, lang: Language): Fact[] {
  const policy = scenario.policies.find((p) => p.id === policyId);
  if (!policy) return [];
  const claims = policy.figures.flatMap((id) => {
    const figure = scenario.figures.find((f) => f.id === id);
    return figure ? [{ text: figure.claim[lang], figureId: figure.id }] : [];
  });
  return [{ text: policy.summary[lang] }, { text: policy.effects.immediate[lang] }, ...claims];
}

/**
 * Within the limit whether it is counted in user-perceived characters or in UTF-16 code units: a text
 * has never more characters than code units, so the cheap check is enough for both.
 */
function fitsLimit(text: string, maxLength: number): boolean {
  return text.length <= maxLength;
}

function pick<T>(items: readonly T[], rng: Rng): T | undefined {
  return items[Math.floor(rng.next() * items.length)];
}

/**
 * A bot's argument for `policyId`, or null when no frame and fact fit in `maxLength` user-perceived
 * characters. Texts in `avoid` (what other bots already said this round) are skipped while others remain.
 */
export function pickBotArgument(options: {
  scenario: Scenario;
  policyId: string;
  language: Language;
  maxLength: number;
  rng: Rng;
  avoid?: ReadonlySet<string>;
}): BotArgument | null {
  const { scenario, policyId, language, maxLength, rng } = options;
  const policy = scenario.policies.find((p) => p.id === policyId);
  if (!policy) return null;
  const candidates = BOT_FRAMES.flatMap((frame) =>
    getFacts(scenario, policyId, language).map((fact) => ({ fact, text: formatText(frame[language], { policy: policy.name[language], fact: fact.text }) })),
  ).filter((c) => fitsLimit(c.text, maxLength));
  const fresh = candidates.filter((c) => !options.avoid?.has(c.text));
  const chosen = pick(fresh.length > 0 ? fresh : candidates, rng);
  if (!chosen) return null;
  if (chosen.fact.figureId) return { argument: chosen.text };
  const figureId = pick(policy.figures, rng);
  return figureId ? { argument: chosen.text, figureId } : { argument: chosen.text };
}

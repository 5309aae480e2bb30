// The debate's argument wall: this round's visible arguments, spotlight first, then most endorsed (pure).
import type { Language } from "../../shared/i18n.ts";
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import type { ArgumentView } from "../../shared/protocol/index.ts";
import type { SessionSnapshot } from "../state/snapshot.ts";
import { getContentName, getFigureCitation } from "../../shared/content/scenarioText.ts";

export interface WallCard {
  id: string;
  text: string;
  policyName: string;
  policyColor: string;
  /** Nickname and role, "" when anonymous. */
  author: string;
  citation: string;
  endorsements: number;
  isSpotlit: boolean;
  /** Written by a bot (the server marks it, anonymous sessions included), so the projector can say so. */
  isBot: boolean;
}

export function getArgumentWall(
  scenario: Scenario,
  snapshot: Pick<SessionSnapshot, "arguments" | "spotlightId" | "round">,
  lang: Language,
  options: { round?: number } = {},
): WallCard[] {
  const round = options.round ?? snapshot.round;
  return snapshot.arguments
    .filter((a) => a.round === round)
    .map((a) => toCard(scenario, a, snapshot.spotlightId, lang))
    .sort((a, b) => Number(b.isSpotlit) - Number(a.isSpotlit) || b.endorsements - a.endorsements || a.id.localeCompare(b.id));
}

export function toCard(scenario: Scenario, a: ArgumentView, spotlightId: string, lang: Language): WallCard {
  const policy = scenario.policies.find((p) => p.id === a.policyId);
  const citation = a.figureId ? getFigureCitation(scenario, a.figureId, lang) : null;
  const role = a.authorRoleId ? getContentName(scenario, a.authorRoleId, lang) : "";
  return {
    id: a.id,
    text: a.text,
    policyName: policy ? policy.name[lang] : a.policyId,
    policyColor: policy?.color ?? "#666666",
    author: a.authorNickname ? (role ? `${a.authorNickname} · ${role}` : a.authorNickname) : "",
    citation: citation ? `${citation.claim} (${citation.period})` : "",
    endorsements: a.endorsements,
    isSpotlit: a.id === spotlightId,
    isBot: a.authorIsBot,
  };
}

// What the projector shows above the board: the spotlighted argument in large type, and a "Paused" plate while the timer is frozen.
import type { Scenario } from "../../../shared/content/scenarioSchema.ts";
import { getLanguage, t } from "../../i18n/i18n.ts";
import type { SessionConnection } from "../../net/sessionConnection.ts";
import type { SessionSnapshot } from "../../state/snapshot.ts";
import { h, replaceChildren } from "../../ui/dom.ts";
import { toCard } from "../../viewModels/argumentWall.ts";
import type { Panel } from "../panel.ts";
import { createAuthorLine } from "./argumentWallPanel.ts";

export function createBoardOverlays(connection: SessionConnection, scenario: Scenario): Panel {
  const spotlight = h("article", { class: "spotlight-overlay", attrs: { "aria-live": "polite" } });
  const paused = h("p", { class: "paused-plate", attrs: { role: "status" } });
  const element = h("div", { class: "board-overlays" }, paused, spotlight);
  let signature = "";
  const update = (s: SessionSnapshot) => {
    const lang = getLanguage();
    // Once the session is over nothing is live: the ended banner and the debrief need the space.
    const isOver = s.phase === "ended";
    const isPaused = s.pausedRemainingMs > 0 && !isOver;
    paused.hidden = !isPaused;
    // A drawn pause sign: the ⏸ glyph is missing from many projector laptops' fonts.
    replaceChildren(paused, ...(isPaused ? [h("span", { class: "pause-icon", attrs: { "aria-hidden": "true" } }), t("session.paused")] : []));
    const argument = s.spotlightId && !isOver ? s.arguments.find((a) => a.id === s.spotlightId) : undefined;
    const card = argument ? toCard(scenario, argument, s.spotlightId, lang) : null;
    const next = JSON.stringify([card, lang]);
    if (next === signature) return;
    signature = next;
    spotlight.hidden = !card;
    if (!card) return replaceChildren(spotlight);
    spotlight.setAttribute("style", `--policy-color:${card.policyColor}`);
    replaceChildren(
      spotlight,
      h("p", { class: "spotlight-tag" }, t("debate.spotlight")),
      h("p", { class: "argument-policy" }, card.policyName),
      h("p", { class: "spotlight-text" }, card.text),
      card.citation ? h("p", { class: "argument-cite" }, t("argument.cites", { claim: card.citation })) : null,
      createAuthorLine(card),
      h(
        "button",
        { class: "button small spotlight-close", attrs: { type: "button" }, on: { click: () => void connection.request("spotlight", { argumentId: null }) } },
        t("host.wall.unspotlight"),
      ),
    );
  };
  return { element, update };
}

// The projector's argument wall (DOM, large type): arguments with endorsement counts, spotlight and hide controls.
import type { Scenario } from "../../../shared/content/scenarioSchema.ts";
import { getLanguage, t } from "../../i18n/i18n.ts";
import type { SessionConnection } from "../../net/sessionConnection.ts";
import type { SessionSnapshot } from "../../state/snapshot.ts";
import { createActionFeedback } from "../../ui/actionFeedback.ts";
import { h, replaceChildren } from "../../ui/dom.ts";
import { getArgumentWall } from "../../viewModels/argumentWall.ts";
import type { Panel } from "../panel.ts";

export function createArgumentWallPanel(connection: SessionConnection, scenario: Scenario, snapshot: SessionSnapshot): Panel {
  const feedback = createActionFeedback();
  const list = h("ol", { class: "wall" });
  const element = h("section", { class: "side-section" }, h("h2", {}, t("host.wall.title")), feedback.element, list);
  let signature = "";
  const act = (promise: ReturnType<SessionConnection["request"]>) => void promise.then((r) => (r.ok ? feedback.clear() : feedback.refuse(r.refusal)));
  const render = (s: SessionSnapshot) => {
    const cards = getArgumentWall(scenario, s, getLanguage());
    const next = JSON.stringify(cards);
    if (next === signature) return;
    signature = next;
    if (cards.length === 0) return replaceChildren(list, h("li", { class: "muted" }, t("debate.empty")));
    replaceChildren(
      list,
      ...cards.map((card) =>
        h(
          "li",
          { class: `argument${card.isSpotlit ? " spotlit" : ""}`, attrs: { style: `--policy-color:${card.policyColor}` } },
          card.isSpotlit ? h("p", { class: "spotlight-tag" }, t("debate.spotlight")) : null,
          h("p", { class: "argument-policy" }, card.policyName),
          h("p", { class: "argument-text" }, card.text),
          card.citation ? h("p", { class: "argument-cite" }, t("argument.cites", { claim: card.citation })) : null,
          h("p", { class: "argument-meta" }, card.author, card.author ? " · " : "", h("strong", {}, t("argument.endorsements", { count: card.endorsements }))),
          h(
            "div",
            { class: "argument-actions" },
            h(
              "button",
              {
                class: "button small",
                attrs: { type: "button", "aria-pressed": String(card.isSpotlit) },
                on: { click: () => act(connection.request("spotlight", { argumentId: card.isSpotlit ? null : card.id })) },
              },
              card.isSpotlit ? t("host.wall.unspotlight") : t("host.wall.spotlight"),
            ),
            h("button", { class: "button small danger", attrs: { type: "button" }, on: { click: () => act(connection.request("hideArgument", { argumentId: card.id, hidden: true })) } }, t("host.wall.hide")),
          ),
        ),
      ),
    );
  };
  render(snapshot);
  return { element, update: render };
}

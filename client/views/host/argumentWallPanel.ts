// The projector's argument wall (DOM, large type): arguments with endorsement counts and bot marks, spotlight, hide and show again.
import type { Scenario } from "../../../shared/content/scenarioSchema.ts";
import type { ArgumentView } from "../../../shared/protocol/index.ts";
import { getLanguage, t } from "../../i18n/i18n.ts";
import type { SessionConnection } from "../../net/sessionConnection.ts";
import type { SessionSnapshot } from "../../state/snapshot.ts";
import { createActionFeedback } from "../../ui/actionFeedback.ts";
import { h, replaceChildren } from "../../ui/dom.ts";
import type { WallCard } from "../../viewModels/argumentWall.ts";
import { getArgumentWall, toCard } from "../../viewModels/argumentWall.ts";
import type { Panel } from "../panel.ts";
import { forgetHidden, listHidden, rememberHidden } from "./hiddenArguments.ts";

/** "Ana · Victims" with a bot mark when a bot wrote it. */
export function createAuthorLine(card: WallCard): HTMLElement {
  return h(
    "p",
    { class: "argument-meta" },
    card.isBot ? h("span", { class: "bot-badge" }, t("argument.byBot")) : null,
    card.isBot ? " " : "",
    card.author,
    card.author ? " · " : "",
    h("strong", {}, t("argument.endorsements", { count: card.endorsements })),
  );
}

export function createArgumentWallPanel(connection: SessionConnection, scenario: Scenario, snapshot: SessionSnapshot): Panel {
  const feedback = createActionFeedback();
  const list = h("ol", { class: "wall" });
  const hiddenList = h("ul", { class: "hidden-list" });
  const hiddenTitle = h("h3", { class: "hidden-title" });
  const hiddenSection = h("section", { class: "hidden-arguments" }, hiddenTitle, hiddenList);
  const element = h("section", { class: "side-section" }, h("h2", {}, t("host.wall.title")), feedback.element, list, hiddenSection);
  let signature = "";
  let latest = snapshot;
  const act = (promise: ReturnType<SessionConnection["request"]>, onOk?: () => void) =>
    void promise.then((r) => {
      if (r.ok) {
        feedback.clear();
        onOk?.();
      } else feedback.refuse(r.refusal);
    });

  const hide = (argument: ArgumentView) =>
    act(connection.request("hideArgument", { argumentId: argument.id, hidden: true }), () => {
      rememberHidden(latest.code, argument);
      render(latest, true);
    });
  const unhide = (argumentId: string) =>
    void connection.request("hideArgument", { argumentId, hidden: false }).then((r) => {
      // Gone on the server (its author was removed with it): nothing left to show, so forget it too.
      if (r.ok || r.refusal.code === "host/unknown-argument") forgetHidden(latest.code, argumentId);
      if (r.ok) feedback.clear();
      else feedback.refuse(r.refusal);
      render(latest, true);
    });

  const render = (s: SessionSnapshot, force = false) => {
    latest = s;
    const lang = getLanguage();
    const cards = getArgumentWall(scenario, s, lang);
    const visibleIds = new Set(s.arguments.map((a) => a.id));
    // Listed only while it is really out of the state (the reply to "hide" can come before the state does, and another host tab may have shown it again).
    const hidden = listHidden(s.code).filter((a) => a.round === s.round && !visibleIds.has(a.id));
    const next = JSON.stringify([cards, hidden.map((a) => a.id), lang]);
    if (next === signature && !force) return;
    signature = next;
    if (cards.length === 0) replaceChildren(list, h("li", { class: "muted" }, t("debate.empty")));
    else
      replaceChildren(
        list,
        ...cards.map((card) => {
          const argument = s.arguments.find((a) => a.id === card.id);
          return h(
            "li",
            { class: `argument${card.isSpotlit ? " spotlit" : ""}${card.isBot ? " by-bot" : ""}`, attrs: { style: `--policy-color:${card.policyColor}` } },
            card.isSpotlit ? h("p", { class: "spotlight-tag" }, t("debate.spotlight")) : null,
            h("p", { class: "argument-policy" }, card.policyName),
            h("p", { class: "argument-text" }, card.text),
            card.citation ? h("p", { class: "argument-cite" }, t("argument.cites", { claim: card.citation })) : null,
            createAuthorLine(card),
            h(
              "div",
              { class: "argument-actions" },
              h(
                "button",
                {
                  class: "button small spotlight",
                  attrs: { type: "button", "aria-pressed": String(card.isSpotlit) },
                  on: { click: () => act(connection.request("spotlight", { argumentId: card.isSpotlit ? null : card.id })) },
                },
                card.isSpotlit ? t("host.wall.unspotlight") : t("host.wall.spotlight"),
              ),
              h("button", { class: "button small danger hide", attrs: { type: "button" }, on: { click: () => argument && hide(argument) } }, t("host.wall.hide")),
            ),
          );
        }),
      );
    hiddenSection.hidden = hidden.length === 0;
    hiddenTitle.textContent = t("host.wall.hiddenTitle", { count: hidden.length });
    replaceChildren(
      hiddenList,
      ...hidden.map((a) => {
        const card = toCard(scenario, a, "", lang);
        return h(
          "li",
          { class: "hidden-argument", attrs: { style: `--policy-color:${card.policyColor}` } },
          h("p", { class: "argument-text" }, card.text),
          h("button", { class: "button small unhide", attrs: { type: "button" }, on: { click: () => unhide(a.id) } }, t("host.wall.unhide")),
        );
      }),
    );
  };
  render(snapshot);
  return { element, update: (s) => render(s) };
}

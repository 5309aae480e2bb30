// Debate phase on the phone: this round's arguments with endorse buttons and the endorsements left.
import { getLanguage, t } from "../../i18n/i18n.ts";
import type { SessionSnapshot } from "../../state/snapshot.ts";
import { createActionFeedback } from "../../ui/actionFeedback.ts";
import { h, replaceChildren } from "../../ui/dom.ts";
import { getArgumentWall } from "../../viewModels/argumentWall.ts";
import type { Panel, PanelContext } from "../panel.ts";

export function createDebatePanel(ctx: PanelContext, snapshot: SessionSnapshot): Panel {
  const list = h("ul", { class: "argument-list", attrs: { "aria-label": t("debate.list") } });
  const left = h("p", { class: "endorse-left", attrs: { "aria-live": "polite" } });
  const feedback = createActionFeedback();
  const element = h("section", { class: "panel debate" }, h("h2", {}, t("debate.title")), h("p", { class: "hint" }, t("debate.hint")), left, feedback.element, list);
  let pending = false;
  let latest = snapshot;
  let lastSignature = "";

  const render = (s: SessionSnapshot) => {
    latest = s;
    const mine = ctx.getMine();
    const playerId = ctx.connection.welcome.playerId ?? "";
    const remaining = Math.max(0, s.endorsementsPerStudent - mine.endorsed.length);
    left.textContent = t("debate.left", { count: remaining, total: s.endorsementsPerStudent });
    const ownIds = new Set(s.arguments.filter((a) => a.authorId && a.authorId === playerId).map((a) => a.id));
    if (mine.proposal?.argumentId) ownIds.add(mine.proposal.argumentId);
    const cards = getArgumentWall(ctx.scenario, s, getLanguage());
    // Re-render only when something visible changed, so keyboard focus stays put between patches.
    const signature = JSON.stringify([cards, mine.endorsed, remaining, pending, [...ownIds]]);
    if (signature === lastSignature) return;
    lastSignature = signature;
    if (cards.length === 0) return replaceChildren(list, h("li", { class: "muted" }, t("debate.empty")));
    replaceChildren(
      list,
      ...cards.map((card) => {
        const isOwn = ownIds.has(card.id);
        const isEndorsed = mine.endorsed.includes(card.id);
        const button = h(
          "button",
          {
            class: "button small endorse",
            attrs: { type: "button", "aria-pressed": String(isEndorsed), disabled: isOwn || isEndorsed || remaining === 0 || pending },
            on: { click: () => endorse(card.id) },
          },
          isOwn ? t("debate.own") : isEndorsed ? t("debate.endorsed") : t("debate.endorse"),
        );
        return h(
          "li",
          { class: `argument${card.isSpotlit ? " spotlit" : ""}`, attrs: { style: `--policy-color:${card.policyColor}` } },
          card.isSpotlit ? h("p", { class: "spotlight-tag" }, t("debate.spotlight")) : null,
          h("p", { class: "argument-policy" }, card.policyName),
          h("p", { class: "argument-text" }, card.text),
          card.citation ? h("p", { class: "argument-cite" }, t("argument.cites", { claim: card.citation })) : null,
          h("p", { class: "argument-meta" }, card.author, card.author ? " · " : "", t("argument.endorsements", { count: card.endorsements })),
          button,
        );
      }),
    );
  };

  const endorse = (argumentId: string) => {
    pending = true;
    render(latest);
    void ctx.connection.request("endorse", { argumentId }).then((result) => {
      pending = false;
      if (result.ok) {
        ctx.setMine(result.value);
        feedback.confirm(t("debate.thanks"));
      } else feedback.refuse(result.refusal);
      render(latest);
    });
  };

  render(snapshot);
  return { element, update: render };
}

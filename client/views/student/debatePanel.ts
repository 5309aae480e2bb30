// Debate phase on the phone: this round's arguments (bots' marked) with endorse buttons and the endorsements
// left. Cards are updated in place, and a used button stays focusable, so focus stays where the student was.
import { getLanguage, t } from "../../i18n/i18n.ts";
import type { SessionSnapshot } from "../../state/snapshot.ts";
import { createActionFeedback } from "../../ui/actionFeedback.ts";
import { h, replaceChildren } from "../../ui/dom.ts";
import type { WallCard } from "../../viewModels/argumentWall.ts";
import { getArgumentWall } from "../../viewModels/argumentWall.ts";
import { isBotArgument } from "../../viewModels/debriefModel.ts";
import type { Panel, PanelContext } from "../panel.ts";

interface CardView {
  element: HTMLLIElement;
  body: HTMLDivElement;
  button: HTMLButtonElement;
  signature: string;
}

export function createDebatePanel(ctx: PanelContext, snapshot: SessionSnapshot): Panel {
  const list = h("ul", { class: "argument-list", attrs: { "aria-label": t("debate.list") } });
  const left = h("p", { class: "endorse-left", attrs: { "aria-live": "polite" } });
  const feedback = createActionFeedback();
  const element = h("section", { class: "panel debate" }, h("h2", { attrs: { tabindex: -1 } }, t("debate.title")), left, feedback.element, h("p", { class: "hint" }, t("debate.hint")), list);
  const views = new Map<string, CardView>();
  let pending = false;
  let latest = snapshot;

  const renderCard = (card: WallCard, state: { isOwn: boolean; isEndorsed: boolean; isBot: boolean; isUnavailable: boolean; isBusy: boolean }): CardView => {
    const signature = JSON.stringify([card, state]);
    const existing = views.get(card.id);
    if (existing?.signature === signature) return existing;
    const label = state.isOwn ? t("debate.own") : state.isEndorsed ? t("debate.endorsed") : t("debate.endorse");
    // A button that can never be used here (own argument, none left) is disabled; one the student may
    // have just pressed (endorsed, or waiting for the reply) is only aria-disabled, because a disabled
    // button drops keyboard focus to the start of the page.
    const button =
      existing?.button ??
      h("button", { class: "button small endorse", attrs: { type: "button" }, on: { click: () => endorse(card.id, button) } });
    button.textContent = label;
    button.setAttribute("aria-pressed", String(state.isEndorsed));
    button.disabled = state.isUnavailable;
    button.setAttribute("aria-disabled", String(state.isUnavailable || state.isBusy));
    const body = existing?.body ?? h("div", { class: "argument-body" });
    const element = existing?.element ?? h("li", {}, body, button);
    element.className = `argument${card.isSpotlit ? " spotlit" : ""}`;
    element.dataset.bot = String(state.isBot);
    element.setAttribute("style", `--policy-color:${card.policyColor}`);
    // Only the words are rebuilt; the button element is kept so it keeps focus.
    replaceChildren(
      body,
      card.isSpotlit ? h("p", { class: "spotlight-tag" }, t("debate.spotlight")) : null,
      h(
        "p",
        { class: "argument-policy" },
        card.policyName,
        state.isBot ? h("span", { class: "bot-badge", attrs: { title: t("argument.botLong") } }, t("argument.bot"), h("span", { class: "visually-hidden" }, ` (${t("argument.botLong")})`)) : null,
      ),
      h("p", { class: "argument-text" }, card.text),
      card.citation ? h("p", { class: "argument-cite" }, t("argument.cites", { claim: card.citation })) : null,
      h("p", { class: "argument-meta" }, card.author, card.author ? " · " : "", t("argument.endorsements", { count: card.endorsements })),
    );
    return { element, body, button, signature };
  };

  const render = (s: SessionSnapshot) => {
    latest = s;
    const mine = ctx.getMine();
    const playerId = ctx.connection.welcome.playerId ?? "";
    const remaining = Math.max(0, s.endorsementsPerStudent - mine.endorsed.length);
    left.textContent = t("debate.left", { count: remaining, total: s.endorsementsPerStudent });
    const ownIds = new Set(s.arguments.filter((a) => a.authorId && a.authorId === playerId).map((a) => a.id));
    if (mine.proposal?.argumentId) ownIds.add(mine.proposal.argumentId);
    const botIds = new Set(s.arguments.filter(isBotArgument).map((a) => a.id));
    // Spotlight first, then in the order written: cards do not jump around under the student's finger.
    const cards = getArgumentWall(ctx.scenario, s, getLanguage()).sort(
      (a, b) => Number(b.isSpotlit) - Number(a.isSpotlit) || a.id.localeCompare(b.id, undefined, { numeric: true }),
    );
    const focused = document.activeElement;
    if (cards.length === 0) {
      views.clear();
      return replaceChildren(list, h("li", { class: "muted" }, t("debate.empty")));
    }
    const next = cards.map((card) => {
      const isOwn = ownIds.has(card.id);
      const isEndorsed = mine.endorsed.includes(card.id);
      return renderCard(card, { isOwn, isEndorsed, isBot: botIds.has(card.id), isUnavailable: isOwn || (!isEndorsed && remaining === 0), isBusy: isEndorsed || pending });
    });
    views.clear();
    for (const [i, view] of next.entries()) {
      views.set(cards[i]?.id ?? "", view);
      // Re-inserting an element that holds focus would blur it: only move what is out of place.
      if (list.children[i] !== view.element) list.insertBefore(view.element, list.children[i] ?? null);
    }
    while (list.children.length > next.length) list.lastElementChild?.remove();
    // A card moved by a new spotlight takes its focused button along.
    if (focused instanceof HTMLElement && focused !== document.activeElement && list.contains(focused)) focused.focus({ preventScroll: true });
  };

  const endorse = (argumentId: string, button: HTMLButtonElement) => {
    if (button.getAttribute("aria-disabled") === "true") return;
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

// Waiting states that say what is happening: lobby, briefing (with the event card), resolving.
import { getLanguage, t, tn } from "../../i18n/i18n.ts";
import type { SessionSnapshot } from "../../state/snapshot.ts";
import { h, replaceChildren } from "../../ui/dom.ts";
import type { Panel, PanelContext } from "../panel.ts";
import { createEventCards } from "../eventCards.ts";

export function createWaitingPanel(ctx: PanelContext, snapshot: SessionSnapshot): Panel {
  const status = h("p", { class: "waiting-text" });
  const element = h("section", { class: "panel waiting" }, h("span", { class: "pulse", attrs: { "aria-hidden": "true" } }), status);
  const lang = getLanguage();
  if (snapshot.phase === "briefing") {
    const round = ctx.scenario.rounds[snapshot.round - 1];
    if (round) element.append(h("h2", {}, round.title[lang]), h("p", {}, round.summary[lang]));
    element.append(createEventCards(ctx.scenario, snapshot.eventIds));
  }
  const update = (s: SessionSnapshot) => {
    const students = s.studentCount;
    const text =
      s.phase === "lobby"
        ? tn("student.wait.lobby", students)
        : s.phase === "briefing"
          ? t("student.wait.briefing")
          : s.phase === "resolve"
            ? t("student.wait.resolve")
            : t("student.wait.generic");
    replaceChildren(status, text);
  };
  update(snapshot);
  return { element, update };
}

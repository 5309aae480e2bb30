// The projector's read-only side panel for each phase: event cards, progress counts, the argument wall, the reveal and "why" lines, the debrief. No buttons.
import type { Scenario } from "../../../shared/content/scenarioSchema.ts";
import { formatNumber, getLanguage, t, tn } from "../../i18n/i18n.ts";
import type { SessionSnapshot } from "../../state/snapshot.ts";
import { h } from "../../ui/dom.ts";
import { getArgumentWall } from "../../viewModels/argumentWall.ts";
import type { WallCard } from "../../viewModels/argumentWall.ts";
import { getDebrief } from "../../viewModels/debriefModel.ts";
import { createEventCards } from "../eventCards.ts";
import { createRevealBars } from "../revealBars.ts";
import { createWhyList } from "../whyList.ts";

/** How many arguments the wall shows on a second screen (the most endorsed first). */
const WALL_SIZE = 8;

function argumentItem(card: WallCard): HTMLElement {
  return h(
    "li",
    { class: card.isSpotlit ? "argument spotlit" : "argument", attrs: { style: `--policy-color:${card.policyColor}` } },
    h("p", { class: "argument-policy" }, card.policyName),
    h("p", { class: "argument-text" }, card.text),
    card.citation ? h("p", { class: "argument-cite" }, card.citation) : null,
    h("p", { class: "argument-meta" }, [card.author, card.isBot ? t("watch.botTag") : "", t("argument.endorsements", { count: card.endorsements })].filter(Boolean).join(" · ")),
  );
}

/** The panel's content for the snapshot's phase; rebuilt on every state change (it holds no input to keep). */
export function renderWatchPanel(scenario: Scenario, s: SessionSnapshot): HTMLElement {
  const lang = getLanguage();
  const section = (title: string, ...children: (HTMLElement | null)[]) => h("section", { class: "side-section" }, h("h2", {}, title), ...children);
  switch (s.phase) {
    case "lobby":
      return section(t("watch.lobby.title"), h("p", { class: "progress-big" }, tn("watch.lobby.joined", s.playerCount)));
    case "briefing": {
      const round = scenario.rounds[s.round - 1];
      return section(round ? round.title[lang] : t("phase.briefing"), round ? h("p", { class: "lead" }, round.summary[lang]) : null, createEventCards(scenario, s.eventIds));
    }
    case "propose":
      return section(
        t("host.propose.title"),
        h("p", { class: "progress-big" }, t("host.propose.progress", { done: s.proposedCount, total: s.connectedCount })),
        h("ul", { class: "count-list" }, ...scenario.policies.map((p) => h("li", { attrs: { style: `--policy-color:${p.color}` } }, h("span", {}, p.name[lang]), h("strong", {}, String(s.proposalCounts[p.id] ?? 0))))),
      );
    case "debate": {
      const wall = getArgumentWall(scenario, s, lang).slice(0, WALL_SIZE);
      return section(t("watch.debate.title"), wall.length === 0 ? h("p", { class: "muted" }, t("debate.empty")) : h("ol", { class: "wall" }, ...wall.map(argumentItem)));
    }
    case "vote":
      return section(t("host.vote.title"), h("p", { class: "progress-big" }, t("host.vote.progress", { done: s.votesCast, total: s.connectedCount })), h("p", { class: "hint" }, t("host.vote.secret")));
    case "resolve":
    case "results":
      // The board draws the vote bars; the panel leads with why things changed, then the tally in words for screen readers.
      return section(t("why.title"), createWhyList(scenario, s.effects, 6), h("h2", {}, t("reveal.title")), createRevealBars(scenario, s, { onlyBacked: true }));
    case "debrief":
    case "ended": {
      const d = getDebrief(scenario, s, lang);
      const score = (n: number | null) => (n === null ? "—" : formatNumber(Math.round(n)));
      return section(
        t("debrief.title"),
        s.phase === "ended" ? h("p", { class: "watch-ended", attrs: { role: "status" } }, t("watch.ended")) : null,
        h("dl", { class: "score-list" }, h("dt", {}, d.classAgendaName), h("dd", {}, t("debrief.versus", { ours: score(d.classOutcome), history: score(d.historicalClassOutcome) }))),
        h("h3", {}, t("debrief.topArguments")),
        d.topArguments.length === 0 ? h("p", { class: "muted" }, t("debate.empty")) : h("ol", { class: "wall" }, ...d.topArguments.map(argumentItem)),
      );
    }
  }
}

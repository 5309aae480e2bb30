// The projector's side panel for each phase: event card, proposal and vote progress, argument wall, "why" lines, debrief.
import type { Scenario } from "../../../shared/content/scenarioSchema.ts";
import { formatNumber, getLanguage, t } from "../../i18n/i18n.ts";
import type { SessionConnection } from "../../net/sessionConnection.ts";
import type { SessionSnapshot } from "../../state/snapshot.ts";
import { h, replaceChildren } from "../../ui/dom.ts";
import { getContentName } from "../../../shared/content/scenarioText.ts";
import { getDebrief } from "../../viewModels/debriefModel.ts";
import { getRosterRows, getWaitingFor } from "../../viewModels/rosterModel.ts";
import { createEventCards } from "../eventCards.ts";
import { createReportLinks } from "../report/reportLinks.ts";
import type { Panel } from "../panel.ts";
import { createWhyList } from "../whyList.ts";
import { createArgumentWallPanel } from "./argumentWallPanel.ts";

function progressPanel(title: string, text: (s: SessionSnapshot) => string, extra?: (s: SessionSnapshot) => HTMLElement): (s: SessionSnapshot) => Panel {
  return (snapshot) => {
    const line = h("p", { class: "progress-big", attrs: { "aria-live": "polite" } });
    const more = h("div");
    const update = (s: SessionSnapshot) => {
      line.textContent = text(s);
      if (extra) replaceChildren(more, extra(s));
    };
    update(snapshot);
    return { element: h("section", { class: "side-section" }, h("h2", {}, title), line, more), update };
  };
}

/** "Leaders captured this round: 15 (El Z40, …)", without empty brackets when none of them is named. */
function capturesLine(scenario: Scenario, s: SessionSnapshot, lang: "en" | "es"): string {
  const named = s.captures.filter((c) => c.leaderId).map((c) => getContentName(scenario, c.leaderId, lang));
  return named.length > 0 ? t("host.results.captures", { count: s.captures.length, leaders: named.join(", ") }) : t("host.results.capturesUnnamed", { count: s.captures.length });
}

/** "Still waiting for: Ana, Cai" — names, so the teacher can nudge the right students. */
function waitingLine(scenario: Scenario, s: SessionSnapshot): HTMLElement {
  const names = getWaitingFor(getRosterRows(scenario, s, getLanguage()), s.phase);
  return names.length === 0
    ? h("p", { class: "waiting-for done" }, t("host.waiting.none"))
    : h("p", { class: "waiting-for" }, h("strong", {}, t("host.waiting.label")), " ", names.join(", "));
}

export function createSidePanel(connection: SessionConnection, scenario: Scenario, snapshot: SessionSnapshot): Panel {
  const lang = getLanguage();
  switch (snapshot.phase) {
    case "briefing": {
      const round = scenario.rounds[snapshot.round - 1];
      return {
        element: h("section", { class: "side-section" }, round ? h("h2", {}, round.title[lang]) : null, round ? h("p", { class: "lead" }, round.summary[lang]) : null, createEventCards(scenario, snapshot.eventIds)),
        update: () => undefined,
      };
    }
    case "propose":
      return progressPanel(
        t("host.propose.title"),
        (s) => t("host.propose.progress", { done: s.proposedCount, total: s.connectedCount }),
        (s) =>
          h(
            "div",
            {},
            waitingLine(scenario, s),
            h(
              "ul",
              { class: "count-list" },
              ...scenario.policies.map((p) => h("li", { attrs: { style: `--policy-color:${p.color}` } }, h("span", {}, p.name[lang]), h("strong", {}, String(s.proposalCounts[p.id] ?? 0)))),
            ),
          ),
      )(snapshot);
    case "debate":
      return createArgumentWallPanel(connection, scenario, snapshot);
    case "vote":
      return progressPanel(t("host.vote.title"), (s) => t("host.vote.progress", { done: s.votesCast, total: s.connectedCount }), (s) => h("div", {}, waitingLine(scenario, s), h("p", { class: "hint" }, t("host.vote.secret"))))(snapshot);
    case "resolve":
    case "results":
      return {
        element: h(
          "section",
          { class: "side-section" },
          h("h2", {}, t("why.title")),
          snapshot.captures.length > 0
            ? h("p", { class: "captures" }, capturesLine(scenario, snapshot, lang))
            : null,
          createWhyList(scenario, snapshot.effects, 6),
        ),
        update: () => undefined,
      };
    case "debrief":
    case "ended": {
      const d = getDebrief(scenario, snapshot, lang);
      const score = (n: number | null) => (n === null ? "—" : formatNumber(Math.round(n)));
      return {
        element: h(
          "section",
          { class: "side-section" },
          h("h2", {}, t("debrief.title")),
          h("p", { class: "hint" }, t("debrief.scoreHint")),
          h(
            "table",
            { class: "score-table" },
            h("thead", {}, h("tr", {}, h("th", { attrs: { scope: "col" } }, t("debrief.agenda")), h("th", { attrs: { scope: "col" } }, t("debrief.class")), h("th", { attrs: { scope: "col" } }, t("debrief.history")))),
            h(
              "tbody",
              {},
              h("tr", { class: "class-row" }, h("th", { attrs: { scope: "row" } }, d.classAgendaName), h("td", {}, score(d.classOutcome)), h("td", {}, score(d.historicalClassOutcome))),
              ...d.roles.map((r) => h("tr", {}, h("th", { attrs: { scope: "row" } }, r.name), h("td", {}, score(r.classScore)), h("td", {}, score(r.historicalScore)))),
            ),
          ),
          h("h3", {}, t("debrief.topArguments")),
          d.topArguments.length === 0
            ? h("p", { class: "muted" }, t("host.debrief.noTopArguments"))
            : h("ol", { class: "wall" }, ...d.topArguments.slice(0, 3).map((c) => h("li", { class: "argument", attrs: { style: `--policy-color:${c.policyColor}` } }, h("p", { class: "argument-policy" }, c.policyName), h("p", { class: "argument-text" }, c.text), h("p", { class: "argument-meta" }, t("argument.endorsements", { count: c.endorsements }))))),
          // The ended screen's banner has these already.
          snapshot.phase === "debrief" ? createReportLinks(snapshot.code) : null,
        ),
        update: () => undefined,
      };
    }
    default:
      return { element: h("section", { class: "side-section" }), update: () => undefined };
  }
}

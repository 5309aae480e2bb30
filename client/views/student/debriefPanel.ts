// Debrief on the phone: the class's path against Mexico's choices replayed by the model and the recorded series
// (SVG charts with their numbers), every role's agenda score against history, and the most endorsed arguments.
// All DOM and SVG: a phone never loads the board engine.
import { formatNumber, getLanguage, t } from "../../i18n/i18n.ts";
import type { SessionSnapshot } from "../../state/snapshot.ts";
import { h, replaceChildren } from "../../ui/dom.ts";
import { redrawOnChange } from "./redrawOnChange.ts";
import { getLineCharts } from "../../viewModels/chartModel.ts";
import { getDebrief } from "../../viewModels/debriefModel.ts";
import type { Panel, PanelContext } from "../panel.ts";
import { createLineChart } from "../phoneCharts/lineChart.ts";

export function createDebriefPanel(ctx: PanelContext, snapshot: SessionSnapshot, roleId: string): Panel {
  const body = h("div", { class: "debrief-body" });
  const score = (n: number | null) => (n === null ? "—" : formatNumber(Math.round(n)));
  const render = (s: SessionSnapshot) => {
    const lang = getLanguage();
    const d = getDebrief(ctx.scenario, s, lang);
    const charts = getLineCharts(ctx.scenario, s, lang);
    // The student's own role first, then the others in the scenario's order.
    const roles = [...d.roles].sort((a, b) => Number(b.id === roleId) - Number(a.id === roleId));
    const scoreRow = (name: string, ours: number | null, history: number | null, isOwn = false) =>
      h(
        "tr",
        { class: isOwn ? "own-role" : undefined },
        h("th", { attrs: { scope: "row" } }, name, isOwn ? h("span", { class: "own-tag" }, ` · ${t("phone.debrief.yourRole")}`) : null),
        h("td", {}, score(ours)),
        h("td", {}, score(history)),
      );
    replaceChildren(
      body,
      ...charts.map((chart) => createLineChart(ctx.scenario, chart)),
      h("h3", {}, t("phone.debrief.scores")),
      h("p", { class: "hint" }, t("debrief.scoreHint")),
      h(
        "table",
        { class: "score-table" },
        h("thead", {}, h("tr", {}, h("th", { attrs: { scope: "col" } }, t("debrief.agenda")), h("th", { attrs: { scope: "col" } }, t("debrief.class")), h("th", { attrs: { scope: "col" } }, t("debrief.history")))),
        h(
          "tbody",
          {},
          scoreRow(d.classAgendaName, d.classOutcome, d.historicalClassOutcome),
          ...roles.map((r) => scoreRow(r.name, r.classScore, r.historicalScore, r.id === roleId)),
        ),
      ),
      h("h3", {}, t("debrief.topArguments")),
      d.topArguments.length === 0
        ? h("p", { class: "muted" }, t("debate.empty"))
        : h(
            "ol",
            { class: "argument-list" },
            ...d.topArguments.map((c) =>
              h("li", { class: "argument", attrs: { style: `--policy-color:${c.policyColor}` } }, h("p", { class: "argument-policy" }, c.policyName), h("p", { class: "argument-text" }, c.text), h("p", { class: "argument-meta" }, t("argument.endorsements", { count: c.endorsements }))),
            ),
          ),
      s.phase === "ended" ? h("p", {}, t("debrief.ended"), " ", h("a", { attrs: { href: "/" } }, t("common.backHome"))) : null,
    );
  };
  const update = redrawOnChange(snapshot, signature, render);
  const element = h("section", { class: "panel debrief" }, h("h2", { attrs: { tabindex: -1 } }, t("debrief.title")), body);
  return { element, update };
}

/** What the debrief shows: it is redrawn only when one of these changes (the replay may arrive after the phase). */
function signature(s: SessionSnapshot): string {
  return JSON.stringify([s.phase, s.years.length, s.historicalYears.length, s.classOutcome, s.historicalClassOutcome, s.roleScores, s.historicalRoleScores, s.arguments.map((a) => a.endorsements)]);
}

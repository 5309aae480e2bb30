// Results on the phone: the role's agenda score, the country after the round (every indicator with its change),
// the "why" lines, the map (an SVG and a ranked list of regions), this round's captures and the class's vote.
// All DOM and SVG: a phone never loads the board engine.
import { formatNumber, getLanguage, t } from "../../i18n/i18n.ts";
import type { SessionSnapshot } from "../../state/snapshot.ts";
import { h, replaceChildren } from "../../ui/dom.ts";
import { redrawOnChange } from "./redrawOnChange.ts";
import type { Panel, PanelContext } from "../panel.ts";
import { createCaptureList } from "../phoneCharts/captureList.ts";
import { createMeterList } from "../phoneCharts/meterList.ts";
import { createRegionMap } from "../phoneCharts/regionMap.ts";
import { createRevealBars } from "../revealBars.ts";
import { createWhyList } from "../whyList.ts";

export function createResultsPanel(ctx: PanelContext, snapshot: SessionSnapshot, roleId: string): Panel {
  const role = ctx.scenario.roles.find((r) => r.id === roleId);
  const body = h("div", { class: "results-body" });
  const render = (s: SessionSnapshot) => {
    const score = s.roleScores[roleId];
    replaceChildren(
      body,
      role && score !== undefined ? h("p", { class: "role-score" }, t("results.roleScore", { role: role.name[getLanguage()], score: formatNumber(Math.round(score)) })) : null,
      h("h3", {}, t("phone.results.outcome")),
      h("p", { class: "hint" }, t("board.meters.key")),
      createMeterList(ctx.scenario, s),
      h("h3", {}, t("why.title")),
      createWhyList(ctx.scenario, s.effects, 5),
      h("h3", {}, t("board.compactTitle")),
      createRegionMap(ctx.scenario, s),
      h("h3", {}, t("phone.captures.title")),
      createCaptureList(ctx.scenario, s),
      h("h3", {}, t("reveal.title")),
      createRevealBars(ctx.scenario, s, { onlyBacked: true }),
    );
  };
  const update = redrawOnChange(snapshot, signature, render);
  const element = h("section", { class: "panel results" }, h("h2", { attrs: { tabindex: -1 } }, t("results.title", { round: snapshot.round })), body);
  return { element, update };
}

function signature(s: SessionSnapshot): string {
  return JSON.stringify([s.indicators, s.regions, s.effects.length, s.captures.length, s.tally, s.mix, s.roleScores, s.years.length]);
}

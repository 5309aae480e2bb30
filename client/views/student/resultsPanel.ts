// Results on the phone: the class's vote, how the role's agenda fared, the "why" lines and a compact board.
import { formatNumber, getLanguage, t } from "../../i18n/i18n.ts";
import type { SessionSnapshot } from "../../state/snapshot.ts";
import { h } from "../../ui/dom.ts";
import type { Panel, PanelContext } from "../panel.ts";
import { createRevealBars } from "../revealBars.ts";
import { createWhyList } from "../whyList.ts";
import { mountCompactBoard } from "../boardMount.ts";

export function createResultsPanel(ctx: PanelContext, snapshot: SessionSnapshot, roleId: string): Panel {
  const role = ctx.scenario.roles.find((r) => r.id === roleId);
  const score = snapshot.roleScores[roleId];
  const boardHost = h("div", { class: "compact-board" });
  const element = h(
    "section",
    { class: "panel results" },
    h("h2", {}, t("results.title", { round: snapshot.round })),
    role && score !== undefined
      ? h("p", { class: "role-score" }, t("results.roleScore", { role: role.name[getLanguage()], score: formatNumber(Math.round(score)) }))
      : null,
    h("h3", {}, t("reveal.title")),
    createRevealBars(ctx.scenario, snapshot, { onlyBacked: true }),
    h("h3", {}, t("why.title")),
    createWhyList(ctx.scenario, snapshot.effects, 5),
    h("h3", {}, t("board.compactTitle")),
    boardHost,
  );
  const board = mountCompactBoard(boardHost, ctx.scenario, snapshot);
  return { element, update: (s) => board.update(s), destroy: () => board.destroy() };
}

// Debrief on the phone: the class outcome and this role's score against what Mexico did, and the top arguments.
import { formatNumber, getLanguage, t } from "../../i18n/i18n.ts";
import type { SessionSnapshot } from "../../state/snapshot.ts";
import { h } from "../../ui/dom.ts";
import { getDebrief } from "../../viewModels/debriefModel.ts";
import type { Panel, PanelContext } from "../panel.ts";

export function createDebriefPanel(ctx: PanelContext, snapshot: SessionSnapshot, roleId: string): Panel {
  const d = getDebrief(ctx.scenario, snapshot, getLanguage());
  const role = d.roles.find((r) => r.id === roleId);
  const score = (n: number | null) => (n === null ? "—" : formatNumber(Math.round(n)));
  const element = h(
    "section",
    { class: "panel debrief" },
    h("h2", {}, t("debrief.title")),
    h("p", { class: "hint" }, t("debrief.scoreHint")),
    h(
      "dl",
      { class: "score-list" },
      h("dt", {}, d.classAgendaName),
      h("dd", {}, t("debrief.versus", { ours: score(d.classOutcome), history: score(d.historicalClassOutcome) })),
      role ? h("dt", {}, role.name) : null,
      role ? h("dd", {}, t("debrief.versus", { ours: score(role.classScore), history: score(role.historicalScore) })) : null,
    ),
    h("h3", {}, t("debrief.topArguments")),
    d.topArguments.length === 0
      ? h("p", { class: "muted" }, t("debate.empty"))
      : h("ol", { class: "argument-list" }, ...d.topArguments.map((c) => h("li", { class: "argument", attrs: { style: `--policy-color:${c.policyColor}` } }, h("p", { class: "argument-policy" }, c.policyName), h("p", { class: "argument-text" }, c.text), h("p", { class: "argument-meta" }, t("argument.endorsements", { count: c.endorsements }))))),
    snapshot.phase === "ended" ? h("p", {}, t("debrief.ended"), " ", h("a", { attrs: { href: "/" } }, t("common.backHome"))) : null,
  );
  return { element, update: () => undefined };
}

// After "End session": says the session is over and gives the host a way on: the session's report, or a new session.
import { t } from "../../i18n/i18n.ts";
import type { SessionSnapshot } from "../../state/snapshot.ts";
import { h } from "../../ui/dom.ts";
import type { Panel } from "../panel.ts";
import { createReportLinks } from "../report/reportLinks.ts";

export function createEndedBanner(snapshot: SessionSnapshot): Panel {
  const played = snapshot.roundLog.length;
  const element = h(
    "section",
    { class: "ended-banner", attrs: { "aria-labelledby": "ended-title" } },
    h("div", {}, h("h2", { id: "ended-title" }, t("host.ended.title")), h("p", {}, t("host.ended.summary", { rounds: played, total: snapshot.totalRounds }))),
    h(
      "div",
      { class: "ended-actions" },
      h("a", { class: "button big report-link", attrs: { href: `/report/${snapshot.code}` } }, t("host.ended.report")),
      h("a", { class: "button primary big new-session", attrs: { href: "/host" } }, t("host.newSession")),
    ),
    createReportLinks(snapshot.code),
  );
  return { element, update: () => undefined };
}

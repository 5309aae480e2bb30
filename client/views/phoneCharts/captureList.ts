// This round's captures on a phone: named leaders one by one with what became of their group, lesser targets
// counted (the same summary and words as the printable report).
import { nameCapture } from "../../../shared/content/scenarioText.ts";
import type { Scenario } from "../../../shared/content/scenarioSchema.ts";
import { getLanguage, t, tn } from "../../i18n/i18n.ts";
import type { SessionSnapshot } from "../../state/snapshot.ts";
import { h } from "../../ui/dom.ts";
import type { CaptureOutcome } from "../report/reportModel.ts";
import { getCaptureSummary } from "../report/reportModel.ts";

function outcomeText(outcome: CaptureOutcome, splinters: number): string {
  return outcome === "dismantled" ? t("report.round.dismantled") : outcome === "split" ? tn("report.round.splinters", splinters) : t("report.round.intact");
}

export function createCaptureList(scenario: Scenario, snapshot: Pick<SessionSnapshot, "captures">): HTMLElement {
  const lang = getLanguage();
  const summary = getCaptureSummary(snapshot.captures.map((c) => nameCapture(scenario, c, lang)));
  if (summary.named.length === 0 && summary.lesser.count === 0) return h("p", { class: "muted" }, t("phone.captures.none"));
  return h(
    "ul",
    { class: "capture-list" },
    ...summary.named.map((c) => h("li", {}, h("strong", {}, c.name), ` (${c.regionName}, ${c.year}): ${outcomeText(c.outcome, c.splinters)}`)),
    summary.lesser.count > 0 ? h("li", {}, tn("report.round.lesser", summary.lesser.count, { split: summary.lesser.split, dismantled: summary.lesser.dismantled })) : null,
  );
}

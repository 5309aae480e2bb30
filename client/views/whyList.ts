// The "why" lines of the last resolve as a list: indicator change (arrow, signed number, words) and the cited figures.
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import { getLanguage, t } from "../i18n/i18n.ts";
import type { EffectSnapshot } from "../state/snapshot.ts";
import { h } from "../ui/dom.ts";
import { getWhyLines } from "../viewModels/whyLines.ts";

export function createWhyList(scenario: Scenario, effects: readonly EffectSnapshot[], limit = 8): HTMLElement {
  const lines = getWhyLines(scenario, effects, getLanguage(), limit);
  if (lines.length === 0) return h("p", { class: "muted" }, t("why.none"));
  return h(
    "ol",
    { class: "why-list" },
    ...lines.map((line) =>
      h(
        "li",
        { class: "why-line", attrs: { "data-tone": line.tone } },
        h("p", { class: "why-head" }, h("span", { class: "why-delta" }, `${line.deltaText} `), h("span", { class: "why-indicator" }, line.indicatorLabel), line.regionName ? ` · ${line.regionName}` : ""),
        h("p", { class: "why-text" }, line.text),
        ...line.citations.map((c) => h("p", { class: "why-cite" }, t("why.cite", { claim: c.claim, period: c.period }))),
      ),
    ),
  );
}

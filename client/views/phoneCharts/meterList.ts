// The round's outcome on a phone: every indicator with its value and its change since the last round
// (arrow, signed number and words for better/worse, so colour is never the only signal).
import type { Scenario } from "../../../shared/content/scenarioSchema.ts";
import { getLanguage, t } from "../../i18n/i18n.ts";
import type { SessionSnapshot } from "../../state/snapshot.ts";
import { h } from "../../ui/dom.ts";
import { getMeters } from "../../viewModels/metersModel.ts";

export function createMeterList(scenario: Scenario, snapshot: SessionSnapshot): HTMLElement {
  const meters = getMeters(scenario, snapshot, getLanguage());
  return h(
    "ul",
    { class: "phone-meters", attrs: { "aria-label": t("board.meters.title") } },
    ...meters.map((m) =>
      h(
        "li",
        { class: "phone-meter", attrs: { "data-tone": m.tone, "data-indicator": m.indicator } },
        h("span", { class: "meter-label" }, m.label, h("span", { class: "meter-unit" }, m.unit)),
        h("span", { class: "meter-value" }, m.valueText),
        m.delta === null
          ? h("span", { class: "meter-change muted" }, t("phone.meter.noChange"))
          : h(
              "span",
              { class: "meter-change" },
              h("span", { attrs: { "aria-hidden": "true" } }, `${m.arrow} `),
              m.deltaText,
              m.tone === "neutral" ? null : h("span", { class: "meter-tone" }, ` · ${m.tone === "better" ? t("phone.meter.better") : t("phone.meter.worse")}`),
            ),
      ),
    ),
  );
}

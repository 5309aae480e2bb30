// The calibration panel: every target with the value the edited scenario's historical replay gives, its range, and within/outside in words.
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import type { CalibrationRow } from "./previewModel.ts";
import { formatValue, localize, t } from "./editorI18n.ts";
import { h } from "../ui/dom.ts";

function rangeText(min: number, max: number | undefined): string {
  return max === undefined ? t("calibration.atLeast", { min: formatValue(min) }) : t("calibration.range", { min: formatValue(min), max: formatValue(max) });
}

export function renderCalibration(scenario: Scenario, rows: readonly CalibrationRow[], seedCount: number): HTMLElement {
  const within = rows.filter((r) => r.result.isWithin).length;
  const body = rows.map(({ result, withinSeeds }) => {
    const status = result.isWithin ? "within" : "outside";
    return h(
      "tr",
      { attrs: { "data-status": status, "data-target": result.target.id } },
      h("th", { attrs: { scope: "row" } }, localize(result.target.label)),
      h("td", { class: "num" }, formatValue(result.value)),
      h("td", {}, rangeText(result.target.min, result.target.max)),
      h("td", {}, h("span", { class: `badge ${status}` }, h("span", { attrs: { "aria-hidden": "true" } }, result.isWithin ? "✓ " : "✗ "), result.isWithin ? t("calibration.within") : t("calibration.outside"))),
      h("td", { class: "num" }, t("calibration.seeds", { count: withinSeeds, total: seedCount })),
    );
  });
  return h(
    "div",
    { class: "calibration" },
    h("p", { class: "calibration-summary", attrs: { "data-within": within, "data-total": rows.length } }, t("calibration.summary", { within, total: rows.length, seed: scenario.settings.defaultSeed })),
    h(
      "table",
      { class: "calibration-table" },
      h("caption", { class: "visually-hidden" }, t("calibration.title")),
      h("thead", {}, h("tr", {}, h("th", { attrs: { scope: "col" } }, t("calibration.target")), h("th", { attrs: { scope: "col" } }, t("calibration.value")), h("th", { attrs: { scope: "col" } }, t("calibration.tolerance")), h("th", { attrs: { scope: "col" } }, t("calibration.status")), h("th", { attrs: { scope: "col" } }, t("calibration.seedsHeader")))),
      h("tbody", {}, ...body),
    ),
  );
}

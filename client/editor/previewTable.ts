// The chart's data as a table (the accessible alternative): year, the chosen path, its 10th–90th percentile band, the historical path.
import type { ChartInput } from "./lineChart.ts";
import { formatValue, t } from "./editorI18n.ts";
import { h } from "../ui/dom.ts";

export function renderPreviewTable(input: ChartInput): HTMLTableElement {
  const head = h("tr", {}, h("th", { attrs: { scope: "col" } }, t("chart.year")), h("th", { attrs: { scope: "col" } }, input.lineLabel), h("th", { attrs: { scope: "col" } }, t("chart.low")), h("th", { attrs: { scope: "col" } }, t("chart.high")), input.reference ? h("th", { attrs: { scope: "col" } }, input.referenceLabel) : null);
  const rows = input.years.map((year, i) =>
    h(
      "tr",
      {},
      h("th", { attrs: { scope: "row" } }, String(year)),
      h("td", {}, formatValue(input.line[i] ?? null)),
      h("td", {}, formatValue(input.band[i]?.low ?? null)),
      h("td", {}, formatValue(input.band[i]?.high ?? null)),
      input.reference ? h("td", {}, formatValue(input.reference[i] ?? null)) : null,
    ),
  );
  return h("table", { class: "preview-table" }, h("caption", {}, t("chart.tableCaption", { indicator: input.indicatorLabel })), h("thead", {}, head), h("tbody", {}, ...rows));
}

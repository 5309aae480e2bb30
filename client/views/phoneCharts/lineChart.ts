// One indicator's line chart on a phone, without the board engine: the class's path, Mexico's choices replayed
// by the model (debrief) and the recorded series with its source, as an SVG with a key, a summary sentence per
// line and the numbers in a table one tap away (what a screen reader reads instead of the picture).
import type { Scenario } from "../../../shared/content/scenarioSchema.ts";
import { getLanguage, t } from "../../i18n/i18n.ts";
import { h, uid } from "../../ui/dom.ts";
import type { ChartSeries, LineChart } from "../../viewModels/chartModel.ts";
import { formatCompact, formatIndicatorValue } from "../../viewModels/format.ts";
import { svg } from "./svg.ts";

const WIDTH = 340;
const HEIGHT = 190;
const MARGIN = { left: 46, right: 10, top: 10, bottom: 26 };

/** How each line is drawn: colour and dash, so the lines differ without colour too. */
const STYLES = {
  classPath: { color: "#1f4e8c", dash: "", width: 3.5 },
  historicalPath: { color: "#b04a00", dash: "9 5", width: 3 },
  observed: { color: "#3d3d3d", dash: "2 4", width: 2.5 },
} as const;

type SeriesKey = keyof typeof STYLES;

interface NamedSeries {
  key: SeriesKey;
  name: string;
  /** The table's column heading (the key gives the full name). */
  shortName: string;
  series: ChartSeries;
}

function getSeries(chart: LineChart): NamedSeries[] {
  const list: NamedSeries[] = [{ key: "classPath", name: t("board.chart.class"), shortName: t("debrief.class"), series: chart.classPath }];
  if (chart.historicalPath) list.push({ key: "historicalPath", name: t("board.chart.history"), shortName: t("debrief.history"), series: chart.historicalPath });
  if (chart.observed) list.push({ key: "observed", name: `${t("board.chart.observed")} (${chart.observed.source})`, shortName: t("board.chart.observed"), series: chart.observed });
  return list.filter((s) => s.series.points.length > 0);
}

function lineSample(key: SeriesKey): SVGSVGElement {
  const style = STYLES[key];
  return svg("svg", { class: "line-sample", viewBox: "0 0 30 10", width: 30, height: 10, "aria-hidden": "true" }, svg("line", { x1: 1, y1: 5, x2: 29, y2: 5, stroke: style.color, "stroke-width": style.width, "stroke-dasharray": style.dash || undefined }));
}

export function createLineChart(scenario: Scenario, chart: LineChart): HTMLElement {
  const lang = getLanguage();
  const format = scenario.indicators[chart.indicator as keyof typeof scenario.indicators]?.format ?? "count";
  const value = (n: number) => formatIndicatorValue(n, format, lang);
  const series = getSeries(chart);
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (year: number) => MARGIN.left + ((year - chart.xMin) / Math.max(1, chart.xMax - chart.xMin)) * plotW;
  const y = (v: number) => MARGIN.top + plotH - ((v - chart.yMin) / Math.max(1e-9, chart.yMax - chart.yMin)) * plotH;
  const midYear = Math.round((chart.xMin + chart.xMax) / 2);
  const titleId = uid("chart-title");
  const picture = svg(
    "svg",
    { class: "phone-chart-svg", viewBox: `0 0 ${WIDTH} ${HEIGHT}`, "aria-hidden": "true" },
    ...chart.yTicks.flatMap((tick) => [
      svg("line", { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(tick), y2: y(tick), stroke: "#d9d3c7", "stroke-width": 1 }),
      svg("text", { x: MARGIN.left - 5, y: y(tick), "text-anchor": "end", "dominant-baseline": "central", "font-size": 12, fill: "#4d4d4d" }, format === "count" ? formatCompact(tick, lang) : value(tick)),
    ]),
    ...[chart.xMin, midYear, chart.xMax].map((year, i) =>
      svg("text", { x: x(year), y: HEIGHT - 7, "text-anchor": i === 0 ? "start" : i === 2 ? "end" : "middle", "font-size": 12, fill: "#4d4d4d" }, String(year)),
    ),
    ...series.map(({ key, series: s }) => {
      const style = STYLES[key];
      return svg("polyline", { points: s.points.map((p) => `${x(p.year).toFixed(1)},${y(p.value).toFixed(1)}`).join(" "), fill: "none", stroke: style.color, "stroke-width": style.width, "stroke-dasharray": style.dash || undefined, "stroke-linejoin": "round" });
    }),
    // Recorded years as dots; a preliminary figure is a hollow dot.
    ...(chart.observed?.points ?? []).map((p) => svg("circle", { cx: x(p.year), cy: y(p.value), r: 3.5, fill: p.preliminary ? "#ffffff" : STYLES.observed.color, stroke: STYLES.observed.color, "stroke-width": 1.5 })),
  );
  const hasPreliminary = (chart.observed?.points ?? []).some((p) => p.preliminary);
  const summaries = series.map(({ name, series: s }) => {
    const first = s.points[0];
    const last = s.points[s.points.length - 1];
    return first && last ? t("phone.chart.summary", { series: name, from: value(first.value), fromYear: first.year, to: value(last.value), toYear: last.year }) : "";
  });
  const years = [...new Set(series.flatMap(({ series: s }) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
  const cell = (s: ChartSeries, year: number) => {
    const point = s.points.find((p) => p.year === year);
    if (!point) return "—";
    return `${value(point.value)}${point.preliminary ? "*" : ""}`;
  };
  const table = h(
    "table",
    { class: "chart-table" },
    h("caption", {}, chart.title),
    h("thead", {}, h("tr", {}, h("th", { attrs: { scope: "col" } }, t("phone.chart.year")), ...series.map((s) => h("th", { attrs: { scope: "col" } }, s.shortName)))),
    h("tbody", {}, ...years.map((year) => h("tr", {}, h("th", { attrs: { scope: "row" } }, String(year)), ...series.map((s) => h("td", {}, cell(s.series, year)))))),
  );
  return h(
    "figure",
    { class: "phone-chart", attrs: { "aria-labelledby": titleId, "data-indicator": chart.indicator } },
    h("figcaption", { id: titleId, class: "chart-title" }, chart.title),
    picture,
    h("ul", { class: "chart-key" }, ...series.map((s, i) => h("li", { attrs: { "data-series": s.key } }, lineSample(s.key), h("span", {}, summaries[i] ?? s.name)))),
    hasPreliminary ? h("p", { class: "hint" }, `○ / * ${t("board.chart.preliminary")}`) : null,
    h("details", { class: "chart-numbers" }, h("summary", {}, t("phone.chart.numbers")), table),
  );
}

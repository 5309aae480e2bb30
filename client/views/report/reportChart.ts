// One report chart as plain SVG: the class's path, Mexico's choices replayed, and the observed series, told apart by dash pattern and marker shape as well as colour (legible printed in black and white).
import { formatNumber, t } from "../../i18n/i18n.ts";
import { h, uid } from "../../ui/dom.ts";
import { createScale, getLinePath, getNiceTicks } from "../../editor/chartGeometry.ts";
import type { Scale } from "../../editor/chartGeometry.ts";
import type { ReportChart, SeriesKind } from "./reportModel.ts";

const SVG = "http://www.w3.org/2000/svg";
const BOX = { width: 480, height: 260, left: 58, right: 24, top: 14, bottom: 42 };

/** Legend text of each series. */
function seriesLabel(kind: SeriesKind): string {
  switch (kind) {
    case "class":
      return t("report.chart.class");
    case "historical":
      return t("report.chart.historical");
    case "observed":
      return t("report.chart.observed");
  }
}

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The marker of a series at (x, y): circle (class), square (historical), triangle (observed). */
function marker(kind: SeriesKind, x: number, y: number): SVGElement {
  const cls = `marker series-${kind}`;
  if (kind === "class") return el("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: 3.6, class: cls });
  if (kind === "historical") return el("rect", { x: (x - 3.4).toFixed(1), y: (y - 3.4).toFixed(1), width: 6.8, height: 6.8, class: cls });
  return el("path", { d: `M${x.toFixed(1)} ${(y - 4.4).toFixed(1)} L${(x + 4.2).toFixed(1)} ${(y + 3.2).toFixed(1)} L${(x - 4.2).toFixed(1)} ${(y + 3.2).toFixed(1)} Z`, class: cls });
}

function formatTick(value: number, max: number): string {
  return max >= 10_000 ? formatNumber(value, { notation: "compact", maximumFractionDigits: 1 }) : formatNumber(value, { maximumFractionDigits: 1 });
}

/** A small SVG sample of a series' line and marker, for the legend. */
function legendSample(kind: SeriesKind): SVGSVGElement {
  const svg = el("svg", { viewBox: "0 0 40 12", width: 40, height: 12, class: "legend-sample", "aria-hidden": "true" });
  svg.append(el("path", { d: "M2 6 L38 6", class: `line series-${kind}` }), marker(kind, 20, 6));
  return svg;
}

/** "Class's path: 10,452 (2006) → 16,920 (2011)" for each series: what a screen reader hears for the chart. */
function describe(chart: ReportChart): string {
  const parts = chart.series
    .filter((s) => s.points.length > 0)
    .map((s) => {
      const first = s.points[0]!;
      const last = s.points[s.points.length - 1]!;
      return t("report.chart.describe", { series: seriesLabel(s.kind), from: formatNumber(first.value, { maximumFractionDigits: 1 }), fromYear: first.year, to: formatNumber(last.value, { maximumFractionDigits: 1 }), toYear: last.year });
    });
  return `${chart.title}. ${parts.join("; ")}.`;
}

export function renderReportChart(chart: ReportChart): HTMLElement {
  const titleId = uid("chart-title");
  const descId = uid("chart-desc");
  const svg = el("svg", { viewBox: `0 0 ${BOX.width} ${BOX.height}`, role: "img", "aria-labelledby": `${titleId} ${descId}`, class: "report-chart-svg" });
  const values = chart.series.flatMap((s) => s.points.map((p) => p.value));
  const yTicks = getNiceTicks(Math.min(0, ...values), Math.max(1, ...values), 4);
  const yMin = yTicks[0] ?? 0;
  const yMax = yTicks[yTicks.length - 1] ?? 1;
  const x: Scale = createScale([chart.xMin, Math.max(chart.xMax, chart.xMin + 1)], [BOX.left, BOX.width - BOX.right]);
  const y: Scale = createScale([yMin, yMax], [BOX.height - BOX.bottom, BOX.top]);

  const grid = el("g", { class: "grid" });
  for (const tick of yTicks) {
    grid.append(el("line", { x1: BOX.left, x2: BOX.width - BOX.right, y1: y(tick).toFixed(1), y2: y(tick).toFixed(1) }));
    grid.append(el("text", { x: BOX.left - 6, y: (y(tick) + 4).toFixed(1), "text-anchor": "end", class: "tick" }, formatTick(tick, yMax)));
  }
  for (let year = chart.xMin; year <= chart.xMax; year++) {
    const span = chart.xMax - chart.xMin;
    // Every year on a short chart, every third (a round) on a long one, and always the last.
    if (span > 8 && (year - chart.xMin) % 3 !== 0 && year !== chart.xMax) continue;
    grid.append(el("text", { x: x(year).toFixed(1), y: BOX.height - BOX.bottom + 18, "text-anchor": "middle", class: "tick" }, String(year)));
  }
  grid.append(el("line", { x1: BOX.left, x2: BOX.left, y1: BOX.top, y2: BOX.height - BOX.bottom, class: "axis" }));
  grid.append(el("line", { x1: BOX.left, x2: BOX.width - BOX.right, y1: BOX.height - BOX.bottom, y2: BOX.height - BOX.bottom, class: "axis" }));
  grid.append(el("text", { x: (BOX.left + BOX.width - BOX.right) / 2, y: BOX.height - 6, "text-anchor": "middle", class: "axis-label" }, t("report.chart.year")));
  svg.append(grid);

  // Observed first, the class's path last, so the class's line is drawn on top.
  const order: SeriesKind[] = ["observed", "historical", "class"];
  for (const kind of order) {
    const series = chart.series.find((s) => s.kind === kind);
    if (!series || series.points.length === 0) continue;
    const g = el("g", { class: `series series-${kind}` });
    g.append(el("path", { d: getLinePath(series.points.map((p) => p.year), series.points.map((p) => p.value), x, y), class: `line series-${kind}` }));
    for (const p of series.points) g.append(marker(kind, x(p.year), y(p.value)));
    svg.append(g);
  }

  const legend = h(
    "ul",
    { class: "report-legend" },
    ...chart.series.map((s) => h("li", { attrs: { "data-series": s.kind } }, legendSample(s.kind), seriesLabel(s.kind))),
  );
  return h(
    "figure",
    { class: "report-chart", attrs: { "data-indicator": chart.indicator } },
    h("figcaption", { id: titleId, class: "report-chart-title" }, chart.title),
    svg,
    h("p", { id: descId, class: "visually-hidden" }, describe(chart)),
    legend,
    chart.observedSource ? h("p", { class: "report-source" }, t("report.chart.source", { source: chart.observedSource })) : null,
  );
}

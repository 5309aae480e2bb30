// The preview's SVG line chart: labelled axes, the chosen path with its Monte-Carlo band, the historical path dashed, a legend.
import type { Band } from "./previewModel.ts";
import { createScale, getBandPath, getLinePath, getNiceTicks } from "./chartGeometry.ts";
import { formatValue, t } from "./editorI18n.ts";

const SVG = "http://www.w3.org/2000/svg";
const BOX = { width: 640, height: 330, left: 72, right: 16, top: 16, bottom: 48 };

export interface ChartInput {
  years: number[];
  line: number[];
  band: Band[];
  /** The historical line, drawn dashed for comparison (omitted when the chosen path is the historical one). */
  reference?: number[];
  indicatorLabel: string;
  unitLabel: string;
  lineLabel: string;
  referenceLabel: string;
}

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

export function renderLineChart(input: ChartInput, titleId: string): SVGSVGElement {
  const svg = el("svg", { viewBox: `0 0 ${BOX.width} ${BOX.height}`, role: "img", "aria-labelledby": titleId, class: "line-chart" });
  const all = [...input.line, ...input.band.flatMap((b) => [b.low, b.high]), ...(input.reference ?? [])].filter(Number.isFinite);
  const yTicks = getNiceTicks(Math.min(0, ...all), Math.max(...all, 1), 5);
  const yMin = yTicks[0] ?? 0;
  const yMax = yTicks[yTicks.length - 1] ?? 1;
  const xMin = input.years[0] ?? 0;
  const xMax = input.years[input.years.length - 1] ?? 1;
  const x = createScale([xMin, xMax], [BOX.left, BOX.width - BOX.right]);
  const y = createScale([yMin, yMax], [BOX.height - BOX.bottom, BOX.top]);

  const grid = el("g", { class: "grid" });
  for (const tick of yTicks) {
    grid.append(el("line", { x1: BOX.left, x2: BOX.width - BOX.right, y1: y(tick), y2: y(tick) }));
    grid.append(el("text", { x: BOX.left - 8, y: y(tick) + 4, "text-anchor": "end", class: "tick" }, formatValue(tick)));
  }
  const xTicks = input.years.filter((yr, i) => i === 0 || i === input.years.length - 1 || (yr - xMin) % 3 === 0);
  for (const yr of xTicks) grid.append(el("text", { x: x(yr), y: BOX.height - BOX.bottom + 18, "text-anchor": "middle", class: "tick" }, String(yr)));
  grid.append(el("line", { x1: BOX.left, x2: BOX.left, y1: BOX.top, y2: BOX.height - BOX.bottom, class: "axis" }));
  grid.append(el("line", { x1: BOX.left, x2: BOX.width - BOX.right, y1: BOX.height - BOX.bottom, y2: BOX.height - BOX.bottom, class: "axis" }));
  grid.append(el("text", { x: (BOX.left + BOX.width - BOX.right) / 2, y: BOX.height - 8, "text-anchor": "middle", class: "axis-label" }, t("chart.year")));
  grid.append(el("text", { x: 14, y: BOX.top + (BOX.height - BOX.top - BOX.bottom) / 2, transform: `rotate(-90 14 ${BOX.top + (BOX.height - BOX.top - BOX.bottom) / 2})`, "text-anchor": "middle", class: "axis-label" }, input.unitLabel || input.indicatorLabel));
  svg.append(grid);

  svg.append(el("path", { d: getBandPath(input.years, input.band.map((b) => b.low), input.band.map((b) => b.high), x, y), class: "band" }));
  if (input.reference) svg.append(el("path", { d: getLinePath(input.years, input.reference, x, y), class: "line reference" }));
  svg.append(el("path", { d: getLinePath(input.years, input.line, x, y), class: "line main" }));
  input.line.forEach((v, i) => {
    const yr = input.years[i];
    if (yr !== undefined && Number.isFinite(v)) svg.append(el("circle", { cx: x(yr), cy: y(v), r: 3, class: "dot" }));
  });
  return svg;
}

/** The legend as HTML (line samples differ by dash pattern as well as colour). */
export function renderLegend(input: ChartInput, seedCount: number): HTMLElement {
  const list = document.createElement("ul");
  list.className = "chart-legend";
  const item = (cls: string, label: string) => {
    const li = document.createElement("li");
    const sample = document.createElement("span");
    sample.className = `legend-sample ${cls}`;
    sample.setAttribute("aria-hidden", "true");
    li.append(sample, document.createTextNode(label));
    list.append(li);
  };
  item("main", input.lineLabel);
  item("band", t("chart.band", { seeds: seedCount }));
  if (input.reference) item("reference", input.referenceLabel);
  return list;
}

// Draws the line charts across the years (class path solid, the replay of Mexico's choices dashed, the recorded series dotted),
// with labelled y-axis ticks, one shared key above them, end labels that never overlap; and the vote reveal bars.
import type Phaser from "phaser";
import type { BoardModel } from "../viewModels/boardModel.ts";
import type { ChartSeries, LineChart } from "../viewModels/chartModel.ts";
import { formatCompact } from "../viewModels/format.ts";
import type { BoardLayout, Rect } from "./layout.ts";
import { addText, toCss } from "./text.ts";

const CLASS_COLOR = 0x1f4e8c;
const HISTORY_COLOR = 0xa3001b;
const OBSERVED_COLOR = 0x333333;
const GRID_COLOR = 0xe2ddd2;
const AXIS_COLOR = 0x9a948a;

type Style = "solid" | "dashed" | "dotted";

function strokeDashed(g: Phaser.GameObjects.Graphics, x1: number, y1: number, x2: number, y2: number, dash: number, gap: number): void {
  const length = Math.hypot(x2 - x1, y2 - y1);
  if (length === 0) return;
  const ux = (x2 - x1) / length;
  const uy = (y2 - y1) / length;
  for (let d = 0; d < length; d += dash + gap) {
    const e = Math.min(d + dash, length);
    g.lineBetween(x1 + ux * d, y1 + uy * d, x1 + ux * e, y1 + uy * e);
  }
}

function strokeLine(g: Phaser.GameObjects.Graphics, style: Style, color: number, x1: number, y1: number, x2: number, y2: number): void {
  if (style === "solid") {
    g.lineStyle(5, color, 1).lineBetween(x1, y1, x2, y2);
  } else if (style === "dashed") {
    g.lineStyle(3, color, 1);
    strokeDashed(g, x1, y1, x2, y2, 10, 7);
  } else {
    g.lineStyle(3, color, 1);
    strokeDashed(g, x1, y1, x2, y2, 3, 5);
  }
}

/** Moves label tops apart (keeping their order) so that no two overlap, within [min, max]. */
export function spreadLabels(wanted: readonly number[], height: number, min: number, max: number): number[] {
  const order = wanted.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  const placed: number[] = [];
  for (const [k, item] of order.entries()) {
    const previous = placed[k - 1];
    placed.push(Math.max(item.y, min, previous === undefined ? -Infinity : previous + height));
  }
  // Pushed past the bottom: slide the stack back up.
  for (let k = placed.length - 1; k >= 0; k--) {
    const next = placed[k + 1];
    placed[k] = Math.min(placed[k] ?? 0, next === undefined ? max - height : next - height);
  }
  const out = new Array<number>(wanted.length);
  order.forEach((item, k) => (out[item.i] = placed[k] ?? item.y));
  return out;
}

export function drawCharts(scene: Phaser.Scene, area: Rect, layout: BoardLayout, model: BoardModel): Phaser.GameObjects.GameObject[] {
  const objects: Phaser.GameObjects.GameObject[] = [];
  const size = layout.font.small;
  const keyHeight = size * 1.35;
  objects.push(...drawKey(scene, area, size * 0.8, model));
  const count = Math.max(model.charts.length, 1);
  const gap = 16;
  const width = (area.width - gap * (count - 1)) / count;
  model.charts.forEach((chart, i) => {
    objects.push(...drawChart(scene, { x: area.x + i * (width + gap), y: area.y + keyHeight, width, height: area.height - keyHeight }, layout, chart));
  });
  return objects;
}

/** One key for every chart: what each line is, and the recorded series' source; smaller type if a language needs the room. */
function drawKey(scene: Phaser.Scene, area: Rect, size: number, model: BoardModel): Phaser.GameObjects.GameObject[] {
  const observed = model.charts.find((c) => c.observed)?.observed ?? null;
  const entries: { style: Style | "preliminary"; color: number; text: string }[] = [{ style: "solid", color: CLASS_COLOR, text: model.labels.classPath }];
  if (model.charts.some((c) => c.historicalPath)) entries.push({ style: "dashed", color: HISTORY_COLOR, text: model.labels.historicalPath });
  if (observed) entries.push({ style: "dotted", color: OBSERVED_COLOR, text: `${model.labels.observedPath} (${observed.source})` });
  if (observed?.points.some((p) => p.preliminary)) entries.push({ style: "preliminary", color: OBSERVED_COLOR, text: model.labels.preliminary });
  const labels = entries.map((e) => addText(scene, 0, area.y, e.text, size, { bold: e.style === "solid" }));
  const swatch = (e: (typeof entries)[number]) => (e.style === "preliminary" ? 16 : 48);
  const natural = labels.reduce((sum, l, i) => sum + l.width + swatch(entries[i] as (typeof entries)[number]) + size * 1.5, 0);
  const fit = Math.min(1, (area.width - 8) / natural);
  const g = scene.add.graphics();
  const objects: Phaser.GameObjects.GameObject[] = [g];
  let x = area.x + 4;
  const y = area.y + size * 0.6;
  entries.forEach((entry, i) => {
    const label = labels[i];
    if (!label) return;
    if (entry.style === "preliminary") g.lineStyle(2, entry.color, 1).fillStyle(0xffffff, 1).fillCircle(x + 6, y, 5).strokeCircle(x + 6, y, 5);
    else strokeLine(g, entry.style, entry.color, x, y, x + 40, y);
    label.setScale(fit).setPosition(x + swatch(entry), area.y + (size * (1 - fit)) / 2);
    objects.push(label);
    x = label.x + label.displayWidth + size * 1.5 * fit;
  });
  return objects;
}

function drawChart(scene: Phaser.Scene, area: Rect, layout: BoardLayout, chart: LineChart): Phaser.GameObjects.GameObject[] {
  const objects: Phaser.GameObjects.GameObject[] = [];
  const size = layout.font.small;
  const tickSize = size * 0.72;
  const lang = document.documentElement.lang === "es" ? "es" : "en";
  const g = scene.add.graphics();
  objects.push(g);
  g.fillStyle(0xffffff, 1).fillRect(area.x, area.y, area.width, area.height);
  const title = addText(scene, area.x + 8, area.y + 3, chart.title, size * 0.9, { bold: true });
  if (title.width > area.width - 16) title.setScale((area.width - 16) / title.width);
  objects.push(title);
  // Left margin from the widest tick label, right margin for the end labels.
  const tickLabels = chart.yTicks.map((v) => addText(scene, 0, 0, formatCompact(v, lang), tickSize, { color: "#4a4a4a", align: "right" }));
  const left = Math.max(...tickLabels.map((t) => t.width), 10) + 14;
  const endWidth = size * 2.9;
  const plot = { x: area.x + left, y: area.y + size * 1.5, width: area.width - left - endWidth - 6, height: area.height - size * 1.5 - tickSize * 1.6 };
  const toX = (year: number) => plot.x + ((year - chart.xMin) / Math.max(chart.xMax - chart.xMin, 1)) * plot.width;
  const toY = (v: number) => plot.y + plot.height - ((v - chart.yMin) / Math.max(chart.yMax - chart.yMin, 1e-9)) * plot.height;
  chart.yTicks.forEach((v, i) => {
    const y = toY(v);
    g.lineStyle(1, i === 0 ? AXIS_COLOR : GRID_COLOR, 1).lineBetween(plot.x, y, plot.x + plot.width, y);
    const label = tickLabels[i];
    if (label) label.setPosition(plot.x - 6, y - label.height / 2);
  });
  objects.push(...tickLabels);
  const midYear = Math.round((chart.xMin + chart.xMax) / 2);
  for (const [year, align] of [[chart.xMin, "left"], [midYear, "center"], [chart.xMax, "right"]] as const) {
    g.lineStyle(1, AXIS_COLOR, 1).lineBetween(toX(year), plot.y + plot.height, toX(year), plot.y + plot.height + 5);
    objects.push(addText(scene, toX(year), plot.y + plot.height + 4, String(year), tickSize, { align, color: "#4a4a4a" }));
  }
  const ends: { value: number; x: number; y: number; color: number }[] = [];
  const series = (s: ChartSeries | null, color: number, style: Style) => {
    if (!s) return;
    for (let i = 1; i < s.points.length; i++) {
      const a = s.points[i - 1];
      const b = s.points[i];
      if (a && b) strokeLine(g, style, color, toX(a.year), toY(a.value), toX(b.year), toY(b.value));
    }
    if (style === "dotted") {
      for (const p of s.points) {
        if (p.preliminary) g.lineStyle(2, color, 1).fillStyle(0xffffff, 1).fillCircle(toX(p.year), toY(p.value), 4).strokeCircle(toX(p.year), toY(p.value), 4);
        else g.fillStyle(color, 1).fillCircle(toX(p.year), toY(p.value), 3);
      }
    }
    const last = s.points[s.points.length - 1];
    if (last) {
      g.fillStyle(color, 1).fillCircle(toX(last.year), toY(last.value), style === "solid" ? 6 : 4);
      ends.push({ value: last.value, x: toX(last.year), y: toY(last.value), color });
    }
  };
  series(chart.observed, OBSERVED_COLOR, "dotted");
  series(chart.historicalPath, HISTORY_COLOR, "dashed");
  series(chart.classPath, CLASS_COLOR, "solid");
  // End labels just right of the lines' last points (all in one column, so they can be spread), never overlapping;
  // a thin line ties a label to its point when it had to move.
  const labelHeight = size * 0.85 * 1.25;
  const tops = spreadLabels(ends.map((e) => e.y - labelHeight / 2), labelHeight, area.y + 2, area.y + area.height - 2);
  const column = Math.min(Math.max(0, ...ends.map((e) => e.x)) + 12, plot.x + plot.width + 12);
  ends.forEach((end, i) => {
    const top = tops[i] ?? end.y;
    if (Math.abs(top + labelHeight / 2 - end.y) > 2) g.lineStyle(1, end.color, 1).lineBetween(end.x + 6, end.y, column - 2, top + labelHeight / 2);
    objects.push(addText(scene, column, top, formatCompact(end.value, lang), size * 0.85, { bold: true, color: toCss(end.color) }));
  });
  return objects;
}

export function drawReveal(scene: Phaser.Scene, area: Rect, layout: BoardLayout, model: BoardModel, animate: boolean): Phaser.GameObjects.GameObject[] {
  const objects: Phaser.GameObjects.GameObject[] = [];
  const bars = model.reveal ?? [];
  const size = layout.font.small;
  const g = scene.add.graphics();
  objects.push(g);
  g.fillStyle(0xffffff, 1).fillRect(area.x, area.y, area.width, area.height);
  objects.push(addText(scene, area.x + 10, area.y + 4, model.labels.revealTitle, size, { bold: true }));
  const columns = 2;
  const rows = Math.ceil(bars.length / columns);
  const top = area.y + size * 1.6;
  const rowHeight = (area.height - size * 1.6 - 4) / Math.max(rows, 1);
  const colWidth = area.width / columns;
  const nameSize = Math.min(size * 0.9, rowHeight * 0.7);
  const names = bars.map((bar) => addText(scene, 0, 0, bar.name, nameSize));
  // The name column is as wide as the longest name (up to half a column); longer names shrink to fit, never run into the bar.
  const nameWidth = Math.min(Math.max(...names.map((n) => n.width), 40), colWidth * 0.5);
  const percentWidth = size * 3.2;
  bars.forEach((bar, i) => {
    const col = Math.floor(i / rows);
    const row = i % rows;
    const x = area.x + col * colWidth + 12;
    const y = top + row * rowHeight;
    const name = names[i];
    if (name) {
      name.setPosition(x, y + (rowHeight - 4 - name.height) / 2);
      if (name.width > nameWidth) name.setScale(nameWidth / name.width);
      objects.push(name);
    }
    const trackX = x + nameWidth + 12;
    const trackW = colWidth - nameWidth - 12 - percentWidth - 24;
    const barHeight = Math.max(rowHeight - 10, 6);
    g.fillStyle(0xe6e1d6, 1).fillRect(trackX, y + 2, trackW, barHeight);
    const fill = scene.add.rectangle(trackX, y + 2, Math.max(trackW * bar.share, 2), barHeight, bar.color).setOrigin(0, 0);
    objects.push(fill);
    objects.push(addText(scene, trackX + trackW + 8, y + (rowHeight - 4 - nameSize * 1.2) / 2, `${Math.round(bar.share * 100)}%`, nameSize, { bold: true }));
    if (animate) {
      fill.scaleX = 0;
      scene.tweens.add({ targets: fill, scaleX: 1, duration: 900, delay: 200 + i * 100, ease: "Cubic.easeOut" });
    }
  });
  return objects;
}

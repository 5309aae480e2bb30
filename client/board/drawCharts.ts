// Draws line charts of indicators across the years (class path solid, historical dashed) and the vote reveal bars.
import type Phaser from "phaser";
import type { BoardModel } from "../viewModels/boardModel.ts";
import type { LineChart } from "../viewModels/chartModel.ts";
import { formatCompact } from "../viewModels/format.ts";
import type { BoardLayout, Rect } from "./layout.ts";
import { addText, toCss } from "./text.ts";

const CLASS_COLOR = 0x1f4e8c;
const HISTORY_COLOR = 0xa3001b;

export function drawCharts(scene: Phaser.Scene, area: Rect, layout: BoardLayout, model: BoardModel): Phaser.GameObjects.GameObject[] {
  const objects: Phaser.GameObjects.GameObject[] = [];
  const count = Math.max(model.charts.length, 1);
  const gap = 20;
  const width = (area.width - gap * (count - 1)) / count;
  model.charts.forEach((chart, i) => {
    objects.push(...drawChart(scene, { x: area.x + i * (width + gap), y: area.y, width, height: area.height }, layout, chart, model));
  });
  return objects;
}

function drawChart(scene: Phaser.Scene, area: Rect, layout: BoardLayout, chart: LineChart, model: BoardModel): Phaser.GameObjects.GameObject[] {
  const objects: Phaser.GameObjects.GameObject[] = [];
  const size = layout.font.small;
  const g = scene.add.graphics();
  objects.push(g);
  g.fillStyle(0xffffff, 1).fillRect(area.x, area.y, area.width, area.height);
  objects.push(addText(scene, area.x + 10, area.y + 4, chart.title, size, { bold: true }));
  const plot = { x: area.x + 12, y: area.y + size * 1.6, width: area.width - 24, height: area.height - size * 2.9 };
  const lang = document.documentElement.lang === "es" ? "es" : "en";
  const toX = (year: number) => plot.x + ((year - chart.xMin) / Math.max(chart.xMax - chart.xMin, 1)) * plot.width;
  const toY = (v: number) => plot.y + plot.height - ((v - chart.yMin) / Math.max(chart.yMax - chart.yMin, 1e-9)) * plot.height;
  g.lineStyle(2, 0x9a948a, 1).lineBetween(plot.x, plot.y + plot.height, plot.x + plot.width, plot.y + plot.height);
  objects.push(addText(scene, plot.x, plot.y + plot.height + 4, String(chart.xMin), size * 0.85));
  objects.push(addText(scene, plot.x + plot.width, plot.y + plot.height + 4, String(chart.xMax), size * 0.85, { align: "right" }));
  const series = (points: { year: number; value: number }[], color: number, dashed: boolean) => {
    g.lineStyle(dashed ? 3 : 5, color, 1);
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1];
      const b = points[i];
      if (!a || !b) continue;
      if (dashed && i % 2 === 0) continue;
      g.lineBetween(toX(a.year), toY(a.value), toX(b.year), toY(b.value));
    }
    const last = points[points.length - 1];
    if (last) {
      g.fillStyle(color, 1).fillCircle(toX(last.year), toY(last.value), 6);
      objects.push(addText(scene, Math.min(toX(last.year) + 8, plot.x + plot.width - 60), toY(last.value) - size, formatCompact(last.value, lang), size * 0.85, { bold: true, color: toCss(color) }));
    }
  };
  if (chart.historicalPath) series(chart.historicalPath.points, HISTORY_COLOR, true);
  series(chart.classPath.points, CLASS_COLOR, false);
  if (chart.historicalPath) {
    // Key under the plot, between the first and last year, so it never covers the title.
    objects.push(addText(scene, area.x + area.width / 2, plot.y + plot.height + 4, `━ ${model.labels.classPath}  ╍ ${model.labels.historicalPath}`, size * 0.75, { align: "center" }));
  }
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
  const rowHeight = (area.height - size * 1.6) / Math.max(rows, 1);
  const colWidth = area.width / columns;
  bars.forEach((bar, i) => {
    const col = Math.floor(i / rows);
    const row = i % rows;
    const x = area.x + col * colWidth + 10;
    const y = area.y + size * 1.6 + row * rowHeight;
    const nameWidth = colWidth * 0.42;
    objects.push(addText(scene, x, y, bar.name, size * 0.9));
    const trackX = x + nameWidth;
    const trackW = colWidth - nameWidth - 120;
    g.fillStyle(0xe6e1d6, 1).fillRect(trackX, y + 2, trackW, rowHeight - 8);
    const fill = scene.add.rectangle(trackX, y + 2, Math.max(trackW * bar.share, 2), rowHeight - 8, bar.color).setOrigin(0, 0);
    objects.push(fill);
    objects.push(addText(scene, trackX + trackW + 8, y, `${Math.round(bar.share * 100)}%`, size * 0.9, { bold: true }));
    if (animate) {
      fill.scaleX = 0;
      scene.tweens.add({ targets: fill, scaleX: 1, duration: 900, delay: 200 + i * 100, ease: "Cubic.easeOut" });
    }
  });
  return objects;
}

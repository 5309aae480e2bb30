// Draws the scenario map: regions shaded by violence with names and numbers, group tokens (split/vanish), leaders, legend.
import Phaser from "phaser";
import type { BoardModel } from "../viewModels/boardModel.ts";
import { MAX_TOKENS_PER_REGION } from "../viewModels/tokensModel.ts";
import type { BoardLayout } from "./layout.ts";
import { MAP_GRID } from "./layout.ts";
import { addText } from "./text.ts";

const TOKEN_COLOR = 0x222222;
const TOKENS_PER_ROW = 6;

export function drawMap(scene: Phaser.Scene, layout: BoardLayout, model: BoardModel, animate: boolean): Phaser.GameObjects.GameObject[] {
  const objects: Phaser.GameObjects.GameObject[] = [];
  const { map } = layout;
  const scale = Math.min(map.width / MAP_GRID.width, map.height / MAP_GRID.height);
  const px = (x: number) => map.x + x * scale;
  const py = (y: number) => map.y + y * scale;
  const shapes = scene.add.graphics();
  objects.push(shapes);
  for (const region of model.map.regions) {
    const points = region.polygon.map(([x, y]) => new Phaser.Math.Vector2(px(x), py(y)));
    shapes.fillStyle(region.level.fill, 1).fillPoints(points, true);
    shapes.lineStyle(3, 0x4a4a4a, 1).strokePoints(points, true);
  }
  const radius = layout.font.small * 0.4;
  const gap = radius * 2.6;
  for (const region of model.map.regions) {
    const [lx, ly] = region.label;
    const cx = px(lx);
    let y = py(ly) - layout.font.body;
    // Dark text with a light halo stays readable on every shade and where labels of small regions meet.
    const textColor = "#111111";
    const halo = "#ffffff";
    objects.push(addText(scene, cx, y, region.name, layout.font.small, { bold: true, align: "center", color: textColor, stroke: halo }));
    y += layout.font.small * 1.15;
    objects.push(addText(scene, cx, y, region.homicidesText, layout.font.body, { bold: true, align: "center", color: textColor, stroke: halo }));
    y += layout.font.body * 1.3;
    const tokens = model.tokens.find((t) => t.regionId === region.id);
    if (!tokens) continue;
    const slot = (i: number) => {
      const row = Math.floor(i / TOKENS_PER_ROW);
      const inRow = Math.min(TOKENS_PER_ROW, tokens.shown - row * TOKENS_PER_ROW);
      const col = i % TOKENS_PER_ROW;
      return { x: cx + (col - (inRow - 1) / 2) * gap, y: y + row * gap };
    };
    const before = Math.min(tokens.before, MAX_TOKENS_PER_REGION);
    const drawCount = animate ? Math.max(tokens.shown, before) : tokens.shown;
    for (let i = 0; i < drawCount; i++) {
      const target = slot(Math.min(i, Math.max(tokens.shown, 1) - 1));
      const dot = scene.add.circle(target.x, target.y, radius, TOKEN_COLOR).setStrokeStyle(2, 0xffffff);
      objects.push(dot);
      if (!animate) continue;
      if (i >= tokens.shown) {
        // dismantled or merged away: fade and shrink
        scene.tweens.add({ targets: dot, alpha: 0, scale: 0.2, delay: 500, duration: 900 });
      } else if (i >= before) {
        // a splinter: born from the first token and flying to its place
        const origin = slot(0);
        dot.setPosition(origin.x, origin.y).setScale(0.2);
        scene.tweens.add({ targets: dot, x: target.x, y: target.y, scale: 1, delay: 500 + (i - before) * 120, duration: 800, ease: "Back.easeOut" });
      }
    }
    const rows = Math.ceil(Math.max(tokens.shown, 1) / TOKENS_PER_ROW);
    const extras: string[] = [];
    if (tokens.overflow > 0) extras.push(`+${tokens.overflow}`);
    const leaders = model.leadersByRegion[region.id] ?? 0;
    if (leaders > 0) extras.push(`♛${leaders}`);
    if (extras.length > 0) objects.push(addText(scene, cx, y + rows * gap - radius, extras.join("  "), layout.font.small, { align: "center", color: textColor, bold: true, stroke: halo }));
    if (animate && tokens.captures > 0) {
      const flash = addText(scene, cx, py(ly) - layout.font.body * 2.4, "✶".repeat(Math.min(tokens.captures, 5)), layout.font.big, { align: "center", color: "#b00020", bold: true });
      scene.tweens.add({ targets: flash, alpha: 0, y: flash.y - 30, delay: 1200, duration: 1400 });
      objects.push(flash);
    }
  }
  if (layout.legend) objects.push(...drawLegend(scene, layout, model));
  return objects;
}

function drawLegend(scene: Phaser.Scene, layout: BoardLayout, model: BoardModel): Phaser.GameObjects.GameObject[] {
  const legend = layout.legend;
  if (!legend) return [];
  const objects: Phaser.GameObjects.GameObject[] = [];
  const size = layout.font.small;
  const title = addText(scene, legend.x, legend.y, model.labels.legendTitle, size, { bold: true });
  objects.push(title);
  let x = legend.x;
  const y = legend.y + size * 1.5;
  const g = scene.add.graphics();
  objects.push(g);
  for (const entry of model.map.legend) {
    g.fillStyle(entry.level.fill, 1).fillRect(x, y, size * 1.2, size * 1.2);
    g.lineStyle(2, 0x4a4a4a, 1).strokeRect(x, y, size * 1.2, size * 1.2);
    const label = addText(scene, x + size * 1.5, y, entry.label, size);
    objects.push(label);
    x += size * 1.5 + label.width + size;
  }
  // first line, after the title: what the symbols mean
  const symbolsX = legend.x + title.width + size * 1.2;
  const dot = scene.add.circle(symbolsX + size * 0.5, legend.y + size * 0.6, size * 0.4, TOKEN_COLOR).setStrokeStyle(2, 0xffffff);
  objects.push(dot);
  const tokenLabel = addText(scene, symbolsX + size * 1.2, legend.y, model.labels.tokenLegend, size);
  objects.push(tokenLabel);
  objects.push(addText(scene, symbolsX + size * 2.4 + tokenLabel.width, legend.y, `♛ = ${model.labels.leaderLegend}`, size));
  return objects;
}

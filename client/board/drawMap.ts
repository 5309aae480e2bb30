// Draws the scenario map: regions shaded by violence, each region's name and homicides on a plate that tokens never cover
// (inside big regions, in open water with a leader line for small ones), group tokens (split/vanish), leaders, legend.
import Phaser from "phaser";
import type { BoardModel } from "../viewModels/boardModel.ts";
import type { Box, LabelPlacement, LabelRequest, Point } from "../viewModels/mapLabels.ts";
import { getPlateSize, placeMapLabels } from "../viewModels/mapLabels.ts";
import type { RegionTokens } from "../viewModels/tokensModel.ts";
import { MAX_TOKENS_PER_REGION } from "../viewModels/tokensModel.ts";
import type { BoardLayout } from "./layout.ts";
import { MAP_GRID } from "./layout.ts";
import { addText } from "./text.ts";

const TOKEN_COLOR = 0x222222;
const TOKENS_PER_ROW = 6;
/** Small regions show at most this many tokens (3 × 2) at their anchor; the plate says how many more. */
const COMPACT_PER_ROW = 3;
const COMPACT_MAX = 6;
const PLATE_PAD = 6;

interface Sizes {
  radius: number;
  gap: number;
  compactRadius: number;
  compactGap: number;
}

function sizesOf(layout: BoardLayout): Sizes {
  const radius = layout.font.small * 0.4;
  const compactRadius = radius * 0.8;
  return { radius, gap: radius * 2.6, compactRadius, compactGap: compactRadius * 2.6 };
}

function clusterSize(shown: number, perRow: number, gap: number): { width: number; height: number } {
  const rows = Math.max(1, Math.ceil(shown / perRow));
  return { width: Math.min(Math.max(shown, 1), perRow) * gap, height: rows * gap };
}

/** Placements depend only on sizes and shapes: reuse them while those stay the same (the search is not free). */
const placementCache = new Map<string, LabelPlacement[]>();

function getPlacements(requests: LabelRequest[], bounds: Box): LabelPlacement[] {
  const key = JSON.stringify([bounds, requests.map((r) => [r.id, r.anchor, Math.round(r.plate.width / 8), r.plate.height, r.cluster, r.compactCluster])]);
  const cached = placementCache.get(key);
  if (cached) return cached;
  const placements = placeMapLabels(requests, bounds);
  if (placementCache.size > 50) placementCache.clear();
  placementCache.set(key, placements);
  return placements;
}

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
  const sizes = sizesOf(layout);
  const textColor = "#111111";

  // Plates' text first (measured, not drawn yet), to know their sizes.
  const plates = model.map.regions.map((region) => {
    const tokens = model.tokens.find((t) => t.regionId === region.id);
    const name = addText(scene, 0, 0, region.name, layout.font.small, { bold: true, align: "center", color: textColor });
    const number = addText(scene, 0, 0, region.homicidesText, layout.font.body, { bold: true, align: "center", color: textColor });
    return { region, tokens, name, number };
  });
  const requests: LabelRequest[] = plates.map(({ region, tokens, name, number }) => {
    const shown = tokens?.shown ?? 0;
    // The third line ("+42 ●   ♛ 1") only when there is something to say, measured for the compact
    // cluster's count (the longest it gets) so the plate is as wide as its widest line.
    const extras = getExtras(tokens, true, model.leadersByRegion[region.id] ?? 0);
    const lines: { width: number; height: number }[] = [name, number];
    if (extras) {
      const probe = addText(scene, 0, 0, extras, layout.font.small * 0.9, { bold: true, align: "center" });
      lines.push({ width: probe.width, height: layout.font.small * 1.2 });
      probe.destroy();
    }
    return {
      id: region.id,
      polygon: region.polygon.map(([x, y]): Point => [px(x), py(y)]),
      anchor: [px(region.label[0]), py(region.label[1])],
      plate: getPlateSize(lines, layout.font.small * 4, PLATE_PAD),
      cluster: clusterSize(shown, TOKENS_PER_ROW, sizes.gap),
      compactCluster: clusterSize(Math.min(shown, COMPACT_MAX), COMPACT_PER_ROW, sizes.compactGap),
    };
  });
  const placements = getPlacements(requests, map);

  const plateGraphics = scene.add.graphics();
  const tokenLayer: Phaser.GameObjects.GameObject[] = [];
  const labelLayer: Phaser.GameObjects.GameObject[] = [];
  plates.forEach(({ region, tokens, name, number }, i) => {
    const place = placements[i];
    if (!place) return;
    const { plate } = place;
    if (place.leader) {
      plateGraphics.lineStyle(3, 0x111111, 1).lineBetween(place.leader.from[0], place.leader.from[1], place.leader.to[0], place.leader.to[1]);
      plateGraphics.fillStyle(0x111111, 1).fillCircle(place.leader.to[0], place.leader.to[1], 4);
    }
    // White plate with a dark edge: readable on every shade of the map and over water.
    plateGraphics.fillStyle(0xffffff, 0.94).fillRoundedRect(plate.x, plate.y, plate.width, plate.height, 8);
    plateGraphics.lineStyle(2, 0x4a4a4a, 1).strokeRoundedRect(plate.x, plate.y, plate.width, plate.height, 8);
    const cx = plate.x + plate.width / 2;
    name.setPosition(cx, plate.y + PLATE_PAD);
    number.setPosition(cx, plate.y + PLATE_PAD + name.height);
    labelLayer.push(name, number);
    const extras = getExtras(tokens, place.compact, model.leadersByRegion[region.id] ?? 0);
    if (extras) labelLayer.push(addText(scene, cx, plate.y + PLATE_PAD + name.height + number.height, extras, layout.font.small * 0.9, { bold: true, align: "center", color: "#333333" }));
    if (tokens) tokenLayer.push(...drawTokens(scene, tokens, place, sizes, animate));
    if (animate && tokens && tokens.captures > 0) {
      const flash = addText(scene, place.cluster.x + place.cluster.width / 2, place.cluster.y - layout.font.big, "✶".repeat(Math.min(tokens.captures, 5)), layout.font.big, { align: "center", color: "#b00020", bold: true });
      scene.tweens.add({ targets: flash, alpha: 0, y: flash.y - 30, delay: 1200, duration: 1400 });
      tokenLayer.push(flash);
    }
  });
  // Tokens under the plates' layer: a plate is never covered.
  objects.push(...tokenLayer, plateGraphics, ...labelLayer);
  objects.push(...drawLegend(scene, layout, model));
  return objects;
}

/** "+6 ●  ♛ 2": groups not drawn as tokens and wanted leaders at large (both explained in the legend). */
function getExtras(tokens: RegionTokens | undefined, compact: boolean, leaders: number): string {
  const parts: string[] = [];
  if (tokens) {
    const drawn = compact ? Math.min(tokens.shown, COMPACT_MAX) : tokens.shown;
    const more = tokens.count - drawn;
    if (more > 0) parts.push(`+${more} ●`);
  }
  if (leaders > 0) parts.push(`♛ ${leaders}`);
  return parts.join("   ");
}

function drawTokens(scene: Phaser.Scene, tokens: RegionTokens, place: LabelPlacement, sizes: Sizes, animate: boolean): Phaser.GameObjects.GameObject[] {
  const objects: Phaser.GameObjects.GameObject[] = [];
  const perRow = place.compact ? COMPACT_PER_ROW : TOKENS_PER_ROW;
  const gap = place.compact ? sizes.compactGap : sizes.gap;
  const radius = place.compact ? sizes.compactRadius : sizes.radius;
  const limit = place.compact ? COMPACT_MAX : MAX_TOKENS_PER_REGION;
  const shown = Math.min(tokens.shown, limit);
  const box = place.cluster;
  const slot = (i: number) => {
    const row = Math.floor(i / perRow);
    const inRow = Math.min(perRow, Math.max(shown, 1) - row * perRow);
    const col = i % perRow;
    return { x: box.x + box.width / 2 + (col - (inRow - 1) / 2) * gap, y: box.y + gap / 2 + row * gap };
  };
  const before = Math.min(tokens.before, limit);
  const drawCount = animate ? Math.max(shown, before) : shown;
  for (let i = 0; i < drawCount; i++) {
    const target = slot(Math.min(i, Math.max(shown, 1) - 1));
    const dot = scene.add.circle(target.x, target.y, radius, TOKEN_COLOR).setStrokeStyle(2, 0xffffff);
    objects.push(dot);
    if (!animate) continue;
    if (i >= shown) {
      // dismantled or merged away: fade and shrink
      scene.tweens.add({ targets: dot, alpha: 0, scale: 0.2, delay: 500, duration: 900 });
    } else if (i >= before) {
      // a splinter: born from the first token and flying to its place
      const origin = slot(0);
      dot.setPosition(origin.x, origin.y).setScale(0.2);
      scene.tweens.add({ targets: dot, x: target.x, y: target.y, scale: 1, delay: 500 + (i - before) * 120, duration: 800, ease: "Back.easeOut" });
    }
  }
  return objects;
}

function drawLegend(scene: Phaser.Scene, layout: BoardLayout, model: BoardModel): Phaser.GameObjects.GameObject[] {
  const legend = layout.legend;
  const objects: Phaser.GameObjects.GameObject[] = [];
  const size = layout.font.small * 0.9;
  const g = scene.add.graphics();
  objects.push(g);
  // Line 1: what the plates' numbers are; line 2: the colours; line 3: what each symbol on the map means.
  objects.push(addText(scene, legend.x, legend.y, model.labels.legendTitle, size, { bold: true }));
  let x = legend.x;
  let y = legend.y + size * 1.4;
  for (const entry of model.map.legend) {
    g.fillStyle(entry.level.fill, 1).fillRect(x, y + 2, size * 1.1, size * 1.1);
    g.lineStyle(2, 0x4a4a4a, 1).strokeRect(x, y + 2, size * 1.1, size * 1.1);
    const label = addText(scene, x + size * 1.4, y, entry.label, size);
    objects.push(label);
    x += size * 1.4 + label.width + size * 1.2;
  }
  y += size * 1.4;
  x = legend.x;
  const dot = scene.add.circle(x + size * 0.45, y + size * 0.6, size * 0.4, TOKEN_COLOR).setStrokeStyle(2, 0xffffff);
  objects.push(dot);
  for (const [i, text] of [model.labels.tokenLegend, `+n ● = ${model.labels.moreGroupsLegend}`, `♛ n = ${model.labels.leaderLegend}`].entries()) {
    const label = addText(scene, x + (i === 0 ? size * 1.1 : 0), y, text, size);
    // Never past the legend's width: an entry that does not fit starts a new line.
    if (i > 0 && label.x + label.width > legend.x + legend.width) {
      y += size * 1.4;
      label.setPosition(legend.x, y);
    }
    objects.push(label);
    x = label.x + label.width + size * 1.4;
  }
  return objects;
}

// Draws the indicator meters: name and unit with its scale and which way is worse, value (pulsing after a resolve),
// and the change since the last round (arrow + signed number, explained in the title line); 0–100 indices get a bar.
import type Phaser from "phaser";
import type { BoardModel } from "../viewModels/boardModel.ts";
import type { Meter, Tone } from "../viewModels/metersModel.ts";
import type { BoardLayout, Rect } from "./layout.ts";
import { addText } from "./text.ts";

/** Dark enough for 4.5:1 on the board's background; the arrow and sign carry the meaning too. */
export const TONE_COLORS: Record<Tone, string> = { better: "#17692f", worse: "#a3001b", neutral: "#4a4a4a" };

function unitLine(meter: Meter, model: BoardModel): string {
  const direction = meter.betterWhen === "lower" ? model.labels.higherIsWorse : meter.betterWhen === "higher" ? model.labels.higherIsBetter : "";
  return direction ? `${meter.unit} · ${direction}` : meter.unit;
}

export function drawMeters(scene: Phaser.Scene, area: Rect, layout: BoardLayout, model: BoardModel, animate: boolean): Phaser.GameObjects.GameObject[] {
  const objects: Phaser.GameObjects.GameObject[] = [];
  const small = layout.font.small;
  const titleHeight = small * 1.3;
  const title = addText(scene, area.x + 4, area.y, `${model.labels.metersTitle} — ${model.labels.metersKey}`, small * 0.8, { bold: true, color: "#333333" });
  // Longer languages shrink the key line rather than run past the meters.
  if (title.width > area.width - 8) title.setScale((area.width - 8) / title.width);
  objects.push(title);
  const top = area.y + titleHeight;
  const rowHeight = (area.height - titleHeight) / Math.max(model.meters.length, 1);
  const g = scene.add.graphics();
  objects.push(g);
  model.meters.forEach((meter, i) => {
    const y = top + i * rowHeight;
    g.fillStyle(i % 2 === 0 ? 0xffffff : 0xefebe3, 1).fillRect(area.x, y, area.width, rowHeight - 3);
    // Right column first: its width decides how wide the name may be, so no name runs into its value.
    const value = addText(scene, area.x + area.width - 12, y + 2, meter.valueText, layout.font.big * 0.9, { bold: true, align: "right" });
    objects.push(value);
    let rightWidth = value.width;
    if (meter.delta !== null) {
      const delta = addText(scene, area.x + area.width - 12, y + 2 + value.height * 0.95, `${meter.arrow} ${meter.deltaText}`, small * 0.85, { color: TONE_COLORS[meter.tone], bold: true, align: "right" });
      objects.push(delta);
      rightWidth = Math.max(rightWidth, delta.width);
    }
    const leftWidth = area.width - 24 - rightWidth - 16;
    const name = addText(scene, area.x + 12, y + 4, meter.label, small, { bold: true });
    if (name.width > leftWidth) name.setScale(leftWidth / name.width);
    objects.push(name);
    const unit = addText(scene, area.x + 12, y + 4 + small * 1.15, unitLine(meter, model), small * 0.8, { color: "#4a4a4a" });
    if (unit.width > leftWidth) unit.setScale(leftWidth / unit.width);
    objects.push(unit);
    if (meter.isIndex) {
      const barY = y + 4 + small * 1.15 + small * 0.8 * 1.3;
      const barWidth = Math.min(leftWidth, area.width * 0.5);
      g.fillStyle(0xd9d4c9, 1).fillRect(area.x + 12, barY, barWidth, 6);
      g.fillStyle(0x4a4a4a, 1).fillRect(area.x + 12, barY, barWidth * meter.fill, 6);
    }
    if (animate && meter.delta !== null && meter.delta !== 0) {
      value.setScale(1.2);
      scene.tweens.add({ targets: value, scale: 1, duration: 700, delay: 300 + i * 80, ease: "Sine.easeOut" });
    }
  });
  return objects;
}

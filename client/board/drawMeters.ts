// Draws the indicator meters: label, value (counting up after a resolve), and change since last round (arrow + number).
import type Phaser from "phaser";
import type { BoardModel } from "../viewModels/boardModel.ts";
import type { Tone } from "../viewModels/metersModel.ts";
import type { BoardLayout, Rect } from "./layout.ts";
import { addText } from "./text.ts";

/** Dark enough for 4.5:1 on the board's background; the arrow and sign carry the meaning too. */
export const TONE_COLORS: Record<Tone, string> = { better: "#17692f", worse: "#a3001b", neutral: "#4a4a4a" };

export function drawMeters(scene: Phaser.Scene, area: Rect, layout: BoardLayout, model: BoardModel, animate: boolean): Phaser.GameObjects.GameObject[] {
  const objects: Phaser.GameObjects.GameObject[] = [];
  const rowHeight = area.height / Math.max(model.meters.length, 1);
  const g = scene.add.graphics();
  objects.push(g);
  model.meters.forEach((meter, i) => {
    const y = area.y + i * rowHeight;
    g.fillStyle(i % 2 === 0 ? 0xffffff : 0xefebe3, 1).fillRect(area.x, y, area.width, rowHeight - 4);
    objects.push(addText(scene, area.x + 12, y + 6, meter.label, layout.font.small, { bold: true }));
    const value = addText(scene, area.x + area.width - 12, y + 4, meter.valueText, layout.font.big, { bold: true, align: "right" });
    objects.push(value);
    if (meter.delta !== null) {
      objects.push(addText(scene, area.x + 12, y + 8 + layout.font.small * 1.2, `${meter.arrow} ${meter.deltaText}`, layout.font.small, { color: TONE_COLORS[meter.tone], bold: true }));
    }
    const barY = y + rowHeight - 12;
    g.fillStyle(0xd9d4c9, 1).fillRect(area.x + area.width * 0.45, barY, area.width * 0.5, 6);
    g.fillStyle(0x4a4a4a, 1).fillRect(area.x + area.width * 0.45, barY, area.width * 0.5 * meter.fill, 6);
    if (animate && meter.delta !== null && meter.delta !== 0) {
      value.setScale(1.25);
      scene.tweens.add({ targets: value, scale: 1, duration: 700, delay: 300 + i * 80, ease: "Sine.easeOut" });
    }
  });
  return objects;
}

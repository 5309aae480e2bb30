// Text helper for the board: one font, crisp at any canvas scale.
import type Phaser from "phaser";

export function addText(
  scene: Phaser.Scene,
  x: number,
  y: number,
  text: string,
  size: number,
  options: { color?: string; bold?: boolean; align?: "left" | "center" | "right"; wrap?: number; stroke?: string } = {},
): Phaser.GameObjects.Text {
  const obj = scene.add.text(x, y, text, {
    fontFamily: "system-ui, 'Segoe UI', Roboto, Arial, sans-serif",
    fontSize: `${size}px`,
    fontStyle: options.bold ? "bold" : "normal",
    color: options.color ?? "#1a1a1a",
    align: options.align ?? "left",
    resolution: Math.max(1, Math.min(2, globalThis.devicePixelRatio || 1)),
    ...(options.stroke ? { stroke: options.stroke, strokeThickness: Math.max(3, Math.round(size / 6)) } : {}),
    ...(options.wrap ? { wordWrap: { width: options.wrap, useAdvancedWrap: true } } : {}),
  });
  if (options.align === "center") obj.setOrigin(0.5, 0);
  if (options.align === "right") obj.setOrigin(1, 0);
  return obj;
}

export function toCss(color: number): string {
  return `#${color.toString(16).padStart(6, "0")}`;
}

// The board's one scene: redraws map, meters and charts when the model changes; animates a new resolve once.
import Phaser from "phaser";
import type { BoardModel } from "../viewModels/boardModel.ts";
import { drawCharts, drawReveal } from "./drawCharts.ts";
import { drawMap } from "./drawMap.ts";
import { drawMeters } from "./drawMeters.ts";
import type { BoardLayout } from "./layout.ts";

export class BoardScene extends Phaser.Scene {
  private readonly layout: BoardLayout;
  private readonly reducedMotion: boolean;
  private model: BoardModel | null = null;
  private signature = "";
  private animatedKey = "";
  private root: Phaser.GameObjects.Container | null = null;
  private ready = false;

  constructor(layout: BoardLayout, reducedMotion: boolean) {
    super("BoardScene");
    this.layout = layout;
    this.reducedMotion = reducedMotion;
  }

  create(): void {
    this.ready = true;
    this.redraw();
  }

  setModel(model: BoardModel): void {
    const signature = JSON.stringify(model);
    if (signature === this.signature) return;
    this.signature = signature;
    this.model = model;
    if (this.ready) this.redraw();
  }

  private redraw(): void {
    const model = this.model;
    if (!model) return;
    this.tweens.killAll();
    this.root?.destroy(true);
    this.root = this.add.container(0, 0);
    const animate = !this.reducedMotion && model.animationKey !== "" && model.animationKey !== this.animatedKey;
    if (animate) this.animatedKey = model.animationKey;
    const layout = this.layout;
    this.root.add(drawMap(this, layout, model, animate));
    this.root.add(drawMeters(this, layout.meters, layout, model, animate));
    this.root.add(model.reveal ? drawReveal(this, layout.charts, layout, model, animate) : drawCharts(this, layout.charts, layout, model));
  }
}

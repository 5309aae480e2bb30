// Creates the Phaser game that draws the board (this module pulls in Phaser: import it lazily).
import Phaser from "phaser";
import type { BoardModel } from "../viewModels/boardModel.ts";
import { BoardScene } from "./BoardScene.ts";
import { PROJECTOR_LAYOUT } from "./layout.ts";

export interface BoardOptions {
  reducedMotion: boolean;
}

export function createBoard(container: HTMLElement, options: BoardOptions): { render(model: BoardModel): void; destroy(): void } {
  const layout = PROJECTOR_LAYOUT;
  const scene = new BoardScene(layout, options.reducedMotion);
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent: container,
    backgroundColor: "#f7f4ee",
    banner: false,
    audio: { noAudio: true },
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_HORIZONTALLY, width: layout.width, height: layout.height },
    scene: [scene],
  });
  return {
    render: (model) => scene.setModel(model),
    destroy: () => game.destroy(true),
  };
}

// Mounts the Phaser board into a container, loading Phaser lazily (its own chunk) the first time a board is shown.
// Only the projector and /watch mount it; phones draw their results and debrief as DOM and SVG (views/phoneCharts).
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import { getLanguage, onLanguageChange, t } from "../i18n/i18n.ts";
import type { SessionSnapshot } from "../state/snapshot.ts";
import { prefersReducedMotion } from "../ui/dom.ts";
import type { BoardLabels, BoardModel } from "../viewModels/boardModel.ts";
import { getBoardModel } from "../viewModels/boardModel.ts";

export interface BoardHandle {
  update(snapshot: SessionSnapshot): void;
  destroy(): void;
}

function getLabels(): BoardLabels {
  return {
    legendTitle: t("board.legend.title"),
    tokenLegend: t("board.legend.token"),
    leaderLegend: t("board.legend.leader"),
    revealTitle: t("reveal.title"),
    classPath: t("board.chart.class"),
    historicalPath: t("board.chart.history"),
    observedPath: t("board.chart.observed"),
    preliminary: t("board.chart.preliminary"),
    moreGroupsLegend: t("board.legend.moreGroups"),
    metersTitle: t("board.meters.title"),
    metersKey: t("board.meters.key"),
    higherIsWorse: t("board.meters.higherWorse"),
    higherIsBetter: t("board.meters.higherBetter"),
  };
}

function mount(container: HTMLElement, scenario: Scenario, snapshot: SessionSnapshot): BoardHandle {
  let latest = snapshot;
  let destroyed = false;
  let board: { render(model: BoardModel): void; destroy(): void } | null = null;
  const model = () => getBoardModel(scenario, latest, getLanguage(), getLabels());
  void import("../board/createBoard.ts").then(({ createBoard }) => {
    if (destroyed) return;
    board = createBoard(container, { reducedMotion: prefersReducedMotion() });
    board.render(model());
  });
  const stop = onLanguageChange(() => board?.render(model()));
  return {
    update(s) {
      latest = s;
      board?.render(model());
    },
    destroy() {
      destroyed = true;
      stop();
      board?.destroy();
    },
  };
}

/** The projector board (map, meters, charts, reveal). The canvas is decorative for screen readers: the DOM panels say the same. */
export function mountProjectorBoard(container: HTMLElement, scenario: Scenario, snapshot: SessionSnapshot): BoardHandle {
  return mount(container, scenario, snapshot);
}

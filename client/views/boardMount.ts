// Mounts the Phaser board into a container, loading Phaser lazily (its own chunk) the first time a board is shown.
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import { getLanguage, onLanguageChange, t, tn } from "../i18n/i18n.ts";
import type { SessionSnapshot } from "../state/snapshot.ts";
import { h, prefersReducedMotion } from "../ui/dom.ts";
import type { BoardLabels, BoardModel } from "../viewModels/boardModel.ts";
import { getBoardModel } from "../viewModels/boardModel.ts";
import { getMapModel } from "../viewModels/mapModel.ts";

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

function mount(container: HTMLElement, scenario: Scenario, snapshot: SessionSnapshot, layout: "projector" | "compact"): BoardHandle {
  let latest = snapshot;
  let destroyed = false;
  let board: { render(model: BoardModel): void; destroy(): void } | null = null;
  const model = () => getBoardModel(scenario, latest, getLanguage(), getLabels());
  void import("../board/createBoard.ts").then(({ createBoard }) => {
    if (destroyed) return;
    board = createBoard(container, { layout, reducedMotion: prefersReducedMotion() });
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
  return mount(container, scenario, snapshot, "projector");
}

/** The phone's compact board: the map only, with its legend as text under it. */
export function mountCompactBoard(container: HTMLElement, scenario: Scenario, snapshot: SessionSnapshot): BoardHandle {
  const canvasHost = h("div", { class: "compact-canvas", attrs: { "aria-hidden": "true" } });
  const legend = h("ul", { class: "map-legend" });
  const regions = h("ul", { class: "region-values" });
  // What the map's symbols mean (the projector draws this key on the canvas).
  const symbols = h(
    "ul",
    { class: "map-legend map-symbols" },
    h("li", {}, `● ${t("board.legend.token")}`),
    h("li", {}, `+n ● = ${t("board.legend.moreGroups")}`),
    h("li", {}, `♛ n = ${t("board.legend.leader")}`),
  );
  container.replaceChildren(canvasHost, h("p", { class: "legend-title" }, t("board.legend.title")), legend, symbols, regions);
  const renderText = (s: SessionSnapshot) => {
    const m = getMapModel(scenario, s, getLanguage());
    legend.replaceChildren(
      ...m.legend.map((l) => h("li", {}, h("span", { class: "swatch", attrs: { style: `background:#${l.level.fill.toString(16).padStart(6, "0")}`, "aria-hidden": "true" } }), l.label)),
    );
    regions.replaceChildren(...m.regions.map((r) => h("li", {}, h("strong", {}, r.name), `: ${t("board.region.values", { homicides: r.homicidesText, groups: tn("board.region.groups", r.groups) })}`)));
  };
  renderText(snapshot);
  const inner = mount(canvasHost, scenario, snapshot, "compact");
  return {
    update(s) {
      renderText(s);
      inner.update(s);
    },
    destroy: () => inner.destroy(),
  };
}

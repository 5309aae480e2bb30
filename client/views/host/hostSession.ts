// The host's projector screen: header with countdown and join address, lobby or board + side panel, the roster drawer, and the command bar.
import type { Scenario } from "../../../shared/content/scenarioSchema.ts";
import { onLanguageChange, t } from "../../i18n/i18n.ts";
import type { SessionConnection } from "../../net/sessionConnection.ts";
import type { SessionSnapshot } from "../../state/snapshot.ts";
import { h } from "../../ui/dom.ts";
import type { LiveRegion } from "../../ui/liveRegion.ts";
import { getSeatCounts } from "../../viewModels/rosterModel.ts";
import type { BoardHandle } from "../boardMount.ts";
import { mountProjectorBoard } from "../boardMount.ts";
import type { Panel } from "../panel.ts";
import { createSessionHeader } from "../sessionHeader.ts";
import { createBoardOverlays } from "./boardOverlays.ts";
import { createEndedBanner } from "./endedBanner.ts";
import { createHostControls } from "./hostControls.ts";
import type { JoinAddressStore } from "./joinAddress.ts";
import { createJoinAddressStore } from "./joinAddress.ts";
import { createLobbyPanel } from "./lobbyPanel.ts";
import { createRosterPanel } from "./rosterPanel.ts";
import { createSidePanel } from "./sidePanel.ts";

/** Keyboard shortcut of the roster toggle (the command bar's keys are letters too). */
const ROSTER_KEY = "C";

export function mountHostSession(container: HTMLElement, connection: SessionConnection, scenario: Scenario, live: LiveRegion, store: JoinAddressStore = createJoinAddressStore()): void {
  const boardHost = h("div", { class: "board", attrs: { "aria-hidden": "true" } });
  const boardWrap = h("div", { class: "board-wrap" }, boardHost);
  // Focusable so keyboard users can scroll a long argument wall or list of "why" lines.
  const side = h("aside", { class: "side-panel", attrs: { "aria-label": t("host.side.label"), tabindex: 0 } });
  const stage = h("main", { class: "host-stage", attrs: { id: "main" } });
  const drawer = h("section", { class: "roster-drawer", id: "roster-drawer", attrs: { "aria-label": t("host.roster.title") } });
  drawer.hidden = true;
  let board: BoardHandle | null = null;
  let panel: Panel | null = null;
  let roster: Panel | null = null;
  let overlays: Panel | null = null;
  let ended: Panel | null = null;
  let screenKey = "";
  let header = createSessionHeader(connection, scenario);
  let codeBadge = h("p", { class: "code-badge" });
  let controls = createHostControls(connection);
  let rosterToggle = h("button", { class: "button control control-roster", attrs: { type: "button", "aria-expanded": "false", "aria-controls": "roster-drawer", "aria-keyshortcuts": ROSTER_KEY } });

  const setDrawer = (open: boolean) => {
    drawer.hidden = !open;
    rosterToggle.setAttribute("aria-expanded", String(open));
    if (open) drawer.querySelector<HTMLElement>("h3, h2")?.focus();
  };
  const updateToggle = (s: SessionSnapshot) => {
    const counts = getSeatCounts(s.players);
    rosterToggle.replaceChildren(t("host.roster.toggle", { count: counts.students + counts.bots }), " ", h("kbd", {}, ROSTER_KEY));
    // The lobby shows the roster itself.
    rosterToggle.hidden = s.phase === "lobby";
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.key.toUpperCase() !== ROSTER_KEY) return;
    const target = event.target as HTMLElement | null;
    if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    if (document.querySelector("dialog[open]") || connection.snapshot.phase === "lobby") return;
    event.preventDefault();
    setDrawer(drawer.hidden);
  };
  document.addEventListener("keydown", onKey);

  const buildRoster = (s: SessionSnapshot) => {
    roster = createRosterPanel(connection, scenario, s, { headingLevel: "h3", showSteps: true });
    const close = h("button", { class: "button small drawer-close", attrs: { type: "button" }, on: { click: () => setDrawer(false) } }, t("host.roster.close"));
    drawer.replaceChildren(h("div", { class: "drawer-head" }, h("h2", { attrs: { tabindex: -1 } }, t("host.roster.title")), close), roster.element);
  };

  const buildToggle = () => {
    rosterToggle = h(
      "button",
      { class: "button control control-roster", attrs: { type: "button", "aria-expanded": String(!drawer.hidden), "aria-controls": "roster-drawer", "aria-keyshortcuts": ROSTER_KEY } },
    );
    rosterToggle.addEventListener("click", () => setDrawer(drawer.hidden));
    controls.addButton(rosterToggle);
  };

  const layout = () => {
    header.element.append(codeBadge);
    container.replaceChildren(header.element, stage, controls.element);
  };

  const renderBadge = (s: SessionSnapshot) => {
    const choices = store.get();
    codeBadge.textContent = t("host.codeBadge", { url: choices ? choices.selected.display : `${location.host}/join`, code: s.code });
  };

  const render = (s: SessionSnapshot, force = false) => {
    header.update(s);
    controls.update(s);
    updateToggle(s);
    renderBadge(s);
    const key = `${s.phase}|${s.round}`;
    if (force || key !== screenKey) {
      if (key !== screenKey) live.announce(t("announce.phase", { phase: t(`phase.${s.phase}`), round: s.round }));
      screenKey = key;
      panel?.destroy?.();
      if (s.phase === "lobby") {
        board?.destroy();
        board = null;
        setDrawer(false);
        panel = createLobbyPanel(connection, scenario, s, store);
        stage.className = "host-stage lobby-stage";
        stage.replaceChildren(panel.element);
        return;
      }
      panel = createSidePanel(connection, scenario, s);
      // After "End session" the way on comes first in the panel; the board keeps its full size.
      ended = s.phase === "ended" ? createEndedBanner(s) : null;
      side.replaceChildren(...(ended ? [ended.element] : []), panel.element);
      stage.className = "host-stage board-stage";
      if (!overlays || force) overlays = createBoardOverlays(connection, scenario);
      if (!roster || force) buildRoster(s);
      boardWrap.replaceChildren(boardHost, overlays.element, drawer);
      if (!board) {
        stage.replaceChildren(boardWrap, side);
        board = mountProjectorBoard(boardHost, scenario, s);
      }
    }
    panel?.update(s);
    overlays?.update(s);
    roster?.update(s);
    board?.update(s);
  };

  connection.onState((s) => render(s));
  store.subscribe(() => renderBadge(connection.snapshot));
  onLanguageChange(() => {
    header.destroy();
    controls.destroy();
    header = createSessionHeader(connection, scenario);
    codeBadge = h("p", { class: "code-badge" });
    controls = createHostControls(connection);
    buildToggle();
    layout();
    side.setAttribute("aria-label", t("host.side.label"));
    drawer.setAttribute("aria-label", t("host.roster.title"));
    render(connection.snapshot, true);
  });
  buildToggle();
  layout();
  render(connection.snapshot, true);
}
